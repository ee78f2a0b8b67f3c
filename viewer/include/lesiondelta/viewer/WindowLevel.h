#pragma once
// Window/level of a scan and how a window set on one scan carries over to the other. FLAIR is not
// quantitative and BL and FU differ in scale, so the default window of each scan comes from its
// own robust percentiles, and linking maps a window "relatively": the same position within each
// scan's percentile range. Qt-free.
#include "lesiondelta/core/MaskedStatistics.h"
#include "lesiondelta/core/Volume.h"

namespace lesiondelta::viewer {

struct WindowLevel {
    double window = 1.0;  // intensity span mapped to black..white (> 0)
    double level = 0.5;   // intensity shown mid-grey
    double lower() const { return level - window / 2; }
    double upper() const { return level + window / 2; }
    static WindowLevel fromRange(double lower, double upper);
};

/// A scan's intensity reference range (core's robust percentiles).
using IntensityRange = lesiondelta::IntensityRange;

inline IntensityRange robustRange(const ImageVolume& image, double lowPercent = 1.0, double highPercent = 99.5) {
    return robustIntensityRange(image, lowPercent, highPercent);
}

/// The window on `to` that sits at the same relative place in its range as `w` does on `from`.
WindowLevel mapRelative(const WindowLevel& w, const IntensityRange& from, const IntensityRange& to);

/// Named presets relative to a scan's range (full range, lesion contrast, soft).
enum class WindowPreset { Auto, LesionContrast, Wide };
WindowLevel presetWindow(WindowPreset preset, const IntensityRange& range);

}  // namespace lesiondelta::viewer
