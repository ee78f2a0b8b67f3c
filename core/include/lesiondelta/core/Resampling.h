#pragma once
// Resampling between grids by physical (LPS mm) coordinates.
#include <itkTransform.h>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

/// Transform mapping points of the output grid's space to points of the input image's space
/// (ITK's convention for resampling and for registration: fixed -> moving).
using SpatialTransform = itk::Transform<double, kDim, kDim>;

/// Resamples `image` onto the grid of `referenceGrid` with linear interpolation; points outside
/// the input get `outsideValue`. `fixedToMoving` may be null (identity).
ImageVolume::Pointer resampleLinear(const ImageVolume& image, const itk::ImageBase<kDim>& referenceGrid,
                                    const SpatialTransform* fixedToMoving = nullptr, float outsideValue = 0.0f);

/// Same with nearest-neighbour interpolation, for masks.
MaskVolume::Pointer resampleNearest(const MaskVolume& mask, const itk::ImageBase<kDim>& referenceGrid,
                                    const SpatialTransform* fixedToMoving = nullptr);

/// A grid with the same origin corner and direction as `grid`, covering the same physical extent
/// with isotropic voxels of `spacingMm`. No pixel buffer is allocated.
ImageVolume::Pointer isotropicGridLike(const itk::ImageBase<kDim>& grid, double spacingMm = 1.0);

/// Resamples an image to isotropic voxels (linear), as the CNN expects (1 mm).
ImageVolume::Pointer resampleToIsotropic(const ImageVolume& image, double spacingMm = 1.0);

}  // namespace lesiondelta
