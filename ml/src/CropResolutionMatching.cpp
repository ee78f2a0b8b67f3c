#include "lesiondelta/ml/CropResolutionMatching.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lesiondelta::ml {

namespace F = torch::nn::functional;

bool CropResolutionMatch::changed() const {
    for (int a = 0; a < 3; ++a)
        if (blSigmaVoxels[a] > 0 || fuSigmaVoxels[a] > 0) return true;
    return false;
}

namespace {

// A sampled Gaussian along one axis (sigma in voxels, radius 3 sigma, replicated edges). Unlike
// the synthesis's blur it acts from sigma 0.1 on, so that the bisection below sees a continuous
// effect of the sigma it tries.
torch::Tensor blurAxis(const torch::Tensor& x, int axis, double sigma) {
    if (sigma < 0.1) return x;
    const int64_t r = std::max<int64_t>(1, int64_t(std::ceil(3 * sigma)));
    auto k = torch::arange(-r, r + 1, x.options()).square().div(-2 * sigma * sigma).exp();
    k = k / k.sum();
    std::vector<int64_t> shape{1, 1, 1, 1, 1};
    shape[2 + axis] = 2 * r + 1;
    std::vector<int64_t> pad(6, 0);
    pad[2 * (2 - axis)] = pad[2 * (2 - axis) + 1] = r;
    return F::conv3d(F::pad(x, F::PadFuncOptions(pad).mode(torch::kReplicate)), k.view(shape));
}

constexpr double kPresmoothVoxels = 1.0;

torch::Tensor presmoothed(const torch::Tensor& x) {
    return blurAxis(blurAxis(blurAxis(x, 0, kPresmoothVoxels), 1, kPresmoothVoxels), 2, kPresmoothVoxels);
}

double lagOneEnergy(const torch::Tensor& x, const torch::Tensor& mask, int axis) {
    const int64_t n = x.size(2 + axis);
    if (n < 2) return 0.0;
    const auto d = x.narrow(2 + axis, 1, n - 1) - x.narrow(2 + axis, 0, n - 1);
    const auto m = mask.narrow(2 + axis, 0, n - 1);
    const double count = m.sum().item<double>();
    return count > 0 ? (d.square() * m).sum().item<double>() / count : 0.0;
}

std::array<double, 3> energies(const torch::Tensor& x, const torch::Tensor& mask) {
    return {lagOneEnergy(x, mask, 0), lagOneEnergy(x, mask, 1), lagOneEnergy(x, mask, 2)};
}

std::array<double, 3> ratios(const std::array<double, 3>& fu, const std::array<double, 3>& bl) {
    std::array<double, 3> r{};
    for (int a = 0; a < 3; ++a) r[a] = bl[a] > 0 ? fu[a] / bl[a] : 1.0;
    return r;
}

double median3(std::array<double, 3> v) {
    std::sort(v.begin(), v.end());
    return v[1];
}

// Every second line along `axis` in both directions across it: a quarter of the voxels, whole
// lines along `axis` (its neighbour differences are those of the whole, up to sampling).
torch::Tensor everySecondLineAcross(const torch::Tensor& x, int axis) {
    auto out = x;
    for (int a = 0; a < 3; ++a)
        if (a != axis) out = out.slice(2 + a, 0, x.size(2 + a), 2);
    return out.contiguous();
}

// The sigma (voxels, within 4 voxels, to 4/64) that brings `x`'s energy along `axis` down to
// `target`; `x` is replaced by the blurred image. The bisection runs on a quarter of the lines (the
// target scaled by the ratio of the two measures), as core's does. The energy is measured afresh:
// a blur along another axis earlier in the round has changed it a little.
double blurToEnergy(torch::Tensor& x, const torch::Tensor& mask, int axis, double target) {
    const auto lines = everySecondLineAcross(x, axis), linesMask = everySecondLineAcross(mask, axis);
    const double energy = lagOneEnergy(x, mask, axis), sampled = lagOneEnergy(lines, linesMask, axis);
    if (energy > 0 && sampled > 0) target *= sampled / energy;
    double lo = 0.0, hi = 4.0;
    for (int step = 0; step < 6; ++step) {
        const double mid = 0.5 * (lo + hi);
        if (lagOneEnergy(blurAxis(lines, axis, mid), linesMask, axis) > target)
            lo = mid;
        else
            hi = mid;
    }
    x = blurAxis(x, axis, hi);
    return hi;
}

constexpr int kRounds = 4;

}  // namespace

