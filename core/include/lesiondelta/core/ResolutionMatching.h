#pragma once
// Matching the effective resolution of two scans of one patient on one grid (both resampled to
// it), axis by axis, before they are compared. A visit sliced thickly along one axis is blurred
// along it; when the other visit was sliced along another axis (a protocol change), a small
// stable lesion looks sharper and brighter in one scan than in the other and a change detector
// sees it as new. Blurring the sharper scan along the axis where it is sharper, until both are
// alike there, removes that difference and keeps real change (issue 17: the quiet synthetic
// course whose visits are sliced 2.3 mm along z and then 1.5 mm along x).
#include <array>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

inline constexpr double kDefaultResolutionTolerance = 0.15;

/// How sharp the image is along each grid axis (i, j, k): the mean squared difference of
/// neighbouring voxels over `mask`, measured after an isotropic 1 mm Gaussian so that white
/// noise hardly counts; blurring along an axis lowers it there.
std::array<double, 3> axisSharpness(const ImageVolume& image, const MaskVolume& mask);

/// What matchResolution did: the Gaussian sigma (mm) each scan was blurred with along each grid
/// axis (0: left alone) and the sharpness ratios FU / BL (axisSharpness) before and after.
struct ResolutionMatch {
    std::array<double, 3> blSigmaMm{}, fuSigmaMm{};
    std::array<double, 3> ratioBefore{}, ratioAfter{};
    bool changed() const;
};

/// Compares FU's sharpness with BL's along each grid axis, relative to the median of the three
/// FU / BL ratios (which absorbs differences in noise and contrast that act on every axis alike).
/// Along an axis whose ratio lies more than `tolerance` (relative) above that median, FU is
/// blurred until the ratio matches it; below, BL. Both images must share one grid; `mask`
/// (the head) is where sharpness is measured.
ResolutionMatch matchResolution(ImageVolume::Pointer& bl, ImageVolume::Pointer& fu, const MaskVolume& mask,
                                double tolerance = kDefaultResolutionTolerance);

}  // namespace lesiondelta
