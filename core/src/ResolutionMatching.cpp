#include "lesiondelta/core/ResolutionMatching.h"

#include <itkGaussianOperator.h>
#include <itkNeighborhoodOperatorImageFilter.h>
#include <itkRegionOfInterestImageFilter.h>
#include <itkShrinkImageFilter.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "lesiondelta/core/MaskBoundingBox.h"

namespace lesiondelta {

bool ResolutionMatch::changed() const {
    for (int a = 0; a < 3; ++a)
        if (blSigmaMm[a] > 0 || fuSigmaMm[a] > 0) return true;
    return false;
}

namespace {

// Mean squared difference of neighbouring voxels along each grid axis, over the mask's voxels.
std::array<double, 3> lagOneEnergy(const ImageVolume& image, const MaskVolume& mask) {
    const auto size = image.GetLargestPossibleRegion().GetSize();
    if (mask.GetLargestPossibleRegion().GetSize() != size)
        throw std::invalid_argument("axisSharpness: the mask is not on the image's grid");
    const float* v = image.GetBufferPointer();
    const std::uint8_t* m = mask.GetBufferPointer();
    const std::array<std::size_t, 3> n{size[0], size[1], size[2]};
    const std::array<std::size_t, 3> stride{1, n[0], n[0] * n[1]};
    std::array<double, 3> sum{}, count{};
    for (std::size_t k = 0; k < n[2]; ++k)
        for (std::size_t j = 0; j < n[1]; ++j)
            for (std::size_t i = 0; i < n[0]; ++i) {
                const std::size_t at = i + stride[1] * j + stride[2] * k;
                if (!m[at]) continue;
                const std::array<std::size_t, 3> pos{i, j, k};
                for (int a = 0; a < 3; ++a) {
                    if (pos[a] + 1 >= n[a]) continue;
                    const double d = double(v[at + stride[a]]) - double(v[at]);
                    sum[a] += d * d;
                    count[a] += 1;
                }
            }
    for (int a = 0; a < 3; ++a) sum[a] = count[a] > 0 ? sum[a] / count[a] : 0.0;
    return sum;
}

ImageVolume::Pointer blurAlong(const ImageVolume& image, int axis, double sigmaMm);

constexpr double kPresmoothMm = 1.0;

// The image smoothed by an isotropic Gaussian of kPresmoothMm: white noise, which would otherwise
// dominate the neighbour differences, falls about 40-fold; blur along one axis still shows.
ImageVolume::Pointer presmoothed(const ImageVolume& image) {
    auto out = blurAlong(image, 0, kPresmoothMm);
    out = blurAlong(*out, 1, kPresmoothMm);
    return blurAlong(*out, 2, kPresmoothMm);
}

}  // namespace

std::array<double, 3> axisSharpness(const ImageVolume& image, const MaskVolume& mask) {
    return lagOneEnergy(*presmoothed(image), mask);
}

namespace {

// A Gaussian along one grid axis only: one pass of ITK's discrete Gaussian kernel (the one
// DiscreteGaussianImageFilter uses; that filter would also make a one-tap pass along each of the
// other two axes), zero-flux boundary.
ImageVolume::Pointer blurAlong(const ImageVolume& image, int axis, double sigmaMm) {
    const double sigmaVoxels = sigmaMm / image.GetSpacing()[axis];
    itk::GaussianOperator<float, 3> kernel;
    kernel.SetDirection(unsigned(axis));
    kernel.SetVariance(sigmaVoxels * sigmaVoxels);
    kernel.SetMaximumError(0.01);
    kernel.SetMaximumKernelWidth(64);
    kernel.CreateDirectional();
    auto f = itk::NeighborhoodOperatorImageFilter<ImageVolume, ImageVolume, float>::New();
    f->SetInput(&image);
    f->SetOperator(kernel);
    f->Update();
    ImageVolume::Pointer out = f->GetOutput();
    out->DisconnectPipeline();
    return out;
}

// Every second voxel along the two grid axes other than `axis` (ITK's ShrinkImageFilter, which
// samples and does not average): whole lines along `axis`, a quarter of them.
template <class Volume>
typename Volume::Pointer everySecondLineAcross(const Volume& image, int axis) {
    auto shrink = itk::ShrinkImageFilter<Volume, Volume>::New();
    shrink->SetInput(&image);
    itk::FixedArray<unsigned, 3> factors;
    factors.Fill(2);
    factors[axis] = 1;
    shrink->SetShrinkFactors(factors);
    shrink->Update();
    typename Volume::Pointer out = shrink->GetOutput();
    out->DisconnectPipeline();
    return out;
}

// The sigma (mm) that brings `image`'s neighbour differences along `axis` down to `target`, and
// the image so blurred. The bisection runs on a quarter of the lines along `axis` (the differences
// along it are the same there, up to sampling: the target is scaled by the ratio of the two
// measures before blurring); only the sigma found blurs the whole image.
ImageVolume::Pointer blurToEnergy(const ImageVolume& image, const MaskVolume& mask, int axis, double target,
                                  double& sigmaMm) {
    const auto lines = everySecondLineAcross(image, axis);
    const auto linesMask = everySecondLineAcross(mask, axis);
    // Measured afresh (not the round's figure): a blur along another axis earlier in the round has
    // changed it a little.
    const double whole = lagOneEnergy(image, mask)[axis], sampled = lagOneEnergy(*lines, *linesMask)[axis];
    if (whole > 0 && sampled > 0) target *= sampled / whole;
    double lo = 0.0, hi = 4.0 * image.GetSpacing()[axis];
    for (int step = 0; step < 6; ++step) {  // to 4 voxels / 64
        const double mid = 0.5 * (lo + hi);
        if (lagOneEnergy(*blurAlong(*lines, axis, mid), *linesMask)[axis] > target)
            lo = mid;
        else
            hi = mid;
    }
    // When every sigma tried left the axis too sharp, hi is still the widest searched.
    sigmaMm = hi;
    return blurAlong(image, axis, hi);
}

// The image inside `box` (a region of its grid), as an image of its own.
template <class Volume>
typename Volume::Pointer cropped(const Volume& image, const itk::ImageRegion<3>& box) {
    auto roi = itk::RegionOfInterestImageFilter<Volume, Volume>::New();
    roi->SetInput(&image);
    roi->SetRegionOfInterest(box);
    roi->Update();
    typename Volume::Pointer out = roi->GetOutput();
    out->DisconnectPipeline();
    return out;
}

// Margin (voxels) around the head's bounding box for the search: past the head lies background,
// which the zero-flux boundary of the blurs continues as the grid would.
constexpr long kBoxMargin = 8;

std::array<double, 3> ratios(const std::array<double, 3>& fu, const std::array<double, 3>& bl) {
    std::array<double, 3> r{};
    for (int a = 0; a < 3; ++a) r[a] = bl[a] > 0 ? fu[a] / bl[a] : 1.0;
    return r;
}

constexpr int kRounds = 4;

double median3(std::array<double, 3> v) {
    std::sort(v.begin(), v.end());
    return v[1];
}

}  // namespace

ResolutionMatch matchResolution(ImageVolume::Pointer& bl, ImageVolume::Pointer& fu, const MaskVolume& mask,
                                double tolerance) {
    if (!bl || !fu) throw std::invalid_argument("matchResolution: an image is missing");
    if (bl->GetLargestPossibleRegion().GetSize() != fu->GetLargestPossibleRegion().GetSize())
        throw std::invalid_argument("matchResolution: BL and FU are not on one grid");
    if (mask.GetLargestPossibleRegion().GetSize() != bl->GetLargestPossibleRegion().GetSize())
        throw std::invalid_argument("matchResolution: the head mask is not on the scans' grid");
    ResolutionMatch r;
    r.ratioBefore = r.ratioAfter = {1.0, 1.0, 1.0};
    // The search runs on pre-smoothed copies (blurs commute, so a sigma found there is the one
    // the scan needs) of the head's bounding box (about half of the grid), and repeats until
    // every axis agrees, as blurring one axis changes what the others show a little; sigmas
    // found in successive rounds add in quadrature.
    const auto box = maskBoundingBox(mask, kBoxMargin);
    if (box.GetNumberOfPixels() == 0) return r;  // no head: nothing to compare, nothing blurred
    const auto headBox = cropped(mask, box);
    const MaskVolume& head = *headBox;
    auto blSmooth = presmoothed(*cropped(*bl, box)), fuSmooth = presmoothed(*cropped(*fu, box));
    bool blurred = true;
    for (int round = 0; round < kRounds && blurred; ++round) {
        const auto blEnergy = lagOneEnergy(*blSmooth, head), fuEnergy = lagOneEnergy(*fuSmooth, head);
        const auto ratio = ratios(fuEnergy, blEnergy);
        if (round == 0) r.ratioBefore = ratio;
        r.ratioAfter = ratio;  // unless this round blurs
        const double reference = median3(ratio);
        blurred = false;
        for (int a = 0; a < 3; ++a) {
            if (!(reference > 0) || !std::isfinite(ratio[a])) continue;
            // Once an axis is being matched, it is matched closely (a third of the tolerance).
            const double t = r.blSigmaMm[a] > 0 || r.fuSigmaMm[a] > 0 ? tolerance / 3 : tolerance;
            double sigma = 0;
            if (ratio[a] > reference * (1 + t)) {
                fuSmooth = blurToEnergy(*fuSmooth, head, a, reference * blEnergy[a], sigma);
                r.fuSigmaMm[a] = std::hypot(r.fuSigmaMm[a], sigma);
            } else if (ratio[a] < reference / (1 + t)) {
                blSmooth = blurToEnergy(*blSmooth, head, a, fuEnergy[a] / reference, sigma);
                r.blSigmaMm[a] = std::hypot(r.blSigmaMm[a], sigma);
            }
            blurred = blurred || sigma > 0;
        }
    }
    if (blurred) r.ratioAfter = ratios(lagOneEnergy(*fuSmooth, head), lagOneEnergy(*blSmooth, head));
    for (int a = 0; a < 3; ++a) {
        if (r.blSigmaMm[a] > 0) bl = blurAlong(*bl, a, r.blSigmaMm[a]);
        if (r.fuSigmaMm[a] > 0) fu = blurAlong(*fu, a, r.fuSigmaMm[a]);
    }
    return r;
}

}  // namespace lesiondelta
