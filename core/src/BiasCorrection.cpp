#include "lesiondelta/core/BiasCorrection.h"

#include <itkBSplineControlPointImageFilter.h>
#include <itkN4BiasFieldCorrectionImageFilter.h>
#include <itkShrinkImageFilter.h>

#include <algorithm>
#include <cmath>

#include "lesiondelta/core/Resampling.h"

namespace lesiondelta {

ImageVolume::Pointer correctBias(const ImageVolume& image, const MaskVolume& mask,
                                 const BiasCorrectionOptions& options) {
    // N4 works on positive intensities (it fits log(image)); shift so the minimum is 1.
    const auto n = image.GetLargestPossibleRegion().GetNumberOfPixels();
    const float* in = image.GetBufferPointer();
    const float lowest = *std::min_element(in, in + n);
    const float offset = lowest < 1.0f ? 1.0f - lowest : 0.0f;
    auto positive = ImageVolume::New();
    positive->CopyInformation(&image);
    positive->SetRegions(image.GetLargestPossibleRegion());
    positive->Allocate();
    for (std::size_t i = 0; i < n; ++i) positive->GetBufferPointer()[i] = in[i] + offset;

    auto shrinkImage = itk::ShrinkImageFilter<ImageVolume, ImageVolume>::New();
    shrinkImage->SetInput(positive);
    shrinkImage->SetShrinkFactors(options.shrinkFactor);
    auto shrinkMask = itk::ShrinkImageFilter<MaskVolume, MaskVolume>::New();
    shrinkMask->SetInput(&mask);
    shrinkMask->SetShrinkFactors(options.shrinkFactor);

    using N4 = itk::N4BiasFieldCorrectionImageFilter<ImageVolume, MaskVolume, ImageVolume>;
    auto n4 = N4::New();
    n4->SetInput(shrinkImage->GetOutput());
    n4->SetMaskImage(shrinkMask->GetOutput());
    n4->SetMaskLabel(1);
    N4::VariableSizeArrayType iterations(options.fittingLevels);
    iterations.Fill(options.iterationsPerLevel);
    n4->SetMaximumNumberOfIterations(iterations);
    n4->SetNumberOfFittingLevels(options.fittingLevels);
    n4->SetConvergenceThreshold(1e-4);
    n4->Update();

    // The log field from the fitted B-spline lattice, evaluated on a grid `fieldShrink` times
    // coarser per axis (it is smooth: its control points lie tens of mm apart) and interpolated
    // linearly onto the image grid: evaluating the cubic B-spline at every voxel cost more than the
    // fit itself.
    using Lattice = N4::BiasFieldControlPointLatticeType;
    using ScalarField = itk::Image<itk::Vector<float, 1>, kDim>;
    auto reconstruct = itk::BSplineControlPointImageFilter<Lattice, ScalarField>::New();
    reconstruct->SetInput(n4->GetLogBiasFieldControlPointLattice());
    reconstruct->SetSplineOrder(n4->GetSplineOrder());
    const unsigned int f = std::max(1u, options.fieldShrink);
    auto coarseSize = image.GetLargestPossibleRegion().GetSize();
    auto coarseSpacing = image.GetSpacing();
    auto coarseOrigin = image.GetOrigin();
    for (unsigned int d = 0; d < kDim; ++d) {
        // Same physical extent (first to last voxel centre), (size - 1) / f + 2 samples.
        const auto size = image.GetLargestPossibleRegion().GetSize()[d];
        coarseSize[d] = f == 1 ? size : (size - 1) / f + 2;
        coarseSpacing[d] =
            f == 1 ? image.GetSpacing()[d] : image.GetSpacing()[d] * double(size - 1) / double(coarseSize[d] - 1);
    }
    reconstruct->SetSize(coarseSize);
    reconstruct->SetOrigin(coarseOrigin);
    reconstruct->SetSpacing(coarseSpacing);
    reconstruct->SetDirection(image.GetDirection());
    reconstruct->Update();
    auto coarse = ImageVolume::New();
    coarse->CopyInformation(reconstruct->GetOutput());
    coarse->SetRegions(reconstruct->GetOutput()->GetLargestPossibleRegion());
    coarse->Allocate();
    const auto coarseCount = coarse->GetLargestPossibleRegion().GetNumberOfPixels();
    for (std::size_t i = 0; i < coarseCount; ++i)
        coarse->GetBufferPointer()[i] = reconstruct->GetOutput()->GetBufferPointer()[i][0];
    const auto field = f == 1 ? coarse : resampleLinear(*coarse, image);
    const float* logField = field->GetBufferPointer();

    auto out = ImageVolume::New();
    out->CopyInformation(&image);
    out->SetRegions(image.GetLargestPossibleRegion());
    out->Allocate();
    float* o = out->GetBufferPointer();
    const float* p = positive->GetBufferPointer();
    for (std::size_t i = 0; i < n; ++i) o[i] = p[i] / std::exp(logField[i]) - offset;
    return out;
}

}  // namespace lesiondelta
