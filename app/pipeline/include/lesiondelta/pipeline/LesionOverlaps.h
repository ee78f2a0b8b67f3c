#pragma once
// What the lesion navigator (and any other listing of CNN lesions) shows beside each lesion's
// own table row: its mean CNN probability and which other masks (LST, raters) overlap it.
// Computed in one pass over the grid; shared by the window and the command line.
#include <cstddef>
#include <vector>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct LesionOverlap {
    unsigned id = 0;                        // the lesion's id in `lesions`
    double meanProbability = -1.0;          // < 0: no probability map given
    std::vector<std::size_t> overlappedBy;  // indices into `others`, ascending
};

/// One entry per lesion of `lesions` (lesionTable(lesionMask, minMl)), in that order. The
/// probability map and the other masks must lie on `lesionMask`'s grid; null masks are skipped.
std::vector<LesionOverlap> lesionOverlaps(const MaskVolume& lesionMask, const std::vector<Lesion>& lesions,
                                          const ImageVolume* probability, const std::vector<const MaskVolume*>& others,
                                          double minMl = kMinLesionMl);

}  // namespace lesiondelta
