#include "ReportExporter.h"
#include "PostToGui.h"

#include <QDesktopServices>
#include <QProgressDialog>
#include <QUrl>
#include <QWidget>
#include <chrono>

#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta::gui {

ReportExporter::ReportExporter(QWidget* parent) : QObject(parent), parent_(parent) {}

ReportExporter::~ReportExporter() {
    cancel_ = true;  // stops at the next section; QSaveFile leaves no partial file
    if (worker_.joinable()) worker_.join();
}

bool ReportExporter::start(report::ReportCase c, report::PatientReportOptions options, const QString& pdfPath) {
    if (worker_.joinable()) return false;
    cancel_ = false;
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
        return !cancel_.load();
    };
    worker_ = std::thread([this, c = std::move(c), options = std::move(options), path = pdfPath.toStdString()] {
        const auto start = std::chrono::steady_clock::now();
        QString error;
        int pages = 0;
        bool stopped = false;
        try {
            pages = report::writePatientReport(c, options, path);
        } catch (const Cancelled&) {
            stopped = true;
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        postToGui(
            this,
            [this, error, pages, seconds, path, stopped] {
                done();
                if (stopped) {
                    Q_EMIT cancelled();
                    return;
                }
                if (!error.isEmpty()) {
                    Q_EMIT failed(error);
                    return;
                }
                const QString pdf = QString::fromStdString(path);
                if (qEnvironmentVariableIsEmpty("LESIONDELTA_NO_OPEN")) QDesktopServices::openUrl(QUrl::fromLocalFile(pdf));
                Q_EMIT finished(pdf, pages, seconds);
            });
    });
    return true;
}

void ReportExporter::done() {
    if (worker_.joinable()) worker_.join();
    if (dialog_) dialog_->close();
    dialog_ = nullptr;
}

}  // namespace lesiondelta::gui
