#pragma once
// Intensity non-uniformity (bias field) correction: ITK's N4 (Tustison et al. 2010), fitted on a
// shrunken copy for speed and applied at full resolution.
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct BiasCorrectionOptions {
    unsigned int shrinkFactor = 4;      // fit on every 4th voxel per axis
    unsigned int fittingLevels = 3;     // B-spline refinement levels
    unsigned int iterationsPerLevel = 40;
};

/// `image` divided by its smooth N4 bias field, estimated over the voxels of `mask` (the head).
/// Values outside the mask are corrected too (the field is defined everywhere).
ImageVolume::Pointer correctBias(const ImageVolume& image, const MaskVolume& mask,
                                 const BiasCorrectionOptions& options = {});

}  // namespace lesiondelta
