#pragma once
// The voxel sets that annotation tools act on (issue 6), as buffer offsets into a volume on the
// FU grid: a brush disc (in the slice plane) or sphere, the ROI-threshold selection of the paper's
// annotation tool, and the 26-connected lesion under a voxel. Pure functions; the undo history
// lives above (viewer/AnnotationSession).
#include <cstdint>
#include <vector>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

using VoxelOffsets = std::vector<std::int64_t>;  // offsets into the buffer (x fastest)

/// Voxels within `radiusMm` of `centre` (physical distance with the grid's spacing): a sphere,
/// or a disc in the plane normal to voxel axis `normalAxis` (0, 1, 2) through the centre.
VoxelOffsets brushVoxels(const itk::ImageBase<kDim>& grid, const VoxelIndex& centre, double radiusMm, bool sphere,
                         int normalAxis = 2);

/// The voxels of `roi` whose intensity is at or above `threshold`.
VoxelOffsets aboveThreshold(const ImageVolume& image, const VoxelOffsets& roi, double threshold);

/// The default threshold of an ROI from its own intensities: Otsu's split of the region into
/// darker tissue and brighter lesion voxels, placed halfway between the two classes' means (the
/// middle of its range when the region is uniform).
double defaultRoiThreshold(const ImageVolume& image, const VoxelOffsets& roi);

/// The 26-connected component of non-zero voxels containing `seed`; empty when the seed is 0.
VoxelOffsets componentAt(const MaskVolume& mask, const VoxelIndex& seed);

}  // namespace lesiondelta
