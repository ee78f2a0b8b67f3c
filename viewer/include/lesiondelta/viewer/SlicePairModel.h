#pragma once
// The BL/FU coupling of the reading views (Qt-free, after ITK-SNAP's SliceWindowCoordinator):
// one cursor in display index space (FU grid) that sets the slice of every plane, one zoom and
// view centre, one window/level per scan linked "relatively" or not at all, and the toggle that
// makes one view show the other scan at identical geometry. Widgets only read it and call its
// setters; every change is announced to listeners with what changed.
#include <array>
#include <functional>
#include <map>

#include "lesiondelta/viewer/DisplayAxes.h"
#include "lesiondelta/viewer/WindowLevel.h"

namespace lesiondelta::viewer {

enum class Side { Baseline, FollowUp };
inline Side other(Side s) { return s == Side::Baseline ? Side::FollowUp : Side::Baseline; }

enum class WindowLink { Relative, Off };

class SlicePairModel {
public:
    enum Change : unsigned { Cursor = 1, Zoom = 2, Window = 4, Toggle = 8, Geometry = 16, Pan = 32 };
    using Listener = std::function<void(unsigned changes)>;

    int addListener(Listener listener);
    void removeListener(int id);

    /// New case: display geometry (FU grid) and both scans' intensity ranges; cursor to the
    /// centre, zoom 1, windows automatic, toggle off.
    void setGeometry(const DisplayAxes& axes, const IntensityRange& bl, const IntensityRange& fu);
    const DisplayAxes& axes() const { return axes_; }
    bool hasGeometry() const { return axes_.size()[0] > 0; }

    const DisplayIndex& cursor() const { return cursor_; }
    void setCursor(const DisplayIndex& d);  // clamped into the volume
    int slice(Plane plane) const { return cursor_[normalAxis(plane)]; }
    int sliceCount(Plane plane) const { return axes_.size()[normalAxis(plane)]; }
    void setSlice(Plane plane, int slice);
    void stepSlice(Plane plane, int delta) { setSlice(plane, slice(plane) + delta); }

    double zoom() const { return zoom_; }  // 1 = the slice fits the view
    void setZoom(double zoom);             // clamped to [0.25, 32]
    /// View centre in display index units (continuous); the views pan by moving it.
    const std::array<double, 3>& centre() const { return centre_; }
    void setCentre(const std::array<double, 3>& centre);
    void panBy(int displayAxis, double voxels);
    void resetView();  // zoom 1, centre of the volume

    const WindowLevel& windowLevel(Side side) const { return window_[index(side)]; }
    /// Sets one scan's window; with WindowLink::Relative the other follows at the same relative
    /// place within its own intensity range.
    void setWindowLevel(Side side, const WindowLevel& w);
    void applyPreset(WindowPreset preset);  // both scans, each from its own range
    const IntensityRange& intensityRange(Side side) const { return range_[index(side)]; }
    WindowLink windowLink() const { return link_; }
    void setWindowLink(WindowLink link);

    /// Toggle mode: the follow-up view shows the baseline scan (with BL's linked window), at
    /// the same geometry, or the other way round with setToggleView(Side::Baseline).
    bool toggled() const { return toggled_; }
    void setToggled(bool on);
    void toggle() { setToggled(!toggled_); }
    Side toggleView() const { return toggleView_; }
    void setToggleView(Side view);
    /// The scan a view shows now.
    Side shownIn(Side view) const { return toggled_ && view == toggleView_ ? other(view) : view; }

    double flickerHz() const { return flickerHz_; }
    void setFlickerHz(double hz);  // clamped to [0.5, 10]

private:
    static int index(Side s) { return s == Side::Baseline ? 0 : 1; }
    void notify(unsigned changes);

    DisplayAxes axes_;
    DisplayIndex cursor_{0, 0, 0};
    double zoom_ = 1.0;
    std::array<double, 3> centre_{0, 0, 0};
    std::array<WindowLevel, 2> window_{};
    std::array<IntensityRange, 2> range_{};
    WindowLink link_ = WindowLink::Relative;
    bool toggled_ = false;
    Side toggleView_ = Side::FollowUp;
    double flickerHz_ = 2.0;
    std::map<int, Listener> listeners_;
    int nextId_ = 1;
};

}  // namespace lesiondelta::viewer
