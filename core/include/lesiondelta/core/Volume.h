#pragma once
// Image types shared by every layer above core. All geometry is ITK's: origin, spacing and
// direction cosines map a voxel index to a physical point in LPS millimetres.
#include <itkImage.h>

#include <cstdint>

namespace lesiondelta {

constexpr unsigned int kDim = 3;
using ImageVolume = itk::Image<float, kDim>;          // intensities (any input type, read as float)
using MaskVolume = itk::Image<std::uint8_t, kDim>;    // binary masks: 0 or 1
using LabelVolume = itk::Image<std::uint32_t, kDim>;  // lesion labels, 0 = background

using PhysicalPointLps = itk::Point<double, kDim>;  // physical LPS mm
using VoxelIndex = itk::Index<kDim>;

/// Volume of one voxel in millilitres (1 ml = 1000 mm^3).
template <typename TImage>
double voxelVolumeMl(const TImage& image) {
    const auto s = image.GetSpacing();
    return s[0] * s[1] * s[2] / 1000.0;
}

}  // namespace lesiondelta
