#include "lesiondelta/viewer/WindowLevel.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lesiondelta::viewer {

WindowLevel WindowLevel::fromRange(double lower, double upper) {
    WindowLevel w;
    w.window = std::max(upper - lower, 1e-6);
    w.level = (lower + upper) / 2;
    return w;
}

WindowLevel mapRelative(const WindowLevel& w, const IntensityRange& from, const IntensityRange& to) {
    const double scale = (to.high - to.low) / (from.high - from.low);
    WindowLevel out;
    out.window = w.window * scale;
    out.level = to.low + (w.level - from.low) * scale;
    return out;
}

WindowLevel presetWindow(WindowPreset preset, const IntensityRange& range) {
    const double span = range.high - range.low;
    switch (preset) {
        case WindowPreset::Auto:
            return WindowLevel::fromRange(range.low, range.high);
        case WindowPreset::LesionContrast:  // white matter mid-grey, hyperintensities bright
            return WindowLevel::fromRange(range.low + 0.25 * span, range.high - 0.05 * span);
        case WindowPreset::Wide:
            return WindowLevel::fromRange(range.low - 0.25 * span, range.high + 0.25 * span);
    }
    return WindowLevel::fromRange(range.low, range.high);
}

}  // namespace lesiondelta::viewer
