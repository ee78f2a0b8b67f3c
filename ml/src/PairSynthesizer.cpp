#include "lesiondelta/ml/PairSynthesizer.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "SynthesisOps.h"
#include "lesiondelta/ml/HeapReuse.h"

namespace lesiondelta::ml {

using namespace synthesis;

PairSynthesizer::PairSynthesizer(const TrainingAtlas& atlas, const SynthesisOptions& options, torch::Device device,
                                 std::uint64_t seed)
    : atlas_(atlas), o_(options), device_(device), rng_(seed) {
    if (o_.crop < 16 || o_.crop % 16) throw std::invalid_argument("the crop edge must be a positive multiple of 16");
    if (device_.is_cpu()) keepFreedMemoryInHeap();
    double contrastSum = 0;
    int contrastCount = 0;
    for (const auto& a : atlas.scans) {
        if (a.lesionContrast > 0) contrastSum += a.lesionContrast, ++contrastCount;
        if (a.heldOut != o_.heldOut) continue;
        Scan s;
        s.source = &a;
        s.flair = a.flair.to(device_, torch::kFloat32);
        s.brain = a.brain.to(device_, torch::kFloat32);
        s.flairCpu = a.flair.to(torch::kFloat32).contiguous();
        const auto voxels = a.brain.nonzero();
        s.brainVoxels = voxels.index({torch::indexing::Slice(0, torch::indexing::None, 5)}).contiguous();
        if (s.brainVoxels.size(0) == 0)
            throw std::invalid_argument("atlas scan '" + a.name + "' has an empty brain mask");
        s.background = s.flairCpu.min().item<double>();
        const auto mean = voxels.to(torch::kFloat64).mean(0);
        for (int d = 0; d < 3; ++d) s.brainCentre[d] = int64_t(std::lround(mean[d].item<double>()));
        for (std::size_t i = 0; i < atlas.bank.size(); ++i)
            if (!a.ownLesions.empty() && atlas.bank[i].source == a.ownLesions) s.own.push_back(i);
        if (!s.own.empty()) lesionScans_.push_back(scans_.size());
        scans_.push_back(std::move(s));
    }
    if (scans_.empty())
        throw std::invalid_argument(o_.heldOut ? "the atlas has no held-out scan" : "the atlas has no training scan");
    if (contrastCount) lesionContrast_ = contrastSum / contrastCount;
    for (std::size_t i = 0; i < atlas.bank.size(); ++i) {
        const auto& l = atlas.bank[i];
        if (l.heldOut && !o_.heldOut) continue;
        if (l.voxels >= 10 && l.voxels <= 100) {
            small_.push_back(i);
            if (l.voxels <= SynthesisOptions::kFaintDotMaxVoxels) dots_.push_back(i);
        } else if (l.voxels > 100 && l.voxels <= 3000)
            large_.push_back(i);
        else
            continue;
        if (l.mniOrigin[0] >= 0) mniPlaced_.push_back(i);
    }
    if (small_.empty() && large_.empty())
        throw std::invalid_argument("the atlas's lesion bank has no lesion of 10-3000 voxels");
    if (!o_.heldOut) {
        for (const auto& r : atlas.realPairs) {
            Real real;
            real.source = &r;
            real.bl = r.bl.to(device_, torch::kFloat32);
            real.fu = r.fu.to(device_, torch::kFloat32);
            real.target = r.target.to(device_, torch::kFloat32);
            real.blAir = real.bl.min().item<float>();
            real.fuAir = real.fu.min().item<float>();
            // Every fifth voxel of the search region is enough to place crops.
            real.regionVoxels =
                r.region.nonzero().index({torch::indexing::Slice(0, torch::indexing::None, 5)}).contiguous();
            real.targetVoxels = r.target.nonzero().contiguous();
            if (real.regionVoxels.size(0) == 0)
                throw std::invalid_argument("real pair '" + r.name + "' has an empty search region");
            reals_.push_back(std::move(real));
        }
    }
}

std::size_t PairSynthesizer::drawInsert(bool smallOnly) {
    const bool small = !small_.empty() && (smallOnly || large_.empty() || uniform(rng_, 0, 1) < o_.smallLesionFraction);
    return pick(small ? small_ : large_);
}

std::size_t PairSynthesizer::pick(const std::vector<std::size_t>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng_)];
}

std::array<int64_t, 3> PairSynthesizer::randomBrainVoxel(const Scan& s) {
    const int64_t i = std::uniform_int_distribution<int64_t>(0, s.brainVoxels.size(0) - 1)(rng_);
    const auto* v = s.brainVoxels.data_ptr<int64_t>() + 3 * i;
    return {v[0], v[1], v[2]};
}

