#include "lesiondelta/core/Resampling.h"

#include <itkLinearInterpolateImageFunction.h>
#include <itkNearestNeighborInterpolateImageFunction.h>
#include <itkResampleImageFilter.h>

#include <cmath>

namespace lesiondelta {
namespace {

template <typename TImage, typename TInterpolator>
typename TImage::Pointer resample(const TImage& image, const itk::ImageBase<kDim>& referenceGrid,
                                  const SpatialTransform* fixedToMoving, typename TImage::PixelType outside) {
    using Filter = itk::ResampleImageFilter<TImage, TImage, double>;
    auto filter = Filter::New();
    filter->SetInput(&image);
    filter->SetInterpolator(TInterpolator::New());
    if (fixedToMoving) filter->SetTransform(fixedToMoving);
    filter->SetOutputOrigin(referenceGrid.GetOrigin());
    filter->SetOutputSpacing(referenceGrid.GetSpacing());
    filter->SetOutputDirection(referenceGrid.GetDirection());
    filter->SetSize(referenceGrid.GetLargestPossibleRegion().GetSize());
    filter->SetOutputStartIndex(referenceGrid.GetLargestPossibleRegion().GetIndex());
    filter->SetDefaultPixelValue(outside);
    filter->Update();
    typename TImage::Pointer out = filter->GetOutput();
    out->DisconnectPipeline();
    return out;
}

}  // namespace

ImageVolume::Pointer resampleLinear(const ImageVolume& image, const itk::ImageBase<kDim>& referenceGrid,
                                    const SpatialTransform* fixedToMoving, float outsideValue) {
    return resample<ImageVolume, itk::LinearInterpolateImageFunction<ImageVolume, double>>(image, referenceGrid,
                                                                                           fixedToMoving, outsideValue);
}

MaskVolume::Pointer resampleNearest(const MaskVolume& mask, const itk::ImageBase<kDim>& referenceGrid,
                                    const SpatialTransform* fixedToMoving) {
    return resample<MaskVolume, itk::NearestNeighborInterpolateImageFunction<MaskVolume, double>>(mask, referenceGrid,
                                                                                                  fixedToMoving, 0);
}

ImageVolume::Pointer isotropicGridLike(const itk::ImageBase<kDim>& grid, double spacingMm) {
    const auto size = grid.GetLargestPossibleRegion().GetSize();
    const auto spacing = grid.GetSpacing();
    ImageVolume::SizeType newSize;
    ImageVolume::SpacingType newSpacing;
    itk::Vector<double, kDim> shiftIndexSpaceMm;  // along each grid axis, before the direction
    for (unsigned int d = 0; d < kDim; ++d) {
        const double extentMm = size[d] * spacing[d];  // edge to edge
        newSize[d] =
            std::max<itk::SizeValueType>(1, static_cast<itk::SizeValueType>(std::lround(extentMm / spacingMm)));
        newSpacing[d] = spacingMm;
        // Keep the outer corner of the first voxel where it was.
        shiftIndexSpaceMm[d] = 0.5 * spacingMm - 0.5 * spacing[d];
    }
    auto out = ImageVolume::New();
    ImageVolume::RegionType region;
    region.SetSize(newSize);
    out->SetRegions(region);
    out->SetSpacing(newSpacing);
    out->SetDirection(grid.GetDirection());
    out->SetOrigin(grid.GetOrigin() + grid.GetDirection() * shiftIndexSpaceMm);
    return out;
}

ImageVolume::Pointer resampleToIsotropic(const ImageVolume& image, double spacingMm) {
    const auto grid = isotropicGridLike(image, spacingMm);
    return resampleLinear(image, *grid);
}

}  // namespace lesiondelta
