#include "lesiondelta/core/SubtractionDetector.h"

#include <itkBinaryBallStructuringElement.h>
#include <itkBinaryErodeImageFilter.h>
#include <itkBinaryFillholeImageFilter.h>
#include <itkImageRegionConstIterator.h>
#include <itkImageRegionIterator.h>
#include <itkSmoothingRecursiveGaussianImageFilter.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "lesiondelta/core/MaskedStatistics.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {

MaskVolume::Pointer innerHeadRegion(const ImageVolume& fu, double erosionMm) {
    auto fill = itk::BinaryFillholeImageFilter<MaskVolume>::New();
    fill->SetInput(headMask(fu));
    fill->SetForegroundValue(1);
    fill->FullyConnectedOn();
    using Ball = itk::BinaryBallStructuringElement<std::uint8_t, kDim>;
    Ball ball;
    Ball::SizeType radius;
    for (unsigned d = 0; d < kDim; ++d) {
        radius[d] = static_cast<itk::SizeValueType>(std::lround(erosionMm / fu.GetSpacing()[d]));
    }
    ball.SetRadius(radius);
    ball.CreateStructuringElement();
    auto erode = itk::BinaryErodeImageFilter<MaskVolume, MaskVolume, Ball>::New();
    erode->SetInput(fill->GetOutput());
    erode->SetKernel(ball);
    erode->SetForegroundValue(1);
    erode->SetBackgroundValue(0);
    erode->Update();
    MaskVolume::Pointer out = erode->GetOutput();
    out->DisconnectPipeline();
    return out;
}

SubtractionResult detectBySubtraction(const ImageVolume& blInFu, const ImageVolume& fu, const SubtractionOptions& o) {
    if (!sameGrid(blInFu, fu)) throw VolumeError("BL", "is not on the FU grid; register it first");
    checkHasContrast(fu, "FU");
    SubtractionResult r;
    r.brain = innerHeadRegion(fu, o.brainErosionMm);
    RobustStatistics fuStats = robustStatistics(fu, *r.brain);
    // A scan without visible noise (synthetic, or heavily filtered) would make every interpolation
    // difference look significant: the unit is at least 1 % of the brain's median intensity.
    fuStats.spread = std::max(fuStats.spread, 0.01 * std::abs(fuStats.median));
    std::size_t brainVoxels = 0;
    for (itk::ImageRegionConstIterator<MaskVolume> m(r.brain, r.brain->GetBufferedRegion()); !m.IsAtEnd(); ++m) {
        brainVoxels += m.Get();
    }
    if (brainVoxels == 0) throw VolumeError("FU", "no brain region was found (head too small or no contrast)");

    // BL brought onto FU's intensity scale by the ratio of the brain medians (FLAIR is not
    // quantitative: the gain changes between visits). A least-squares fit would be biased low by
    // noise wherever the brain is nearly uniform (regression dilution); the medians are not.
    const RobustStatistics blStats = robustStatistics(blInFu, *r.brain);
    const double gain = blStats.median > 0 ? fuStats.median / blStats.median : 1.0, offset = 0.0;
    r.intensityGain = gain;
    auto difference = ImageVolume::New();
    difference->CopyInformation(&fu);
    difference->SetRegions(fu.GetLargestPossibleRegion());
    difference->Allocate();
    {
        itk::ImageRegionConstIterator<ImageVolume> b(&blInFu, blInFu.GetBufferedRegion()),
            f(&fu, fu.GetBufferedRegion());
        itk::ImageRegionIterator<ImageVolume> d(difference, difference->GetBufferedRegion());
        for (; !d.IsAtEnd(); ++b, ++f, ++d) d.Set(float((f.Get() - gain * b.Get() - offset) / fuStats.spread));
    }
    auto smooth = itk::SmoothingRecursiveGaussianImageFilter<ImageVolume, ImageVolume>::New();
    smooth->SetInput(difference);
    smooth->SetSigma(o.smoothingMm);
    smooth->Update();
    r.score = smooth->GetOutput();
    r.score->DisconnectPipeline();
    const RobustStatistics scoreStats = robustStatistics(*r.score, *r.brain);
    r.differenceThreshold = scoreStats.median + o.differenceLevel * scoreStats.spread;

    auto candidates = MaskVolume::New();
    candidates->CopyInformation(&fu);
    candidates->SetRegions(fu.GetLargestPossibleRegion());
    candidates->Allocate();
    {
        itk::ImageRegionConstIterator<ImageVolume> s(r.score, r.score->GetBufferedRegion()),
            f(&fu, fu.GetBufferedRegion());
        itk::ImageRegionConstIterator<MaskVolume> m(r.brain, r.brain->GetBufferedRegion());
        itk::ImageRegionIterator<MaskVolume> c(candidates, candidates->GetBufferedRegion());
        const double hyper = fuStats.median + o.hyperintensityLevel * fuStats.spread;
        for (; !c.IsAtEnd(); ++s, ++f, ++m, ++c)
            c.Set(m.Get() && s.Get() > r.differenceThreshold && f.Get() > hyper ? 1 : 0);
    }
    // Score in units of its own spread, for display beside a CNN probability.
    for (itk::ImageRegionIterator<ImageVolume> s(r.score, r.score->GetBufferedRegion()); !s.IsAtEnd(); ++s) {
        s.Set(float((s.Get() - scoreStats.median) / scoreStats.spread));
    }
    r.newLesions = removeSmallLesions(*candidates, o.minLesionMl);
    return r;
}

}  // namespace lesiondelta
