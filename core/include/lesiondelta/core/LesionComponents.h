#pragma once
// Lesions are 26-connected components of a binary mask.
#include <array>
#include <vector>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

/// 0.01 ml (a 3 mm diameter lesion; Rovira et al. 2015): smaller components are not lesions.
constexpr double kMinLesionMl = 0.01;

/// Labels 26-connected components 1..n, largest first. Components smaller than `minMl`
/// (computed from the voxel spacing) are removed. `count` receives n.
LabelVolume::Pointer labelLesions(const MaskVolume& mask, double minMl = kMinLesionMl, unsigned int* count = nullptr);

/// The mask with components smaller than `minMl` removed.
MaskVolume::Pointer removeSmallLesions(const MaskVolume& mask, double minMl = kMinLesionMl);

struct Lesion {
    unsigned int id = 0;  // label in labelLesions' output (1 = largest)
    std::size_t voxels = 0;
    double volumeMl = 0.0;
    std::array<double, 3> centroidIndex{};  // continuous voxel index (i, j, k)
    std::array<double, 3> centroidLpsMm{};  // physical LPS mm
    std::array<long, 3> boxMinIndex{};      // inclusive voxel index bounds
    std::array<long, 3> boxMaxIndex{};
    double meanBl = 0.0;  // mean intensity in BL (on the mask grid), NaN without BL
    double meanFu = 0.0;  // mean intensity in FU, NaN without FU
};

/// The lesion table of a mask. `bl`/`fu`, when given, must be on the mask's grid.
std::vector<Lesion> lesionTable(const MaskVolume& mask, double minMl = kMinLesionMl, const ImageVolume* bl = nullptr,
                                const ImageVolume* fu = nullptr);

}  // namespace lesiondelta
