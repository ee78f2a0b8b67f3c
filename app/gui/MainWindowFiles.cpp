// MainWindow, part 2: choosing and opening files, folders and DICOM series, recent cases, and
// the help dialogs (about, welcome), theme and language.
#include <QActionGroup>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

#include "AboutDialog.h"
#include "Appearance.h"
#include "Localization.h"
#include "MainWindow.h"
#include "Settings.h"
#include "WelcomeDialog.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/DicomSeries.h"

namespace lesiondelta::gui {

void MainWindow::addRecent(const QString& entry) {
    QStringList recent = settings::recentCases();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > 10) recent.removeLast();
    settings::setRecentCases(recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = settings::recentCases();
    for (const auto& entry : recent) {
        recentMenu_->addAction(QString(entry).replace('|', QStringLiteral("  +  ")), this,
                               [this, entry] { openRecent(entry); });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::openRecent(const QString& entry) {
    const auto parts = entry.split('|');
    parts.size() == 2 ? openPair(parts[0], parts[1]) : openCaseFolder(entry);
}

void MainWindow::chooseAndOpenPair() {
    const QString dir = settings::lastFolder();
    const QString filter = tr("Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;All files (*)");
    const QString bl = QFileDialog::getOpenFileName(this, tr("Baseline (BL) scan"), dir, filter);
    if (bl.isEmpty()) return;
    const QString fu = QFileDialog::getOpenFileName(this, tr("Follow-up (FU) scan"), QFileInfo(bl).path(), filter);
    if (fu.isEmpty()) return;
    settings::setLastFolder(QFileInfo(fu).path());
    openPair(bl, fu);
}

void MainWindow::chooseAndOpenFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Case folder"), settings::lastFolder());
    if (folder.isEmpty()) return;
    settings::setLastFolder(folder);
    openCaseFolder(folder);
}

QString MainWindow::chooseSeries(const QString& folder, const QString& which, bool& ok) {
    ok = true;
    std::vector<DicomSeriesInfo> series;
    try {
        series = listDicomSeries(folder.toStdString());
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
        ok = false;
        return {};
    }
    if (series.empty()) {
        showError(tr("%1 holds no DICOM series.").arg(folder));
        ok = false;
        return {};
    }
    if (series.size() == 1) return QString::fromStdString(series[0].uid);
    QStringList items;
    for (const auto& s : series) {
        items << tr("%1 (%2, %3 files) %4")
                     .arg(QString::fromStdString(s.description.empty() ? "unnamed" : s.description),
                          QString::fromStdString(s.modality))
                     .arg(s.fileCount)
                     .arg(QString::fromStdString(s.uid));
    }
    const QString choice = QInputDialog::getItem(this, tr("Choose the %1 series").arg(which),
                                                 tr("%1 holds several series:").arg(folder), items, 0, false, &ok);
    if (!ok) return {};
    return QString::fromStdString(series[std::size_t(items.indexOf(choice))].uid);
}

void MainWindow::chooseAndOpenDicom() {
    const QString bl =
        QFileDialog::getExistingDirectory(this, tr("Baseline (BL) DICOM folder"), settings::lastFolder());
    if (bl.isEmpty()) return;
    bool ok = false;
    const QString blUid = chooseSeries(bl, tr("BL"), ok);
    if (!ok) return;
    const QString fu = QFileDialog::getExistingDirectory(this, tr("Follow-up (FU) DICOM folder"), QFileInfo(bl).path());
    if (fu.isEmpty()) return;
    const QString fuUid = chooseSeries(fu, tr("FU"), ok);
    if (!ok) return;
    settings::setLastFolder(QFileInfo(fu).path());
    openPair(bl, fu, blUid, fuUid);
}

void MainWindow::chooseAndAddMask(bool lst) {
    const QString path =
        QFileDialog::getOpenFileName(this, lst ? tr("LST output (labels, 3 = increase)") : tr("Rater mask"),
                                     settings::lastFolder(), tr("Images (*.nii *.nii.gz *.nrrd *.mha);;All files (*)"));
    if (!path.isEmpty()) addMaskFile(path, lst);
}

bool MainWindow::addMaskFile(const QString& path, bool lst) {
    // A rater's mask is named after its file (the rater's code, as in case folders' raters/).
    const viewer::LayerId id =
        lst ? viewer::LayerId{viewer::LayerKind::Lst, {}}
            : viewer::LayerId{viewer::LayerKind::Rater, QFileInfo(path).baseName().toStdString()};
    try {
        session_->addMaskLayer(id, path, lst ? 0xff8c00 : 0x3399ff);
        return true;
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
}

void MainWindow::chooseAndSaveResults() {
    if (!session_->result()) {
        showError(tr("There are no results to save yet."));
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save results into"), settings::lastFolder());
    if (folder.isEmpty()) return;
    try {
        session_->saveResults(folder);
        statusBar()->showMessage(tr("Saved to %1").arg(folder), 5000);
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
    }
}

bool MainWindow::mayDropUnsavedResult() {
    if (!session_->resultUnsaved()) return true;
    if (!start_.interactive) {
        qWarning("%s", qPrintable(tr("The detection's results were not saved.")));
        return true;
    }
    const auto& folder = session_->caseFolder();
    const auto answer = QMessageBox::question(
        this, tr("Unsaved detection"),
        folder ? tr("The results on screen differ from those saved with the case (a new detection or a changed "
                    "threshold). Save them with the case before they are closed?")
               : tr("The detection's results have not been saved anywhere. Save them before they are closed?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) {
        if (folder) {
            try {
                session_->saveResults(QString::fromStdString(folder->results));
            } catch (const std::exception& e) {
                showError(QString::fromStdString(e.what()));
            }
        } else {
            chooseAndSaveResults();
        }
        return !session_->resultUnsaved();  // the folder dialog cancelled or saving failed: stay
    }
    return true;
}

void MainWindow::chooseAndExportReport() {
    if (!session_->hasCase()) {
        showError(tr("Open a case before exporting a report."));
        return;
    }
    QString suggestion = settings::lastFolder();
    if (const auto& folder = session_->caseFolder()) suggestion = QString::fromStdString(folder->folder);
    suggestion = QDir(suggestion).filePath(QStringLiteral("report.pdf"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export patient report"), suggestion, tr("PDF (*.pdf)"));
    if (!path.isEmpty()) exportReport(path.endsWith(".pdf", Qt::CaseInsensitive) ? path : path + ".pdf");
}

bool MainWindow::exportReport(const QString& pdfPath) {
    if (!session_->hasCase() || reporter_->busy()) return false;
    report::PatientReportOptions options;
    options.anonymise = anonymiseAction_->isChecked();
    options.softwareVersion = QString::fromLatin1(kVersion);
    return reporter_->start(session_->reportCase(), options, pdfPath);
}

void MainWindow::showShortcuts() {
    QString text = QStringLiteral("<table>");
    for (auto* menu : menuBar()->findChildren<QMenu*>()) {
        for (auto* a : menu->actions()) {
            if (a->shortcut().isEmpty()) continue;
            text += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td></tr>")
                        .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                             QString(a->text()).remove('&').toHtmlEscaped());
        }
    }
    text += tr("<tr><td><b>Ctrl+left drag</b></td><td>&nbsp;&nbsp;measure a distance in mm</td></tr>");
    text +=
        tr("<tr><td><b>Left click / drag</b></td><td>&nbsp;&nbsp;set the cursor in both views</td></tr>"
           "<tr><td><b>Right drag</b></td><td>&nbsp;&nbsp;window (left/right) and level (up/down)</td></tr>"
           "<tr><td><b>Middle or Shift+left drag</b></td><td>&nbsp;&nbsp;pan</td></tr>"
           "<tr><td><b>Wheel / Ctrl+wheel</b></td><td>&nbsp;&nbsp;slice / zoom</td></tr></table>");
    QMessageBox::information(this, tr("Keyboard shortcuts"), text);
}

void MainWindow::showAbout() {
    QString model = start_.model;
    if (model.isEmpty()) {
        try {
            model = QString::fromStdString(findShippedModel());
        } catch (const std::exception&) {
            // said in the dialog
        }
    }
    AboutDialog(model, this).exec();
}

void MainWindow::showWelcome() {
    if (!welcome_) {
        welcome_ = new WelcomeDialog(QString::fromStdString(findSampleCase()), this);
        connect(welcome_, &WelcomeDialog::openSample, this, &MainWindow::openCaseFolder);
        connect(welcome_, &WelcomeDialog::openFolder, this, &MainWindow::chooseAndOpenFolder);
        connect(welcome_, &WelcomeDialog::openScans, this, &MainWindow::chooseAndOpenPair);
    }
    welcome_->show();
    welcome_->raise();
}

void MainWindow::buildAppearanceActions(QMenu* view) {
    view->addSeparator();
    auto* themes = view->addMenu(tr("Theme"));
    auto* themeGroup = new QActionGroup(this);
    const std::pair<QString, Theme> themeNames[] = {
        {tr("As the system"), Theme::System}, {tr("Light"), Theme::Light}, {tr("Dark"), Theme::Dark}};
    for (const auto& [name, theme] : themeNames) {
        auto* a = themes->addAction(name, this, [theme = theme] {
            applyTheme(theme);
            settings::setTheme(theme);
        });
        a->setCheckable(true);
        a->setChecked(theme == settings::theme());
        themeGroup->addAction(a);
    }
    auto* languages = view->addMenu(tr("Language"));
    auto* languageGroup = new QActionGroup(this);
    QStringList codes{QString()};
    codes += i18n::availableLanguages();
    for (const QString& code : codes) {
        auto* a =
            languages->addAction(code.isEmpty() ? tr("As the system") : i18n::languageName(code), this, [this, code] {
                settings::setLanguage(code);
                QMessageBox::information(this, tr("Language"),
                                         tr("The new language applies from the next start of LesionDelta."));
            });
        a->setCheckable(true);
        a->setChecked(code == settings::language());
        languageGroup->addAction(a);
    }
}

void MainWindow::updatePlausibilityBanner() {
    const auto& warnings = session_->plausibility();
    if (warnings.empty()) {
        plausibilityBanner_->hide();
        return;
    }
    QStringList lines;
    for (const auto& w : warnings) lines << QString::fromStdString(w.message).toHtmlEscaped();
    const bool unreliable = session_->resultUnreliable();
    plausibilityBanner_->setText(
        (unreliable ? tr("<b>CNN result unreliable.</b> %1") : tr("<b>Please check:</b> %1")).arg(lines.join("<br>")));
    plausibilityBanner_->setStyleSheet(unreliable ? "background:#b3261e; color:white; padding:6px;"
                                                  : "background:#f2c94c; color:black; padding:6px;");
    plausibilityBanner_->show();
}

void MainWindow::openPair(const QString& bl, const QString& fu, const QString& blUid, const QString& fuUid) {
    if (!mayDropUnsavedResult()) return;
    if (bl.isEmpty() || fu.isEmpty()) {
        showError(tr("Give both scans: BL and FU."));
        return;
    }
    if (!session_->open(bl, fu, blUid, fuUid)) {
        showError(tr("Please wait for the running task to finish or cancel it."));
        return;
    }
    addRecent(bl + "|" + fu);
    onProgress(0, tr("loading"));
}

void MainWindow::openCaseFolder(const QString& folder) {
    if (!mayDropUnsavedResult()) return;
    try {
        if (!session_->openFolder(folder)) {
            showError(tr("Please wait for the running task to finish or cancel it."));
            return;
        }
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
        QTimer::singleShot(0, this, &MainWindow::finishStartup);
        return;
    }
    addRecent(folder);
    onProgress(0, tr("loading"));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const auto& url : event->mimeData()->urls()) paths << url.toLocalFile();
    paths.sort();  // BL before FU when named by date, study number or bl/fu
    if (paths.size() == 1 && QFileInfo(paths[0]).isDir()) {
        openCaseFolder(paths[0]);
    } else if (paths.size() == 2) {
        openPair(paths[0], paths[1]);
    } else {
        showError(tr("Drop a case folder, or exactly two scans (BL first by name, then FU)."));
    }
}

}  // namespace lesiondelta::gui
