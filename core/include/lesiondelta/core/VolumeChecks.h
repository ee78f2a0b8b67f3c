#pragma once
#include <cstddef>
#include <string>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

/// Counts voxels that are NaN or +-Inf.
std::size_t countNonFinite(const ImageVolume& image);

/// Voxel sizes outside these bounds are refused as broken headers.
inline constexpr double kMinSpacingMm = 1e-4, kMaxSpacingMm = 1e4;

/// Throws VolumeError(path, ...) when spacing is zero, negative, not finite or outside
/// [kMinSpacingMm, kMaxSpacingMm], or the direction matrix is singular.
void checkGeometry(const itk::ImageBase<kDim>& image, const std::string& path);

/// Throws VolumeError when the image has no contrast (max == min): nothing can be registered or
/// standardised against it.
void checkHasContrast(const ImageVolume& image, const std::string& path);

/// Same grid: same size, and origin, spacing and direction equal within `tolerance` (relative to
/// the spacing).
bool sameGrid(const itk::ImageBase<kDim>& a, const itk::ImageBase<kDim>& b, double tolerance = 1e-3);

}  // namespace lesiondelta
