#include "ReportExporter.h"

#include <QDesktopServices>
#include <QProgressDialog>
#include <QUrl>
#include <QWidget>
#include <chrono>

#include "PostToGui.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta::gui {

ReportExporter::ReportExporter(QWidget* parent) : QObject(parent), parent_(parent) {
    connect(&task_, &BackgroundTask::finished, this, &ReportExporter::onFinished);
}

ReportExporter::~ReportExporter() {
    task_.cancel();  // stops at the next section; QSaveFile leaves no partial file
    task_.wait();
}

bool ReportExporter::start(report::ReportCase c, report::PatientReportOptions options, const QString& pdfPath) {
    if (task_.busy()) return false;
    dialog_ = new QProgressDialog(tr("Writing the report %1 ...").arg(pdfPath), tr("Cancel"), 0, 100, parent_);
    dialog_->setWindowTitle(tr("Report"));
    dialog_->setMinimumDuration(300);
    dialog_->setAutoClose(false);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QProgressDialog::canceled, this, &ReportExporter::cancel);
    options.progress = [this](double fraction, const std::string&) {
        postToGui(this, [this, fraction] {
            if (dialog_) dialog_->setValue(int(100 * fraction));
        });
        return !task_.cancelRequested();
    };
    pdf_ = pdfPath;
    return task_.start([this, c = std::move(c), options = std::move(options), path = pdfPath.toStdString()] {
        const auto start = std::chrono::steady_clock::now();
        pages_ = report::writePatientReport(c, options, path);
        seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    });
}

void ReportExporter::onFinished(BackgroundTask::Outcome outcome, const QString& message) {
    if (dialog_) dialog_->close();
    dialog_ = nullptr;
    if (outcome == BackgroundTask::Outcome::Cancelled) {
        Q_EMIT cancelled();
    } else if (outcome == BackgroundTask::Outcome::Failed) {
        Q_EMIT failed(message);
    } else {
        if (qEnvironmentVariableIsEmpty("LESIONDELTA_NO_OPEN")) QDesktopServices::openUrl(QUrl::fromLocalFile(pdf_));
        Q_EMIT finished(pdf_, pages_, seconds_);
    }
}

}  // namespace lesiondelta::gui