bool PairSynthesizer::goodInsertSite(const Scan& s, const std::array<int64_t, 3>& c) const {
    const auto& brain = s.source->brain;
    auto inBrain = [&](int64_t z, int64_t y, int64_t x) {
        return z >= 0 && y >= 0 && x >= 0 && z < brain.size(0) && y < brain.size(1) && x < brain.size(2) &&
               brain.data_ptr<std::uint8_t>()[(z * brain.size(1) + y) * brain.size(2) + x] != 0;
    };
    // Deep enough in the brain: insertDepthMm of brain along every axis.
    for (int a = 0; a < 3; ++a)
        for (int sign : {-o_.insertDepthMm, o_.insertDepthMm}) {
            auto p = c;
            p[a] += sign;
            if (!inBrain(p[0], p[1], p[2])) return false;
        }
    if (!inBrain(c[0], c[1], c[2])) return false;
    // Normal-appearing tissue: neither CSF-dark nor already lesion-bright.
    const auto& f = s.flairCpu;
    const double v = f.data_ptr<float>()[(c[0] * f.size(1) + c[1]) * f.size(2) + c[2]];
    const double m = s.source->tissueMedian;
    return v > m - 0.8 && v < m + 0.8 * std::max(1.0, lesionContrast_);
}

bool PairSynthesizer::csfBorderSite(const Scan& s, const std::array<int64_t, 3>& c) const {
    const auto& brain = s.source->brain;
    const auto& f = s.flairCpu;
    auto inside = [&](const std::array<int64_t, 3>& p) {
        return p[0] >= 0 && p[1] >= 0 && p[2] >= 0 && p[0] < brain.size(0) && p[1] < brain.size(1) &&
               p[2] < brain.size(2) &&
               brain.data_ptr<std::uint8_t>()[(p[0] * brain.size(1) + p[1]) * brain.size(2) + p[2]];
    };
    auto value = [&](const std::array<int64_t, 3>& p) {
        return double(f.data_ptr<float>()[(p[0] * f.size(1) + p[1]) * f.size(2) + p[2]]);
    };
    const double m = s.source->tissueMedian;
    if (!inside(c) || value(c) >= m - 0.8) return false;
    bool besideTissue = false;
    for (int a = 0; a < 3; ++a)
        for (int sign : {-1, 1}) {
            auto deep = c;
            deep[a] += sign * o_.insertDepthMm;
            if (!inside(deep)) return false;
            for (int step = 1; step <= 3 && !besideTissue; ++step) {
                auto p = c;
                p[a] += sign * step;
                besideTissue = inside(p) && value(p) > m - 0.5;
            }
        }
    return besideTissue;
}

torch::Tensor PairSynthesizer::lesionPatch(const Placed& p) const {
    auto m = atlas_.bank[p.lesion].mask.to(torch::kFloat32);
    for (int a = 0; a < 3; ++a)
        if (p.flip[a]) m = m.flip({a});
    return m.to(device_);
}

SyntheticBatch PairSynthesizer::next(int n, bool withChange) {
    SyntheticBatch b;
    std::vector<torch::Tensor> bl, fu, target;
    for (int i = 0; i < n; ++i) {
        const bool stable = !withChange && uniform(rng_, 0, 1) < o_.stableFraction;
        auto p = synthesise(stable, withChange, false);
        bl.push_back(p.bl), fu.push_back(p.fu), target.push_back(p.target);
        b.descriptions.push_back(std::move(p.description));
    }
    b.bl = torch::cat(bl), b.fu = torch::cat(fu), b.target = torch::cat(target);
    return b;
}

SyntheticBatch PairSynthesizer::nextLesionScans(int n) {
    if (lesionScans_.empty()) throw std::invalid_argument("the atlas has no scan with a lesion mask for pre-training");
    SyntheticBatch b;
    std::vector<torch::Tensor> fu, target;
    for (int i = 0; i < n; ++i) {
        auto p = synthesise(false, false, true);
        fu.push_back(p.fu), target.push_back(p.target);
        b.descriptions.push_back(std::move(p.description));
    }
    b.fu = torch::cat(fu), b.target = torch::cat(target);
    return b;
}

