#pragma once
// BL and FU side by side in one plane, with a slice slider and both scans' window/level fields
// under them; both views bind to the same SlicePairModel, so slice, cursor, zoom, pan and window
// stay coupled.
#include <QWidget>

#include "lesiondelta/viewer/SliceView.h"

class QSlider;
class QLabel;

namespace lesiondelta::viewer {

class WindowLevelFields;

class SlicePairPanel : public QWidget {
    Q_OBJECT
public:
    SlicePairPanel(SlicePairModel& model, const ViewerScene& scene, QWidget* parent = nullptr);
    ~SlicePairPanel() override;
    SliceView* view(Side side) const { return side == Side::Baseline ? bl_ : fu_; }
    Plane plane() const { return bl_->plane(); }
    void setPlane(Plane plane);
    void refresh();  // the scene changed (layers, results)
    void setCrosshair(bool on);  // both views
    WindowLevelFields* windowLevelFields() const { return windowLevel_; }

Q_SIGNALS:
    void planeChanged(lesiondelta::viewer::Plane plane);

private:
    void syncSlider();
    SlicePairModel& model_;
    SliceView* bl_;
    SliceView* fu_;
    QSlider* slider_;
    QLabel* sliceLabel_;
    WindowLevelFields* windowLevel_;
    int listener_ = 0;
};

}  // namespace lesiondelta::viewer
