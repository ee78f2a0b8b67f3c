#include "PacsSender.h"

#include <QStringList>
#include <QWidget>

#include "PostToGui.h"
#include "lesiondelta/core/Progress.h"
#include "lesiondelta/pacs/CaseResultsDicom.h"

namespace lesiondelta::gui {

PacsSender::PacsSender(QWidget* parent) : QObject(parent), parent_(parent) {
    connect(&task_, &BackgroundTask::finished, this, &PacsSender::onFinished);
}

PacsSender::~PacsSender() {
    task_.cancel();
    task_.wait();
}

void PacsSender::show(double fraction, const QString& stage) {
    postToGui(this, [this, fraction, stage] {
        if (!dialog_) return;
        dialog_->setValue(int(100 * fraction));
        dialog_->setLabelText(stage);
    });
}

bool PacsSender::start(PacsSendJob job) {
    if (task_.busy()) return false;
    const QString node = QString::fromStdString(job.node.describe());
    dialog_ = new QProgressDialog(tr("Sending the results to PACS %1 ...").arg(node), tr("Cancel"), 0, 100, parent_);
    dialog_->setWindowTitle(tr("Send results to PACS"));
    dialog_->setMinimumDuration(300);
    dialog_->setAutoClose(false);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QProgressDialog::canceled, this, &PacsSender::cancel);
    summary_.clear();
    return task_.start([this, job = std::move(job), node] {
        const auto stop = [this] {
            if (task_.cancelRequested()) throw Cancelled();
        };
        // The report for the PACS names the patient: identity is needed there.
        QTemporaryDir scratch;
        QString pdf;
        if (job.reportCase) {
            show(0.0, tr("Writing the report ..."));
            report::PatientReportOptions options;
            options.anonymise = false;
            options.softwareVersion = job.softwareVersion;
            options.progress = [this](double fraction, const std::string&) {
                show(0.5 * fraction, tr("Writing the report ..."));
                return !task_.cancelRequested();
            };
            pdf = scratch.filePath(QStringLiteral("report.pdf"));
            report::writePatientReport(*job.reportCase, options, pdf.toStdString());
        }
        stop();
        show(0.5, tr("Writing the DICOM objects ..."));
        const auto written = pacs::writeCaseResultsAsDicom({.caseDir = job.resultsDir.toStdString(),
                                                            .fuFolder = job.fuFolder.toStdString(),
                                                            .reportPdf = pdf.toStdString(),
                                                            .outlineCapture = true});
        stop();
        show(0.7, tr("Sending to PACS %1 ...").arg(node));
        const int sent = pacs::PacsClient(job.node).store(written.files());
        QStringList what;
        if (!written.segmentation.empty()) what << QStringLiteral("SEG");
        if (!written.measurements.empty()) what << tr("measurements");
        if (!written.report.empty()) what << tr("report");
        if (written.captureImages > 0) what << tr("%1 outline images").arg(written.captureImages);
        summary_ = tr("Sent %1 DICOM objects (%2) to PACS %3").arg(sent).arg(what.join(QStringLiteral(", ")), node);
    });
}

void PacsSender::onFinished(BackgroundTask::Outcome outcome, const QString& message) {
    if (dialog_) dialog_->close();
    dialog_ = nullptr;
    if (outcome == BackgroundTask::Outcome::Cancelled)
        Q_EMIT cancelled();
    else if (outcome == BackgroundTask::Outcome::Failed)
        Q_EMIT failed(message);
    else
        Q_EMIT finished(summary_);
}

}  // namespace lesiondelta::gui