int PairSynthesizer::drawSliceAxis(int previous) {
    if (previous >= 0) {
        if (uniform(rng_, 0, 1) >= o_.protocolChangeFraction) return previous;
        return (previous + std::uniform_int_distribution<int>(1, 2)(rng_)) % 3;
    }
    const double u = uniform(rng_, 0, 1);
    return u < 0.6 ? 0 : (u < 0.8 ? 1 : 2);
}

double PairSynthesizer::followUpThickness(double fuMm, int fuAxis, int blAxis) {
    if (o_.followUpThicknessRatio <= 1.0 || fuAxis != blAxis) return 0.0;
    const double r = std::log(o_.followUpThicknessRatio);
    return std::clamp(fuMm * std::exp(uniform(rng_, -r, r)), o_.sliceMinMm, o_.sliceMaxMm);
}

torch::Tensor PairSynthesizer::acquire(const torch::Tensor& x, const Scan& s, int axis, double& thicknessMm,
                                       bool misregister, std::string& note) {
    const int64_t q = x.size(2);
    if (thicknessMm <= 0) thicknessMm = uniform(rng_, o_.sliceMinMm, o_.sliceMaxMm);
    const double thickness = thicknessMm;
    const double psf = uniform(rng_, 0.3, 0.7);
    std::array<double, 3> sigma{psf, psf, psf};
    sigma[axis] = std::max(psf, thickness / 2.355);
    const auto blurred = blur(x, sigma);
    const auto tilt = randomRotation(rng_, o_.maxTiltDeg);
    const double offset = uniform(rng_, -thickness / 2, thickness / 2);
    const int64_t slices = int64_t(std::ceil((q - 1) / thickness)) + 2;
    // Scanner voxels -> crop voxels: slice centres `thickness` apart along `axis`, tilted.
    std::array<int64_t, 3> scannerSize{q, q, q};
    scannerSize[axis] = slices;
    auto d = centredGrid(scannerSize, device_);
    d.select(-1, axis).mul_(thickness).add_(offset);
    const auto tiltT = matrixTensor(tilt, device_);
    auto scanned = sampleAt(blurred, d.matmul(tiltT.t()) + (q - 1) / 2.0);
    // Intensity nuisance on the acquired slices, in a positive domain above the background.
    const double bg = s.background, ref = std::max(0.5, s.source->tissueMedian - bg);
    auto v = (scanned - bg).clamp_min(0);
    const auto field = F::interpolate(torch::randn({1, 1, 3, 3, 3}, v.options()) * o_.biasSd,
                                      F::InterpolateFuncOptions()
                                          .size(std::vector<int64_t>(v.sizes().begin() + 2, v.sizes().end()))
                                          .mode(torch::kTrilinear)
                                          .align_corners(true));
    v = v * field.exp();
    const double gamma = std::exp(normal(rng_, o_.gammaLogSd));
    v = ref * (v / ref).pow(gamma);
    const double noise = uniform(rng_, o_.noiseMin, o_.noiseMax) * ref;
    v = ((v + noise * torch::randn_like(v)).square() + (noise * torch::randn_like(v)).square()).sqrt();
    scanned = v + bg;
    // Back onto the FU 1 mm grid, as inference resamples; BL with a residual misregistration.
    auto e = centredGrid({q, q, q}, device_);
    double shiftMm = 0;
    if (misregister) {
        const auto rot = matrixTensor(randomRotation(rng_, o_.misregistrationDeg), device_);
        std::array<double, 3> shift{normal(rng_, 1), normal(rng_, 1), normal(rng_, 1)};
        const double norm = std::sqrt(shift[0] * shift[0] + shift[1] * shift[1] + shift[2] * shift[2]) + 1e-9;
        shiftMm = uniform(rng_, 0, o_.misregistrationMm);
        e = e.matmul(rot.t()) +
            torch::tensor({shift[0] / norm * shiftMm, shift[1] / norm * shiftMm, shift[2] / norm * shiftMm},
                          e.options());
    }
    auto k = e.matmul(tiltT);
    k.select(-1, axis).sub_(offset).div_(thickness);
    auto back = sampleAt(scanned, k + centreOffsets(scannerSize, device_));
    // Imperfect standardisation between scanners: a small gain and offset about the tissue level.
    const double m = s.source->tissueMedian;
    back = (back - m) * uniform(rng_, 0.92, 1.08) + m + uniform(rng_, -0.08, 0.08);
    std::ostringstream n;
    n.precision(2);
    n << thickness << " mm "
      << "zyx"[axis];
    if (misregister) n << ", moved " << shiftMm << " mm";
    note = n.str();
    return back;
}

}  // namespace lesiondelta::ml
