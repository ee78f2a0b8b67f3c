#pragma once
// The box (index region of a mask's grid) around a mask's voxels: where the head or the brain
// lies, so that a filter can run on that part of the grid only.
#include <itkImageRegion.h>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

/// The smallest index region holding every nonzero voxel of `mask`, widened by `margin` voxels on
/// each side and clipped to the grid; a region of no voxels when the mask is empty.
itk::ImageRegion<3> maskBoundingBox(const MaskVolume& mask, long margin = 0);

}  // namespace lesiondelta
