#pragma once
// One reading view: one plane of one scan (BL or FU, or the other one while toggled), drawn
// from the shared SlicePairModel and ViewerScene. Mouse as in ITK-SNAP: left click/drag sets the
// cursor, right drag changes window (horizontal) and level (vertical), middle or Shift+left drag
// pans, wheel changes slice, Ctrl+wheel zooms, Ctrl+left drag measures a distance in mm (the
// ruler stays until the next click). Editing tools hook in through setPointerHandler; a brush
// tool's footprint follows the mouse.
#include <QEvent>
#include <QImage>
#include <QWidget>
#include <functional>
#include <optional>
#include <vector>

#include "lesiondelta/viewer/Ruler.h"
#include "lesiondelta/viewer/SlicePairModel.h"
#include "lesiondelta/viewer/ViewerScene.h"

namespace lesiondelta::viewer {

class SliceView : public QWidget {
    Q_OBJECT
public:
    SliceView(Side view, SlicePairModel& model, const ViewerScene& scene, QWidget* parent = nullptr);
    ~SliceView() override;

    Side view() const { return view_; }
    Plane plane() const { return plane_; }
    void setPlane(Plane plane);
    /// The cursor's crosshair (drawn with a gap around the cursor voxel); on by default.
    bool crosshair() const { return crosshair_; }
    void setCrosshair(bool on);

    /// The ruler shown in this view, if any (measured with Ctrl+left drag).
    const std::optional<Ruler>& ruler() const { return ruler_; }
    /// The outline of a brush of this radius (mm) under the mouse; 0 hides it.
    void setBrushFootprintMm(double radiusMm);
    double brushFootprintMm() const { return brushMm_; }

    /// The slice as drawn (native voxel resolution, overlays included), for tests and reports.
    QImage sliceImage() const;
    /// Widget position -> display index in the current slice (clamped); false outside the slice.
    bool displayAt(const QPointF& position, DisplayIndex& out) const;
    QPointF positionOf(const DisplayIndex& d) const;  // centre of a voxel in widget coordinates

    /// A tool (issue 6) takes left-button events instead of cursor setting while installed:
    /// (event type press/move/release, display index, modifiers); return true when consumed.
    using PointerHandler = std::function<bool(QEvent::Type, const DisplayIndex&, Qt::KeyboardModifiers)>;
    void setPointerHandler(PointerHandler handler) { pointerHandler_ = std::move(handler); }

Q_SIGNALS:
    void cursorPicked();
    void shiftWheel(int steps);  // Shift+wheel: left to tools (the ROI threshold)

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Mapping {
        double scaleX = 1, scaleY = 1;    // widget pixels per slice pixel
        double offsetX = 0, offsetY = 0;  // widget position of slice pixel corner (0, 0)
    };
    Mapping mapping() const;
    void drawLabels(class QPainter& painter) const;
    void drawRuler(class QPainter& painter) const;
    void drawBrushFootprint(class QPainter& painter) const;
    std::array<double, 2> slicePixelAt(const QPointF& position) const;  // continuous
    QPointF positionOfSlicePixel(const std::array<double, 2>& p) const;
    void drawHeatKey(class QPainter& painter) const;  // the heat map's colour bar, from its cut-off to 1

    Side view_;
    Plane plane_ = Plane::Axial;
    bool crosshair_ = true;
    SlicePairModel& model_;
    const ViewerScene& scene_;
    int listener_ = 0;
    int sceneListener_ = 0;
    mutable QImage buffer_;
    enum class Drag { None, Cursor, Window, Pan, Tool, Ruler } drag_ = Drag::None;
    std::optional<Ruler> ruler_;
    double brushMm_ = 0.0;
    std::optional<QPointF> hover_;
    QPointF dragStart_;
    WindowLevel windowAtStart_;
    std::array<double, 3> centreAtStart_{};
    PointerHandler pointerHandler_;
};

}  // namespace lesiondelta::viewer
