#include "lesiondelta/core/BiasCorrection.h"

#include <itkBSplineControlPointImageFilter.h>
#include <itkN4BiasFieldCorrectionImageFilter.h>
#include <itkShrinkImageFilter.h>

#include <algorithm>
#include <cmath>

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

    // The log field at full resolution from the fitted B-spline lattice.
    using Lattice = N4::BiasFieldControlPointLatticeType;
    using ScalarField = itk::Image<itk::Vector<float, 1>, kDim>;
    auto reconstruct = itk::BSplineControlPointImageFilter<Lattice, ScalarField>::New();
    reconstruct->SetInput(n4->GetLogBiasFieldControlPointLattice());
    reconstruct->SetSplineOrder(n4->GetSplineOrder());
    reconstruct->SetSize(image.GetLargestPossibleRegion().GetSize());
    reconstruct->SetOrigin(image.GetOrigin());
    reconstruct->SetSpacing(image.GetSpacing());
    reconstruct->SetDirection(image.GetDirection());
    reconstruct->Update();
    const auto* logField = reconstruct->GetOutput()->GetBufferPointer();

    auto out = ImageVolume::New();
    out->CopyInformation(&image);
    out->SetRegions(image.GetLargestPossibleRegion());
    out->Allocate();
    float* o = out->GetBufferPointer();
    const float* p = positive->GetBufferPointer();
    for (std::size_t i = 0; i < n; ++i) o[i] = p[i] / std::exp(logField[i][0]) - offset;
    return out;
}

}  // namespace lesiondelta
