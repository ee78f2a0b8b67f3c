#pragma once
// File > Open from PACS (issue 21): the PACS node (saved in the settings, tested with C-ECHO), a
// search for a patient's studies (C-FIND), the choice of BL and FU among their series (FLAIR
// marked) and their retrieval into the cache (C-GET) with progress and Cancel - or every study's
// FLAIR at once, as a patient's course. Every network
// call runs on a worker thread, so the window stays responsive; failures are shown in the dialog.
#include <QDialog>
#include <QString>
#include <atomic>
#include <functional>
#include <vector>

#include "lesiondelta/pacs/PacsClient.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace lesiondelta::gui {

class BackgroundTask;

class PacsDialog : public QDialog {
    Q_OBJECT
public:
    explicit PacsDialog(QWidget* parent = nullptr);
    ~PacsDialog() override;

    pacs::PacsNode node() const;
    void setNode(const pacs::PacsNode& node);
    void testConnection();                                         // C-ECHO; the answer in status()
    void search(const pacs::StudyQuery& query);                    // C-FIND; the studies in the list
    bool chooseSeries(const QString& seriesUid, bool asBaseline);  // false: not in the list
    void retrieve();                                               // C-GET of BL and FU; accepts when both arrived
    /// C-GET of every found study's FLAIR series, named in a series.json in the cache; accepts
    /// when all arrived (a patient's course, opened as a series).
    void retrieveCourse();
    bool busy() const;
    QString status() const;
    int studyCount() const { return int(studies_.size()); }
    /// The retrieved series folders (after retrieve() succeeded).
    QString baselineFolder() const { return blFolder_; }
    QString followUpFolder() const { return fuFolder_; }
    /// The course's folder (series.json) after retrieveCourse() succeeded; empty otherwise.
    QString seriesFolder() const { return seriesFolder_; }
    /// Where retrieved series are kept: the user's cache folder, pacs/.
    static QString cacheFolder();

private:
    void run(const QString& doing, std::function<void()> work, std::function<void()> done);
    void showStudies();
    void showChoice();

    QLineEdit *aeTitle_, *host_, *ourAeTitle_, *patientName_, *patientId_, *dates_;
    QSpinBox* port_;
    QTreeWidget* tree_;
    QLabel *status_, *choice_;
    QProgressBar* progress_;
    QPushButton *test_, *find_, *asBl_, *asFu_, *course_, *open_, *cancel_;
    BackgroundTask* task_;
    std::vector<pacs::StudyInfo> studies_;
    struct Chosen {
        QString study, series, label;
    } bl_, fu_;
    QString blFolder_, fuFolder_, seriesFolder_;
    std::atomic<int> received_{0}, expected_{0};
};

}  // namespace lesiondelta::gui
