#pragma once
// Bringing masks made elsewhere (raters, LST) onto the grid the pipeline works on.
#include <string>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

/// LST's longitudinal lesion change labels: 1 = decrease, 2 = no change, 3 = increase.
constexpr std::uint32_t kLstIncreaseLabel = 3;

/// The new/enlarged mask of an LST change label image: label 3 only.
MaskVolume::Pointer lstIncreaseMask(const LabelVolume& lstLabels);

struct MappedMask {
    MaskVolume::ConstPointer mask;
    std::string warning;  // non-empty when the grids disagreed by more than a voxel
};

/// Puts `mask` onto `referenceGrid`: unchanged when the grids match; otherwise resampled by
/// physical coordinates (nearest neighbour) with a warning when they differ by more than a voxel.
/// Throws VolumeError(path, ...) when the mask does not overlap the reference grid at all.
MappedMask mapMaskToGrid(const MaskVolume& mask, const itk::ImageBase<kDim>& referenceGrid, const std::string& path);

}  // namespace lesiondelta
