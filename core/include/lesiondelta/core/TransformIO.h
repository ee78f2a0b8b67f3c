#pragma once
#include <string>

#include "lesiondelta/core/Resampling.h"

namespace lesiondelta {

/// Reads the first transform of an ITK transform file (.tfm/.txt/.h5), affine and rigid kinds
/// included. With `inverse`, returns its inverse. Throws VolumeError naming the file.
SpatialTransform::Pointer readTransform(const std::string& path, bool inverse = false);

}  // namespace lesiondelta
