#pragma once
// Window/level of a scan and how a window set on one scan carries over to the other. FLAIR is not
// quantitative and BL and FU differ in scale, so the default window of each scan comes from its
// own robust percentiles, and linking maps a window "relatively": the same position within each
// scan's percentile range. Qt-free.
#include "lesiondelta/core/Volume.h"

namespace lesiondelta::viewer {

struct WindowLevel {
    double window = 1.0;  // intensity span mapped to black..white (> 0)
    double level = 0.5;   // intensity shown mid-grey
    double lower() const { return level - window / 2; }
    double upper() const { return level + window / 2; }
    static WindowLevel fromRange(double lower, double upper);
};

/// A scan's intensity reference range: robust percentiles over its non-background voxels.
struct IntensityRange {
    double low = 0.0, high = 1.0;  // e.g. 1st and 99.5th percentile
};

/// Percentiles `lowPercent`/`highPercent` of the voxels above the 10th percentile of the image
/// (so that the air around the head does not dominate). Uses a sample of at most ~1M voxels.
IntensityRange robustRange(const ImageVolume& image, double lowPercent = 1.0, double highPercent = 99.5);

/// The window on `to` that sits at the same relative place in its range as `w` does on `from`.
WindowLevel mapRelative(const WindowLevel& w, const IntensityRange& from, const IntensityRange& to);

/// Named presets relative to a scan's range (full range, lesion contrast, soft).
enum class WindowPreset { Auto, LesionContrast, Wide };
WindowLevel presetWindow(WindowPreset preset, const IntensityRange& range);

}  // namespace lesiondelta::viewer
