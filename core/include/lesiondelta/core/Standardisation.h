#pragma once
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct StandardisationStats {
    double mean = 0.0;
    double sd = 1.0;
    double foregroundThreshold = 0.0;  // Otsu threshold that separated head from background
    std::size_t foregroundVoxels = 0;
};

/// The head (foreground) of a FLAIR volume: voxels above the Otsu threshold of its histogram.
MaskVolume::Pointer headMask(const ImageVolume& image, double* threshold = nullptr);

/// Per-volume z-score as in the paper, with mean and sd taken over the head only: the voxels
/// above the Otsu threshold of the intensity histogram. Background air would otherwise dominate
/// both statistics (it is most of a FLAIR volume). All voxels are then mapped by (x - mean) / sd.
ImageVolume::Pointer standardise(const ImageVolume& image, StandardisationStats* stats = nullptr);

}  // namespace lesiondelta
