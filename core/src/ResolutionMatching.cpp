#include "lesiondelta/core/ResolutionMatching.h"

#include <itkDiscreteGaussianImageFilter.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

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

ImageVolume::Pointer blurAlong(const ImageVolume& image, int axis, double sigmaMm) {
    using Filter = itk::DiscreteGaussianImageFilter<ImageVolume, ImageVolume>;
    auto f = Filter::New();
    f->SetInput(&image);
    Filter::ArrayType variance;
    variance.Fill(0.0);
    variance[axis] = sigmaMm * sigmaMm;
    f->SetVariance(variance);
    f->SetUseImageSpacing(true);
    f->SetMaximumError(0.01);
    f->SetMaximumKernelWidth(64);
    f->Update();
    ImageVolume::Pointer out = f->GetOutput();
    out->DisconnectPipeline();
    return out;
}

// The sigma (mm) that brings `image`'s neighbour differences along `axis` down to `target`
// (bisection; they fall as the sigma grows), and the image so blurred.
ImageVolume::Pointer blurToEnergy(const ImageVolume& image, const MaskVolume& mask, int axis, double target,
                                  double& sigmaMm) {
    double lo = 0.0, hi = 4.0 * image.GetSpacing()[axis];
    ImageVolume::Pointer best = blurAlong(image, axis, hi);
    if (lagOneEnergy(*best, mask)[axis] > target) {  // even the widest blur is too sharp: use it
        sigmaMm = hi;
        return best;
    }
    for (int step = 0; step < 6; ++step) {  // to 4 mm / 64
        const double mid = 0.5 * (lo + hi);
        auto blurred = blurAlong(image, axis, mid);
        if (lagOneEnergy(*blurred, mask)[axis] > target) {
            lo = mid;
        } else {
            hi = mid;
            best = blurred;
        }
    }
    sigmaMm = hi;
    return best;
}

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
    ResolutionMatch r;
    // The search runs on pre-smoothed copies (blurs commute, so a sigma found there is the one
    // the scan needs) and repeats until every axis agrees, as blurring one axis changes what the
    // others show a little; sigmas found in successive rounds add in quadrature.
    auto blSmooth = presmoothed(*bl), fuSmooth = presmoothed(*fu);
    for (int round = 0; round < kRounds; ++round) {
        const auto blEnergy = lagOneEnergy(*blSmooth, mask), fuEnergy = lagOneEnergy(*fuSmooth, mask);
        const auto ratio = ratios(fuEnergy, blEnergy);
        if (round == 0) r.ratioBefore = ratio;
        const double reference = median3(ratio);
        bool blurred = false;
        for (int a = 0; a < 3; ++a) {
            if (!(reference > 0) || !std::isfinite(ratio[a])) continue;
            // Once an axis is being matched, it is matched closely (a third of the tolerance).
            const double t = r.blSigmaMm[a] > 0 || r.fuSigmaMm[a] > 0 ? tolerance / 3 : tolerance;
            double sigma = 0;
            if (ratio[a] > reference * (1 + t)) {
                fuSmooth = blurToEnergy(*fuSmooth, mask, a, reference * blEnergy[a], sigma);
                r.fuSigmaMm[a] = std::hypot(r.fuSigmaMm[a], sigma);
            } else if (ratio[a] < reference / (1 + t)) {
                blSmooth = blurToEnergy(*blSmooth, mask, a, fuEnergy[a] / reference, sigma);
                r.blSigmaMm[a] = std::hypot(r.blSigmaMm[a], sigma);
            }
            blurred = blurred || sigma > 0;
        }
        if (!blurred) break;
    }
    r.ratioAfter = ratios(lagOneEnergy(*fuSmooth, mask), lagOneEnergy(*blSmooth, mask));
    for (int a = 0; a < 3; ++a) {
        if (r.blSigmaMm[a] > 0) bl = blurAlong(*bl, a, r.blSigmaMm[a]);
        if (r.fuSigmaMm[a] > 0) fu = blurAlong(*fu, a, r.fuSigmaMm[a]);
    }
    return r;
}

}  // namespace lesiondelta
