#pragma once
// The rater's editing tools on the reading views (issue 6): paint and erase brushes (2D disc or
// 3D sphere), the ROI-threshold brush with a live preview, erase-this-lesion, accept/reject of
// CNN lesions, undo/redo, saving the rater mask with its sidecar, and a recovery copy written
// every minute while there are unsaved edits. The editing itself is viewer::AnnotationSession
// (Qt-free, tested); this class turns pointer events into its calls and keeps the overlay
// layers in the scene up to date.
#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

#include "lesiondelta/core/MaskEditing.h"
#include "lesiondelta/viewer/AnnotationSession.h"
#include "lesiondelta/viewer/DisplayAxes.h"

namespace lesiondelta::gui {

class CaseSession;

class AnnotationController : public QObject {
    Q_OBJECT
public:
    enum class Tool { Navigate, Paint, Erase, RoiThreshold, EraseLesion };

    explicit AnnotationController(CaseSession& session, QObject* parent = nullptr);

    /// Starts editing as `rater` on the open case: loads raters/NAME.nii.gz of a case folder when
    /// it exists, else an empty mask; offers nothing itself (see recoveryPath()).
    void start(const QString& rater);
    void stop();  // the case is closed or replaced
    bool active() const { return annotation_ != nullptr; }
    viewer::AnnotationSession* annotation() const { return annotation_.get(); }

    Tool tool() const { return tool_; }
    void setTool(Tool tool);
    double radiusMm() const { return radiusMm_; }
    void setRadiusMm(double mm);
    /// The brush radius to outline under the mouse: the radius while editing with a brush tool
    /// (paint, erase, ROI), else 0.
    double brushFootprintMm() const;
    bool sphere() const { return sphere_; }
    void setSphere(bool on) { sphere_ = on; }

    /// Pointer events of a view showing `plane`; true when consumed (a tool is active).
    bool handlePointer(viewer::Plane plane, int type, const viewer::DisplayIndex& at);

    bool roiPending() const { return !roi_.empty(); }
    double roiThreshold() const { return roiThreshold_; }
    void setRoiThreshold(double threshold);
    void stepRoiThreshold(int steps);  // wheel: 2 % of the ROI's intensity range per step
    void applyRoi();
    void cancelRoi();

    void accept(unsigned cnnLesion);
    void reject(unsigned cnnLesion);
    void undo();
    void redo();

    QString defaultMaskPath() const;     // raters/NAME.nii.gz of the case folder, or empty
    void save(const QString& maskPath);  // throws VolumeError naming the file
    QString recoveryPath() const;        // where the autosave goes for this rater and case
    void writeRecovery();                // when there are unsaved edits
    void discardRecovery();
    bool restoreRecovery();  // loads the recovery copy; false when none

    /// A recovery copy left by a session that ended without saving, and the case it belongs to.
    struct PendingRecovery {
        QString rater, bl, fu, caseFolder, savedAt, maskPath;
    };
    /// Every recovery copy in the recovery folder (newest first).
    static QList<PendingRecovery> pendingRecoveries();
    static void discard(const PendingRecovery& r);

Q_SIGNALS:
    void changed();  // the rater mask, the ROI preview or decisions changed
    void roiStateChanged(bool pending, double threshold, double low, double high);
    void message(QString text);
    void brushChanged();  // tool, radius or editing state: brushFootprintMm() may differ

private:
    void apply(const std::function<void()>& edit);
    void publishEdits();  // the editing layer shows the mask as it is now; changed() follows
    void updateRoiPreview();
    VoxelOffsets cnnLesionVoxels(unsigned id) const;
    void ensureLayers();

    CaseSession& session_;
    std::unique_ptr<viewer::AnnotationSession> annotation_;
    QString rater_;
    Tool tool_ = Tool::Navigate;
    double radiusMm_ = 2.0;
    bool sphere_ = false;
    VoxelOffsets roi_;
    std::vector<bool> inRoi_;
    double roiThreshold_ = 0, roiLow_ = 0, roiHigh_ = 1;
    MaskVolume::Pointer roiMask_, previewMask_;
    QTimer autosave_;
};

}  // namespace lesiondelta::gui
