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

}  // namespace lesiondelta
