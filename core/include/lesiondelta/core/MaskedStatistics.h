#pragma once
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

/// Median and robust spread (1.4826 x median absolute deviation: the SD for normal data) of the
/// voxels where `mask` is set. Zero median and unit spread when the mask is empty; the spread is
/// never zero.
struct RobustStatistics {
    double median = 0.0;
    double spread = 1.0;
};
RobustStatistics robustStatistics(const ImageVolume& image, const MaskVolume& mask);

/// Median of the voxels where `mask` is set (0 when none).
double medianWithin(const ImageVolume& image, const MaskVolume& mask);

/// A scan's intensity reference range for display: robust percentiles over its non-background
/// voxels.
struct IntensityRange {
    double low = 0.0, high = 1.0;  // e.g. 1st and 99.5th percentile
};

/// Percentiles `lowPercent`/`highPercent` of the voxels above the 10th percentile of the image
/// (so that the air around the head does not dominate). Uses a sample of at most ~1M voxels.
/// Used by the reading views' windows and the reports' pictures alike.
IntensityRange robustIntensityRange(const ImageVolume& image, double lowPercent = 1.0, double highPercent = 99.5);

}  // namespace lesiondelta
