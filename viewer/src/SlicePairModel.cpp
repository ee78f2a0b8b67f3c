#include "lesiondelta/viewer/SlicePairModel.h"

#include <algorithm>

namespace lesiondelta::viewer {

int SlicePairModel::addListener(Listener listener) {
    listeners_[nextId_] = std::move(listener);
    return nextId_++;
}

void SlicePairModel::removeListener(int id) { listeners_.erase(id); }

void SlicePairModel::notify(unsigned changes) {
    if (changes == 0) return;
    const auto copy = listeners_;  // a listener may remove itself
    for (const auto& [id, l] : copy) l(changes);
}

void SlicePairModel::setGeometry(const DisplayAxes& axes, const IntensityRange& bl, const IntensityRange& fu) {
    axes_ = axes;
    range_ = {bl, fu};
    window_ = {WindowLevel::fromRange(bl.low, bl.high), WindowLevel::fromRange(fu.low, fu.high)};
    cursor_ = axes.clamp({axes.size()[0] / 2, axes.size()[1] / 2, axes.size()[2] / 2});
    zoom_ = 1.0;
    for (int a = 0; a < 3; ++a) centre_[a] = (axes.size()[a] - 1) / 2.0;
    toggled_ = false;
    notify(Geometry | Cursor | Zoom | Pan | Window | Toggle);
}

void SlicePairModel::setCursor(const DisplayIndex& d) {
    const auto c = axes_.clamp(d);
    if (c == cursor_) return;
    cursor_ = c;
    notify(Cursor);
}

void SlicePairModel::setSlice(Plane plane, int slice) {
    auto c = cursor_;
    c[normalAxis(plane)] = slice;
    setCursor(c);
}

void SlicePairModel::setZoom(double zoom) {
    const double z = std::clamp(zoom, 0.25, 32.0);
    if (z == zoom_) return;
    zoom_ = z;
    notify(Zoom);
}

void SlicePairModel::setCentre(const std::array<double, 3>& centre) {
    std::array<double, 3> c;
    for (int a = 0; a < 3; ++a) c[a] = std::clamp(centre[a], 0.0, double(std::max(0, axes_.size()[a] - 1)));
    if (c == centre_) return;
    centre_ = c;
    notify(Pan);
}

void SlicePairModel::panBy(int displayAxis, double voxels) {
    auto c = centre_;
    c[displayAxis] += voxels;
    setCentre(c);
}

void SlicePairModel::resetView() {
    std::array<double, 3> c;
    for (int a = 0; a < 3; ++a) c[a] = (axes_.size()[a] - 1) / 2.0;
    const bool changed = zoom_ != 1.0 || c != centre_;
    zoom_ = 1.0;
    centre_ = c;
    if (changed) notify(Zoom | Pan);
}

void SlicePairModel::setWindowLevel(Side side, const WindowLevel& w) {
    WindowLevel clean = w;
    clean.window = std::max(clean.window, 1e-6);
    window_[index(side)] = clean;
    if (link_ == WindowLink::Relative) {
        window_[index(other(side))] = mapRelative(clean, range_[index(side)], range_[index(other(side))]);
    }
    notify(Window);
}

void SlicePairModel::applyPreset(WindowPreset preset) {
    window_ = {presetWindow(preset, range_[0]), presetWindow(preset, range_[1])};
    notify(Window);
}

void SlicePairModel::setWindowLink(WindowLink link) {
    if (link == link_) return;
    link_ = link;
    if (link_ == WindowLink::Relative) {
        // Re-link from the follow-up scan, the reference of every reading.
        window_[0] = mapRelative(window_[1], range_[1], range_[0]);
        notify(Window);
    }
}

void SlicePairModel::setToggled(bool on) {
    if (on == toggled_) return;
    toggled_ = on;
    notify(Toggle);
}

void SlicePairModel::setToggleView(Side view) {
    if (view == toggleView_) return;
    toggleView_ = view;
    if (toggled_) notify(Toggle);
}

void SlicePairModel::setFlickerHz(double hz) { flickerHz_ = std::clamp(hz, 0.5, 10.0); }

}  // namespace lesiondelta::viewer
