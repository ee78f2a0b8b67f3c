#pragma once
#include <cstddef>
#include <string>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

/// Counts voxels that are NaN or +-Inf.
std::size_t countNonFinite(const ImageVolume& image);

/// Throws VolumeError(path, ...) when spacing is zero, negative or not finite, or the direction
/// matrix is singular.
void checkGeometry(const itk::ImageBase<kDim>& image, const std::string& path);

/// Throws VolumeError when the image has no contrast (max == min): nothing can be registered or
/// standardised against it.
void checkHasContrast(const ImageVolume& image, const std::string& path);

/// Same grid: same size, and origin, spacing and direction equal within `tolerance` (relative to
/// the spacing).
bool sameGrid(const itk::ImageBase<kDim>& a, const itk::ImageBase<kDim>& b, double tolerance = 1e-3);

}  // namespace lesiondelta
