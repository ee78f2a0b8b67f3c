#pragma once
// Writes the patient report of the open case on a worker thread while a progress dialog shows,
// then opens the PDF with the desktop's viewer (unless LESIONDELTA_NO_OPEN is set, as in tests).
#include <QObject>
#include <QString>
#include <thread>

#include "lesiondelta/report/PatientReport.h"

class QProgressDialog;
class QWidget;

namespace lesiondelta::gui {

class ReportExporter : public QObject {
    Q_OBJECT
public:
    explicit ReportExporter(QWidget* parent);
    ~ReportExporter() override;

    /// Starts writing; false while a report is being written.
    bool start(report::ReportCase c, const report::PatientReportOptions& options, const QString& pdfPath);
    bool busy() const { return worker_.joinable(); }

Q_SIGNALS:
    void finished(QString pdfPath, int pages, double seconds);
    void failed(QString message);

private:
    void done();
    QWidget* parent_;
    QProgressDialog* dialog_ = nullptr;
    std::thread worker_;
};

}  // namespace lesiondelta::gui
