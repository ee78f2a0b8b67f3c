#pragma once
// Writes the patient report of the open case on a worker thread while a progress dialog with a
// Cancel button shows, then opens the PDF with the desktop's viewer (unless LESIONDELTA_NO_OPEN
// is set, as in tests). Cancelling (or destroying the exporter, as when the window closes) stops
// the worker at its next section and leaves no file; an existing report at that path is kept.
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include "BackgroundTask.h"
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
    bool busy() const { return task_.busy(); }
    /// Asks the worker to stop; `cancelled` follows once it has.
    void cancel() { task_.cancel(); }

Q_SIGNALS:
    void finished(QString pdfPath, int pages, double seconds);
    void failed(QString message);
    void cancelled();

private:
    void onFinished(BackgroundTask::Outcome outcome, const QString& message);
    QWidget* parent_;
    QPointer<QProgressDialog> dialog_;  // deletes itself when closed
    QString pdf_;
    int pages_ = 0;  // written by the worker, read after `finished`
    double seconds_ = 0.0;
    BackgroundTask task_;
};

}  // namespace lesiondelta::gui
