#include "lesiondelta/ml/CropResolutionMatching.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "SynthesisOps.h"

namespace lesiondelta::ml {

bool CropResolutionMatch::changed() const {
    for (int a = 0; a < 3; ++a)
        if (blSigmaVoxels[a] > 0 || fuSigmaVoxels[a] > 0) return true;
    return false;
}

namespace {

// A Gaussian along one axis (sigma in voxels), acting from sigma 0.1 on (the synthesis skips
// sigmas below 0.3) so that the bisection below sees a continuous effect of the sigma it tries.
torch::Tensor blurAxis(const torch::Tensor& x, int axis, double sigma) {
    std::array<double, 3> s{0.0, 0.0, 0.0};
    s[axis] = sigma;
    return synthesis::blur(x, s, 0.1);
}

constexpr double kPresmoothVoxels = 1.0;

torch::Tensor presmoothed(const torch::Tensor& x) {
    return blurAxis(blurAxis(blurAxis(x, 0, kPresmoothVoxels), 1, kPresmoothVoxels), 2, kPresmoothVoxels);
}

// Per axis, the mask's voxels that have a next voxel along it (all but the last plane), counted
// once: the energies below are measured many times on one mask (every bisection step).
class AxisMask {
public:
    explicit AxisMask(const torch::Tensor& mask) {
        for (int a = 0; a < 3; ++a) {
            const int64_t n = mask.size(2 + a);
            if (n < 2) continue;
            lower_[a] = mask.narrow(2 + a, 0, n - 1);
            count_[a] = lower_[a].sum().item<double>();
        }
    }
    // Mean squared difference of neighbours along `axis` inside the mask.
    double lagOneEnergy(const torch::Tensor& x, int axis) const {
        if (!(count_[axis] > 0)) return 0.0;
        const int64_t n = x.size(2 + axis);
        const auto d = x.narrow(2 + axis, 1, n - 1) - x.narrow(2 + axis, 0, n - 1);
        return (d.square() * lower_[axis]).sum().item<double>() / count_[axis];
    }
    std::array<double, 3> energies(const torch::Tensor& x) const {
        return {lagOneEnergy(x, 0), lagOneEnergy(x, 1), lagOneEnergy(x, 2)};
    }
    // No mask voxel has a next voxel along any axis: nothing to measure (an empty mask too).
    bool empty() const { return !(count_[0] > 0 || count_[1] > 0 || count_[2] > 0); }

private:
    std::array<torch::Tensor, 3> lower_;
    std::array<double, 3> count_{0.0, 0.0, 0.0};
};

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
double blurToEnergy(torch::Tensor& x, const torch::Tensor& mask, const AxisMask& axes, int axis, double target) {
    const auto lines = everySecondLineAcross(x, axis);
    const AxisMask linesMask(everySecondLineAcross(mask, axis));
    const double energy = axes.lagOneEnergy(x, axis), sampled = linesMask.lagOneEnergy(lines, axis);
    if (energy > 0 && sampled > 0) target *= sampled / energy;
    double lo = 0.0, hi = 4.0;
    for (int step = 0; step < 6; ++step) {
        const double mid = 0.5 * (lo + hi);
        if (linesMask.lagOneEnergy(blurAxis(lines, axis, mid), axis) > target)
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
    return AxisMask(mask.to(torch::kFloat32)).energies(presmoothed(image.to(torch::kFloat32)));
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
    const AxisMask axes(m);
    if (axes.empty()) return r;
    // As in core: the search runs on pre-smoothed copies (blurs commute, so a sigma found there is
    // the one the scan needs); once an axis is matched, it is matched closely (a third of the
    // tolerance) in later rounds.
    auto blSmooth = presmoothed(bl.to(torch::kFloat32)), fuSmooth = presmoothed(fu.to(torch::kFloat32));
    bool blurred = true;
    for (int round = 0; round < kRounds && blurred; ++round) {
        const auto blEnergy = axes.energies(blSmooth), fuEnergy = axes.energies(fuSmooth);
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
                sigma = blurToEnergy(fuSmooth, m, axes, a, reference * blEnergy[a]);
                r.fuSigmaVoxels[a] = std::hypot(r.fuSigmaVoxels[a], sigma);
            } else if (ratio[a] < reference / (1 + t)) {
                sigma = blurToEnergy(blSmooth, m, axes, a, fuEnergy[a] / reference);
                r.blSigmaVoxels[a] = std::hypot(r.blSigmaVoxels[a], sigma);
            }
            blurred = blurred || sigma > 0;
        }
    }
    if (blurred) r.ratioAfter = ratios(axes.energies(fuSmooth), axes.energies(blSmooth));
    for (int a = 0; a < 3; ++a) {
        if (r.blSigmaVoxels[a] > 0) bl = blurAxis(bl, a, r.blSigmaVoxels[a]);
        if (r.fuSigmaVoxels[a] > 0) fu = blurAxis(fu, a, r.fuSigmaVoxels[a]);
    }
    return r;
}

}  // namespace lesiondelta::ml
