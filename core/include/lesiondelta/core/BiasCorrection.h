#pragma once
// Intensity non-uniformity (bias field) correction: ITK's N4 (Tustison et al. 2010), fitted on a
// shrunken copy for speed and applied at full resolution.
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct BiasCorrectionOptions {
    /// Fit on every 8th voxel per axis (was 4, then 6): 0.9 -> 0.46-0.55 s a scan on 2 cores
    /// (core_bench); the field's shape against 3 x 40 iterations at 4: median 1.8-1.9 % inside the
    /// head on the real pairs (1.5-1.6 % at 6), 99th percentile 5.9-6.9 % (4.9-5.1 %).
    unsigned int shrinkFactor = 8;
    unsigned int fittingLevels = 3;  // B-spline refinement levels
    /// 20 (was 40): half the time (2.6 s against 4.8 s a scan on 2 cores, core_bench); the field's
    /// shape then differs from 40 iterations' by a median 1.5 % inside the head (99th percentile 5 %).
    unsigned int iterationsPerLevel = 20;
    /// The fitted field is evaluated on a grid this many times coarser per axis and interpolated
    /// linearly (1 = at every voxel).
    unsigned int fieldShrink = 4;
};

/// `image` divided by its smooth N4 bias field, estimated over the voxels of `mask` (the head).
/// Values outside the mask are corrected too (the field is defined everywhere).
ImageVolume::Pointer correctBias(const ImageVolume& image, const MaskVolume& mask,
                                 const BiasCorrectionOptions& options = {});

}  // namespace lesiondelta
