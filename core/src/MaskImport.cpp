#include "lesiondelta/core/MaskImport.h"

#include <itkImageRegionConstIterator.h>
#include <itkImageRegionIterator.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {
namespace {

// Axis-aligned physical (LPS mm) box around the outer edges of a grid's voxels.
struct BoxLps {
    std::array<double, 3> lo{1e300, 1e300, 1e300};
    std::array<double, 3> hi{-1e300, -1e300, -1e300};
};

BoxLps physicalBox(const itk::ImageBase<kDim>& grid) {
    BoxLps box;
    const auto region = grid.GetLargestPossibleRegion();
    for (int corner = 0; corner < 8; ++corner) {
        itk::ContinuousIndex<double, kDim> c;
        for (unsigned int d = 0; d < kDim; ++d) {
            c[d] = region.GetIndex()[d] - 0.5 + ((corner >> d) & 1 ? double(region.GetSize()[d]) : 0.0);
        }
        PhysicalPointLps p;
        grid.TransformContinuousIndexToPhysicalPoint(c, p);
        for (unsigned int d = 0; d < kDim; ++d) {
            box.lo[d] = std::min(box.lo[d], p[d]);
            box.hi[d] = std::max(box.hi[d], p[d]);
        }
    }
    return box;
}

}  // namespace

MaskVolume::Pointer lstIncreaseMask(const LabelVolume& lstLabels) {
    auto mask = MaskVolume::New();
    mask->CopyInformation(&lstLabels);
    mask->SetRegions(lstLabels.GetLargestPossibleRegion());
    mask->Allocate();
    itk::ImageRegionConstIterator<LabelVolume> in(&lstLabels, lstLabels.GetBufferedRegion());
    itk::ImageRegionIterator<MaskVolume> out(mask, mask->GetBufferedRegion());
    for (; !in.IsAtEnd(); ++in, ++out) out.Set(in.Get() == kLstIncreaseLabel ? 1 : 0);
    return mask;
}

MappedMask mapMaskToGrid(const MaskVolume& mask, const itk::ImageBase<kDim>& referenceGrid, const std::string& path) {
    MappedMask result;
    if (sameGrid(mask, referenceGrid)) {
        result.mask = &mask;
        return result;
    }
    const BoxLps a = physicalBox(mask), b = physicalBox(referenceGrid);
    double largestOffset = 0.0, voxel = 0.0;
    for (unsigned int d = 0; d < kDim; ++d) {
        if (a.hi[d] <= b.lo[d] || b.hi[d] <= a.lo[d]) {
            throw VolumeError(path,
                              "does not overlap the image it belongs to (its grid lies elsewhere "
                              "in physical space); it cannot be mapped");
        }
        largestOffset = std::max({largestOffset, std::abs(a.lo[d] - b.lo[d]), std::abs(a.hi[d] - b.hi[d])});
        voxel = std::max({voxel, mask.GetSpacing()[d], referenceGrid.GetSpacing()[d]});
    }
    // The reference grid's corners in the mask's index space must be ordinary numbers: a
    // near-singular orientation would send them beyond what ITK's index type holds.
    const auto region = referenceGrid.GetLargestPossibleRegion();
    for (int corner = 0; corner < 8; ++corner) {
        itk::ContinuousIndex<double, kDim> c;
        for (unsigned int d = 0; d < kDim; ++d) c[d] = (corner >> d) & 1 ? double(region.GetSize()[d]) : 0.0;
        PhysicalPointLps p;
        referenceGrid.TransformContinuousIndexToPhysicalPoint(c, p);
        const auto inMask = mask.TransformPhysicalPointToContinuousIndex<double>(p);
        for (unsigned int d = 0; d < kDim; ++d) {
            if (!std::isfinite(inMask[d]) || std::abs(inMask[d]) > 1e9) {
                throw VolumeError(path,
                                  "has an orientation or voxel size so far from the image's that it cannot be mapped");
            }
        }
    }
    result.mask = resampleNearest(mask, referenceGrid);
    if (largestOffset > voxel) {
        std::ostringstream s;
        s << path << ": its grid differs from the image's by up to " << largestOffset
          << " mm; resampled by physical coordinates (nearest neighbour)";
        result.warning = s.str();
    }
    return result;
}

}  // namespace lesiondelta
