#pragma once
// Writes the patient report of the open case on a worker thread while a progress dialog with a
// Cancel button shows, then opens the PDF with the desktop's viewer (unless LESIONDELTA_NO_OPEN
// is set, as in tests). Cancelling (or destroying the exporter, as when the window closes) stops
// the worker at its next section and leaves no file; an existing report at that path is kept.
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>
#include <atomic>
#include <thread>

#include "lesiondelta/report/PatientReport.h"

class QWidget;

namespace lesiondelta::gui {

class ReportExporter : public QObject {
    Q_OBJECT
public:
    explicit ReportExporter(QWidget* parent);
    ~ReportExporter() override;

    /// Starts writing; false while a report is being written.
    bool start(report::ReportCase c, report::PatientReportOptions options, const QString& pdfPath);
    bool busy() const { return worker_.joinable(); }
    /// Asks the worker to stop; `cancelled` follows once it has.
    void cancel() { cancel_ = true; }

Q_SIGNALS:
    void finished(QString pdfPath, int pages, double seconds);
    void failed(QString message);
    void cancelled();

private:
    void done();
    QWidget* parent_;
    QPointer<QProgressDialog> dialog_;  // deletes itself when closed
    std::thread worker_;
    std::atomic<bool> cancel_{false};
};

}  // namespace lesiondelta::gui
