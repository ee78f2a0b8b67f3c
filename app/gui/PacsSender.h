#pragma once
// File > Send results to PACS, the work behind it (issue 21): on a worker thread, the patient
// report (with the patient's identity: the PACS needs it, whatever the anonymise setting for
// reports on disk), the case's results as DICOM (SEG, Encapsulated PDF, outline pictures; shared
// with `lesiondelta-cli pacs send`), then C-STORE to the configured node, while a progress dialog
// with Cancel shows. Cancelling stops before the next step; nothing is sent half-written.
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <optional>

#include "BackgroundTask.h"
#include "lesiondelta/pacs/PacsClient.h"
#include "lesiondelta/report/PatientReport.h"

class QWidget;

namespace lesiondelta::gui {

struct PacsSendJob {
    pacs::PacsNode node;
    QString resultsDir;  // segment's result files (summary.json, new_lesions.nii.gz, ...)
    /// Set when the results were written only for sending (not saved with a case): removed after.
    std::shared_ptr<QTemporaryDir> temporary;
    QString fuFolder;                              // the FU's DICOM folder
    std::optional<report::ReportCase> reportCase;  // none: no report object
    QString softwareVersion;
};

class PacsSender : public QObject {
    Q_OBJECT
public:
    explicit PacsSender(QWidget* parent);
    ~PacsSender() override;

    /// Starts; false while sending.
    bool start(PacsSendJob job);
    bool busy() const { return task_.busy(); }
    void cancel() { task_.cancel(); }

Q_SIGNALS:
    void finished(QString summary);  // "Sent 48 DICOM objects (SEG, report, 46 outline images) to ..."
    void failed(QString message);
    void cancelled();

private:
    void onFinished(BackgroundTask::Outcome outcome, const QString& message);
    void show(double fraction, const QString& stage);  // from the worker
    QWidget* parent_;
    QPointer<QProgressDialog> dialog_;  // deletes itself when closed
    QString summary_;                   // written by the worker, read after `finished`
    BackgroundTask task_;
};

}  // namespace lesiondelta::gui
