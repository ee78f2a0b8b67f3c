#pragma once
// How well two registered scans of one head agree, for the pair check: measures that a change
// of scanner or contrast (a monotone change of intensities) leaves high, and that fall when the
// anatomy does not line up (scans of different patients, a failed registration).
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

/// Local normalised correlation: the correlation of `a` and `b` in a box of +-`radiusMm` around
/// each voxel (box means, ITK's BoxMeanImageFilter), averaged over the voxels of `mask` whose
/// boxes have contrast in both images. A smooth bias field or a contrast change that differs
/// from one tissue to the next leaves it high; anatomy that does not line up lowers it.
double localCorrelation(const ImageVolume& a, const ImageVolume& b, const MaskVolume& mask, double radiusMm = 4.0);

/// The pair check's measure: the local correlation (+-4 mm) of FU and BL registered to FU,
/// both on a 2 mm grid in FU space, over FU's head. pair_check_eval (tests/bench): same-patient
/// pairs 0.65-0.78 (also across a scanner change), different patients and pairs misregistered
/// by 8 mm / 8 degrees at most 0.2.
double alignmentAgreement(const ImageVolume& fu, const ImageVolume& blInFu);

}  // namespace lesiondelta
