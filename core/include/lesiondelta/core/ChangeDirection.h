#pragma once
#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct ChangeSplit {
    MaskVolume::Pointer increase;  // components brighter in FU: new or enlarging
    unsigned int increasing = 0, decreasing = 0;
    double gain = 1.0;  // FU/BL of the head medians: the scale BL was brought to before comparing
};

/// Splits a change mask that marks change in both directions (such as the Ljubljana ground truth,
/// which has no separate labels) into its new/enlarging part: the 26-connected components of at
/// least `minMl` whose mean FU intensity exceeds the mean of BL brought onto FU's scale (ratio of
/// the head medians). All three images on the same grid (FU's).
ChangeSplit splitChangeByDirection(const MaskVolume& change, const ImageVolume& blInFu, const ImageVolume& fu,
                                   double minMl = kMinLesionMl);

}  // namespace lesiondelta
