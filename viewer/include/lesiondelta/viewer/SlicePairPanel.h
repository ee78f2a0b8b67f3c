#pragma once
// The reading views of BL and FU, all bound to one SlicePairModel (slice, cursor, zoom, pan and
// window stay coupled), with a slice slider and both scans' window/level fields under them.
// Two layouts: side by side (BL left, FU right, in one plane) and three planes (BL above FU,
// each axial, coronal and sagittal, with the cursor linked through all six).
#include <QWidget>
#include <array>
#include <vector>

#include "lesiondelta/viewer/SliceView.h"

class QSlider;
class QLabel;
class QGridLayout;

namespace lesiondelta::viewer {

class WindowLevelFields;

class SlicePairPanel : public QWidget {
    Q_OBJECT
public:
    enum class Layout { SideBySide, ThreePlanes };

    SlicePairPanel(SlicePairModel& model, const ViewerScene& scene, QWidget* parent = nullptr);
    ~SlicePairPanel() override;
    /// The view of `side` in the current plane (the one the slider and Up/Down move).
    SliceView* view(Side side) const { return view(side, plane_); }
    SliceView* view(Side side, Plane plane) const { return views_[side == Side::Baseline ? 0 : 1][int(plane)]; }
    std::vector<SliceView*> allViews() const;  // all six, shown or not
    Plane plane() const { return plane_; }
    void setPlane(Plane plane);
    Layout layout() const { return layout_; }
    void setLayout(Layout layout);
    void setCrosshair(bool on);  // every view
    WindowLevelFields* windowLevelFields() const { return windowLevel_; }

Q_SIGNALS:
    void planeChanged(lesiondelta::viewer::Plane plane);

private:
    void arrange();  // places the views of the layout in the grid and hides the others
    void syncSlider();
    SlicePairModel& model_;
    std::array<std::array<SliceView*, 3>, 2> views_{};  // [BL, FU][axial, coronal, sagittal]
    QGridLayout* grid_;
    Plane plane_ = Plane::Axial;
    Layout layout_ = Layout::SideBySide;
    QSlider* slider_;
    QLabel* sliceLabel_;
    WindowLevelFields* windowLevel_;
    int listener_ = 0;
};

}  // namespace lesiondelta::viewer
