#include "ReportExporter.h"

#include <QDesktopServices>
#include <QMetaObject>
#include <QProgressDialog>
#include <QUrl>
#include <QWidget>
#include <chrono>

#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta::gui {

ReportExporter::ReportExporter(QWidget* parent) : QObject(parent), parent_(parent) {}

ReportExporter::~ReportExporter() {
    if (worker_.joinable()) worker_.join();  // a report takes seconds; never leave it half-written
}

bool ReportExporter::start(report::ReportCase c, const report::PatientReportOptions& options, const QString& pdfPath) {
    if (worker_.joinable()) return false;
    dialog_ = new QProgressDialog(tr("Writing the report %1 ...").arg(pdfPath), QString(), 0, 0, parent_);
    dialog_->setWindowTitle(tr("Report"));
    dialog_->setMinimumDuration(300);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    worker_ = std::thread([this, c = std::move(c), options, path = pdfPath.toStdString()] {
        const auto start = std::chrono::steady_clock::now();
        QString error;
        int pages = 0;
        try {
            pages = report::writePatientReport(c, options, path);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QMetaObject::invokeMethod(
            this,
            [this, error, pages, seconds, path] {
                done();
                if (!error.isEmpty()) {
                    Q_EMIT failed(error);
                    return;
                }
                const QString pdf = QString::fromStdString(path);
                if (qEnvironmentVariableIsEmpty("LESIONDELTA_NO_OPEN")) QDesktopServices::openUrl(QUrl::fromLocalFile(pdf));
                Q_EMIT finished(pdf, pages, seconds);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void ReportExporter::done() {
    if (worker_.joinable()) worker_.join();
    if (dialog_) dialog_->close();
    dialog_ = nullptr;
}

}  // namespace lesiondelta::gui
