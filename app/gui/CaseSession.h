#pragma once
// One open case in the GUI: the scans, BL registered to FU, the results and overlays, the viewer
// coupling model and scene. Long work (loading + registration, CNN detection) runs on a worker
// thread; progress and results come back to the GUI thread through queued calls, and a Cancel
// flag stops the worker at its next progress report (at most one crop). Nothing loaded is
// replaced until new work has succeeded.
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "BackgroundTask.h"
#include "lesiondelta/pipeline/CaseFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"
#include "lesiondelta/report/CaseComparison.h"
#include "lesiondelta/viewer/LesionNavigator.h"
#include "lesiondelta/viewer/SlicePairModel.h"
#include "lesiondelta/viewer/ViewerScene.h"

namespace lesiondelta::gui {

class CaseSession : public QObject {
    Q_OBJECT
public:
    explicit CaseSession(QObject* parent = nullptr);
    ~CaseSession() override;

    /// Starts loading and registering a pair (worker thread). Returns false while busy.
    bool open(const QString& bl, const QString& fu, const QString& blSeriesUid = {}, const QString& fuSeriesUid = {});
    /// A case folder: BL/FU, then LST, rater masks and saved results once registered.
    bool openFolder(const QString& folder);
    /// Starts CNN detection on the registered pair (worker thread). Returns false while busy or
    /// without a case.
    bool detect(const QString& modelPath, const QString& device);
    void cancel() { task_.cancel(); }
    bool busy() const { return task_.busy(); }
    void waitForWorker();

    /// Shows two scans on one grid without a pair behind them (a patient series' visits, both
    /// already in the reference visit's space): the open case closes; `newGeometry` resets the
    /// views (cursor, zoom, windows), otherwise they stay where they are.
    void showScans(ImageVolume::Pointer bl, ImageVolume::Pointer fu, bool newGeometry);

    bool hasCase() const { return pair_ != nullptr; }
    const RegisteredPair* pair() const { return pair_.get(); }
    const std::optional<CaseFolder>& caseFolder() const { return folder_; }
    const SegmentationResult* result() const { return result_ ? result_.get() : nullptr; }
    QString blPath() const { return blPath_; }
    /// Local correlation of FU and registered BL inside the FU head (core/PairSimilarity).
    double alignmentAgreement() const { return alignmentAgreement_; }
    /// Below this, BL and FU are reported as possibly different patients or misregistered.
    static constexpr double kPlausibleAgreement = lesiondelta::kPlausibleAgreement;
    /// The plausibility warnings of the open case (Plausibility.h): set on opening (inputs, dates,
    /// alignment) and after detection (also the result's volume).
    const std::vector<PlausibilityWarning>& plausibility() const { return plausibility_; }
    bool resultUnreliable() const;
    QString fuPath() const { return fuPath_; }

    viewer::SlicePairModel& model() { return model_; }
    viewer::ViewerScene& scene() { return scene_; }

    /// Live threshold: recomputes the CNN mask and lesion table from the probability map.
    void setThreshold(double threshold);
    double threshold() const { return threshold_; }
    /// Adds a mask on the FU grid as a layer (mapped by physical coordinates when the grid
    /// differs slightly), replacing the layer of the same identity; an Lst layer reads LST's
    /// labels (3 = increase). Throws VolumeError when it cannot be used.
    void addMaskLayer(const viewer::LayerId& id, const QString& path, std::uint32_t rgb);
    /// The name a layer is shown by, in the reader's language.
    static QString displayName(const viewer::LayerId& id);
    /// Saves the CNN result (segment's file set) into `folder`, atomically per file.
    void saveResults(const QString& folder);
    /// Writes the same files without counting them as saved (a copy for the PACS). With
    /// `corrected` (a reader's mask on the FU grid, `reader` naming them) the new-lesion mask and
    /// the lesion table are the reader's, and summary.json says who corrected it.
    void writeResults(const QString& folder, const MaskVolume* corrected = nullptr, const QString& reader = {}) const;
    /// A detection ran and its result is in no folder yet (a pair opened without a case folder,
    /// or saving into the case folder failed): closing or opening another case would lose it.
    bool resultUnsaved() const { return result_ && resultUnsaved_; }
    std::vector<viewer::NavigatorLesion> navigatorLesions() const;
    const MaskVolume* cnnMask() const;
    /// What a patient report needs, from what is loaded now: FU, BL in FU space, the CNN result
    /// at the current threshold, the LST layer and every rater layer (saved or being edited).
    report::ReportCase reportCase() const;
    const MaskVolume* headMask() const { return head_.GetPointer(); }

Q_SIGNALS:
    void progress(double fraction, QString stage);
    void previewShown();  // scans read and shown; registration still running
    void caseOpened();    // BL registered to FU
    void resultsChanged();
    void layersChanged();
    void failed(QString message);
    void warning(QString message);  // the case is usable, but the reader must know this
    void notice(QString message);   // for the status bar
    void plausibilityChanged();
    void cancelled();
    void workFinished();

private:
    void applyRegisteredPair(std::shared_ptr<RegisteredPair> pair);
    void setPlausibility(const std::vector<PlausibilityWarning>& warnings);  // emits warning for new ones
    bool openCase(const QString& bl, const QString& fu, const QString& blSeriesUid, const QString& fuSeriesUid,
                  std::optional<CaseFolder> folder);
    void applyResult(std::shared_ptr<SegmentationResult> result);
    void loadFolderExtras();

    std::shared_ptr<const RegisteredPair> pair_;
    std::shared_ptr<SegmentationResult> result_;
    MaskVolume::Pointer head_;
    std::optional<CaseFolder> folder_;
    QString blPath_, fuPath_;
    viewer::SlicePairModel model_;
    viewer::ViewerScene scene_;
    double threshold_ = 0.4;
    bool resultUnsaved_ = false;
    double alignmentAgreement_ = 1.0;
    std::vector<PlausibilityWarning> plausibility_;
    BackgroundTask task_;  // loading + registration, detection
};

}  // namespace lesiondelta::gui
