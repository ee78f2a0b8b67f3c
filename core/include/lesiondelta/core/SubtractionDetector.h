#pragma once
// A classical, non-learning detector of new or enlarged lesions, in the spirit of published
// subtraction methods: BL scaled onto FU's intensities by the ratio of their brain medians,
// FU - BL where FU is hyperintense, smoothed, thresholded at a noise-adaptive level, components
// under 0.01 ml dropped.
// It gives every comparison a second method beside the CNN. Nothing here is fitted to a data set:
// the levels are multiples of each case's own robust spread.
#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct SubtractionOptions {
    double brainErosionMm = 10.0;      // head mask (Otsu, holes filled) eroded by this: drops scalp and skull
    double smoothingMm = 1.0;          // Gaussian sigma of the difference map
    double differenceLevel = 4.0;      // robust SDs of the smoothed difference within the brain
    double hyperintensityLevel = 2.0;  // FU above median + this many robust SDs within the brain
    double minLesionMl = kMinLesionMl;
};

struct SubtractionResult {
    ImageVolume::Pointer score;      // smoothed normalised FU - BL, in robust SDs of itself (FU grid)
    MaskVolume::Pointer brain;       // where it looked
    MaskVolume::Pointer newLesions;  // the detection
    double differenceThreshold = 0;  // in FU robust SDs
    double intensityGain = 1;        // FU ~ gain * BL within the brain (ratio of medians)
};

/// The head (Otsu foreground, holes filled) eroded by `erosionMm`: drops scalp and skull of a raw
/// FLAIR; of a skull-stripped scan it keeps the deep brain.
MaskVolume::Pointer innerHeadRegion(const ImageVolume& image, double erosionMm);

/// `blInFu` must be BL already on FU's grid (after registration). Throws VolumeError when the
/// grids differ or the brain region is empty.
SubtractionResult detectBySubtraction(const ImageVolume& blInFu, const ImageVolume& fu,
                                      const SubtractionOptions& options = {});

}  // namespace lesiondelta