std::array<double, 3> cropAxisSharpness(const torch::Tensor& image, const torch::Tensor& mask) {
    if (image.dim() != 5 || image.sizes() != mask.sizes())
        throw std::invalid_argument("cropAxisSharpness: image and mask must be [1, 1, Z, Y, X] alike");
    torch::NoGradGuard noGrad;
    return energies(presmoothed(image.to(torch::kFloat32)), mask.to(torch::kFloat32));
}

CropResolutionMatch matchCropResolution(torch::Tensor& bl, torch::Tensor& fu, const torch::Tensor& mask,
                                        double tolerance) {
    if (bl.dim() != 5 || bl.size(0) != 1 || bl.size(1) != 1)
        throw std::invalid_argument("matchCropResolution: BL must be [1, 1, Z, Y, X]");
    if (fu.sizes() != bl.sizes()) throw std::invalid_argument("matchCropResolution: BL and FU differ in shape");
    if (mask.sizes() != bl.sizes()) throw std::invalid_argument("matchCropResolution: the mask differs in shape");
    torch::NoGradGuard noGrad;
    CropResolutionMatch r;
    const auto m = mask.to(bl.options().dtype(torch::kFloat32));
    if (m.sum().item<double>() == 0) return r;
    // As in core: the search runs on pre-smoothed copies (blurs commute, so a sigma found there is
    // the one the scan needs); once an axis is matched, it is matched closely (a third of the
    // tolerance) in later rounds.
    auto blSmooth = presmoothed(bl.to(torch::kFloat32)), fuSmooth = presmoothed(fu.to(torch::kFloat32));
    bool blurred = true;
    for (int round = 0; round < kRounds && blurred; ++round) {
        const auto blEnergy = energies(blSmooth, m), fuEnergy = energies(fuSmooth, m);
        const auto ratio = ratios(fuEnergy, blEnergy);
        if (round == 0) r.ratioBefore = ratio;
        r.ratioAfter = ratio;  // unless this round blurs
        const double reference = median3(ratio);
        blurred = false;
        for (int a = 0; a < 3; ++a) {
            if (!(reference > 0) || !std::isfinite(ratio[a])) continue;
            const double t = r.blSigmaVoxels[a] > 0 || r.fuSigmaVoxels[a] > 0 ? tolerance / 3 : tolerance;
            double sigma = 0;
            if (ratio[a] > reference * (1 + t)) {
                sigma = blurToEnergy(fuSmooth, m, a, reference * blEnergy[a]);
                r.fuSigmaVoxels[a] = std::hypot(r.fuSigmaVoxels[a], sigma);
            } else if (ratio[a] < reference / (1 + t)) {
                sigma = blurToEnergy(blSmooth, m, a, fuEnergy[a] / reference);
                r.blSigmaVoxels[a] = std::hypot(r.blSigmaVoxels[a], sigma);
            }
            blurred = blurred || sigma > 0;
        }
    }
    if (blurred) r.ratioAfter = ratios(energies(fuSmooth, m), energies(blSmooth, m));
    for (int a = 0; a < 3; ++a) {
        if (r.blSigmaVoxels[a] > 0) bl = blurAxis(bl, a, r.blSigmaVoxels[a]);
        if (r.fuSigmaVoxels[a] > 0) fu = blurAxis(fu, a, r.fuSigmaVoxels[a]);
    }
    return r;
}

}  // namespace lesiondelta::ml
