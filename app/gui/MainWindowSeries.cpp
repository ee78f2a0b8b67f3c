// MainWindow: a patient's course of visits (issue 20) - opening a series, the visit bar above
// the views and the course timeline tab (SeriesSession does the work).
#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

#include "CourseTimeline.h"
#include "MainWindow.h"
#include "SeriesDatesDialog.h"
#include "SeriesSession.h"
#include "Settings.h"
#include "VisitBar.h"

namespace lesiondelta::gui {

void MainWindow::buildSeries() {
    series_ = new SeriesSession(*session_, this);
    timeline_ = new CourseTimeline(this);
    sideTabs_->addTab(timeline_, tr("Course"));
    sideTabs_->setTabVisible(sideTabs_->indexOf(timeline_), false);
    visitBar_->hide();
    connect(series_, &SeriesSession::progress, this, &MainWindow::onProgress);
    connect(series_, &SeriesSession::failed, this, &MainWindow::showError);
    connect(series_, &SeriesSession::cancelled, this, [this] { statusBar()->showMessage(tr("Cancelled"), 5000); });
    connect(series_, &SeriesSession::workFinished, this, &MainWindow::onWorkFinished);
    connect(series_, &SeriesSession::opened, this, &MainWindow::onSeriesOpened);
    connect(series_, &SeriesSession::pairShown, this, [this](int from, int to) {
        visitBar_->setPair(from, to);
        navigator_->setLesions(series_->navigatorLesions());
        const auto& visits = series_->result()->visits;
        statusBar()->showMessage(
            tr("BL side: %1, FU side: %2")
                .arg(QString::fromStdString(visits[from].visit.label), QString::fromStdString(visits[to].visit.label)),
            5000);
    });
    connect(visitBar_, &VisitBar::pairChosen, series_, &SeriesSession::showPair);
    connect(timeline_, &CourseTimeline::intervalChosen, series_, &SeriesSession::showPair);
    // Opening a pair or a case folder leaves the series.
    connect(session_, &CaseSession::previewShown, this, &MainWindow::leaveSeries);
    connect(session_, &CaseSession::caseOpened, this, &MainWindow::leaveSeries);
}

void MainWindow::leaveSeries() {
    if (!series_->active()) return;
    series_->close();
    visitBar_->hide();
    sideTabs_->setTabVisible(sideTabs_->indexOf(timeline_), false);
}

void MainWindow::chooseAndOpenSeries() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open patient series"), settings::lastFolder());
    if (!dir.isEmpty()) openSeries(dir);
}

void MainWindow::openSeries(const QString& dir) {
    if (!mayDropUnsavedResult()) return;
    if (session_->busy() || series_->busy()) {
        showError(tr("Please wait for the running task to finish or cancel it."));
        return;
    }
    SeriesInput in;
    in.detector = start_.seriesDetector;
    if (in.detector == "cnn") {
        in.settings.modelPath = modelPath().toStdString();
        if (in.settings.modelPath.empty()) return;  // modelPath() said why
    }
    in.settings.device = start_.device.toStdString();
    // Results are kept per series (and detector) in the user's data folder, never in the
    // patient's folder: opening the series again reuses them.
    const QString key = QString::fromLatin1(
        QCryptographicHash::hash(
            (QFileInfo(dir).absoluteFilePath() + "|" + QString::fromStdString(start_.seriesDetector)).toUtf8(),
            QCryptographicHash::Sha1)
            .toHex()
            .left(16));
    in.outDir =
        (QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/series/" + key).toStdString();
    try {
        if (!series_->open(dir, in)) return;
    } catch (const std::exception& e) {
        // Scans named without dates: the reader may give the dates (saved as series.json).
        const bool undated = std::string(e.what()).find("has no date in its name") != std::string::npos;
        if (undated && start_.interactive) {
            SeriesDatesDialog dates(dir, this);
            if (dates.exec() == QDialog::Accepted) openSeries(dir);
            return;
        }
        showError(QString::fromStdString(e.what()));
        return;
    }
    settings::setLastFolder(dir);
    onProgress(0, tr("loading"));
}

void MainWindow::onSeriesOpened() {
    const auto* r = series_->result();
    std::vector<int> usable = series_->usableVisits();
    QStringList labels;
    for (int v : usable) {
        const auto& visit = r->visits[v].visit;
        labels << (visit.label == visit.date ? QString::fromStdString(visit.date)
                                             : QStringLiteral("%1 (%2)").arg(QString::fromStdString(visit.label),
                                                                             QString::fromStdString(visit.date)));
    }
    visitBar_->setVisits(usable, labels);
    visitBar_->setPair(series_->shownFrom(), series_->shownTo());
    visitBar_->setSentence(series_->sentence());
    visitBar_->show();
    std::vector<std::pair<int, int>> intervals;
    for (const auto& i : r->intervals) intervals.emplace_back(i.from, i.to);
    timeline_->setCourse(courseReportData(*r), intervals);
    sideTabs_->setTabVisible(sideTabs_->indexOf(timeline_), true);
    setWindowTitle(tr("LesionDelta - %1 (series of %2 visits)")
                       .arg(QString::fromStdString(r->series.patient))
                       .arg(r->visits.size()));
    QStringList leftOut;
    for (const auto& v : r->visits)
        if (!v.error.empty()) leftOut << QString::fromStdString(v.visit.label + ": " + v.error);
    for (const auto& i : r->intervals)
        if (!i.error.empty())
            leftOut << QString::fromStdString(r->visits[i.from].visit.label + " → " + r->visits[i.to].visit.label +
                                              ": " + i.error);
    if (!leftOut.isEmpty()) showError(tr("Parts of the series could not be used:\n%1").arg(leftOut.join("\n")));
}

}  // namespace lesiondelta::gui
