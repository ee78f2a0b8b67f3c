#include "CropSampler.h"

#include <algorithm>
#include <stdexcept>

namespace lesiondelta::ml {
namespace {

template <typename T>
torch::Tensor cropOf(const std::vector<T>& v, const std::array<int64_t, 3>& size, const std::array<int64_t, 3>& start,
                     int64_t p, float pad) {
    auto t = torch::full({1, 1, p, p, p}, pad);
    float* out = t.data_ptr<float>();
    for (int64_t z = 0; z < p; ++z) {
        const int64_t sz = start[2] + z;
        if (sz < 0 || sz >= size[2]) continue;
        for (int64_t y = 0; y < p; ++y) {
            const int64_t sy = start[1] + y;
            if (sy < 0 || sy >= size[1]) continue;
            for (int64_t x = 0; x < p; ++x) {
                const int64_t sx = start[0] + x;
                if (sx < 0 || sx >= size[0]) continue;
                out[x + p * (y + p * z)] = static_cast<float>(v[sx + size[0] * (sy + size[1] * sz)]);
            }
        }
    }
    return t;
}

float minimumOf(const std::vector<float>& v) { return v.empty() ? 0.0f : *std::min_element(v.begin(), v.end()); }

}  // namespace

CropSampler::CropSampler(const std::vector<TrainingPair>& pairs, int64_t patch, double lesionCentredFraction,
                         unsigned seed, bool augment)
    : pairs_(pairs), patch_(patch), centred_(lesionCentredFraction), augment_(augment), rng_(seed) {
    for (const auto& p : pairs) {
        const bool single = p.bl.voxels.empty();
        if ((!single && p.bl.size != p.fu.size) || int64_t(p.target.size()) != p.fu.count() || p.fu.count() == 0 ||
            int64_t(p.fu.voxels.size()) != p.fu.count()) {
            throw std::invalid_argument("training pair '" + p.name + "': BL, FU and target differ in size");
        }
        std::vector<int64_t> lesionVoxels;
        for (int64_t i = 0; i < int64_t(p.target.size()); ++i) {
            if (p.target[i]) lesionVoxels.push_back(i);
        }
        if (!lesionVoxels.empty()) positive_.push_back(targets_.size());
        targets_.push_back(std::move(lesionVoxels));
        padBl_.push_back(minimumOf(p.bl.voxels));
        padFu_.push_back(minimumOf(p.fu.voxels));
    }
}

Crop CropSampler::next(bool positiveOnly) {
    const bool fromPositive = positiveOnly && !positive_.empty();
    const std::size_t pi = fromPositive
                               ? positive_[std::uniform_int_distribution<std::size_t>(0, positive_.size() - 1)(rng_)]
                               : std::uniform_int_distribution<std::size_t>(0, pairs_.size() - 1)(rng_);
    const auto& pair = pairs_[pi];
    const auto& size = pair.fu.size;
    const int64_t p = patch_;
    std::array<int64_t, 3> start{};
    const bool centred = !targets_[pi].empty() && std::uniform_real_distribution<>(0, 1)(rng_) < centred_;
    if (centred) {
        const int64_t i = targets_[pi][std::uniform_int_distribution<std::size_t>(0, targets_[pi].size() - 1)(rng_)];
        const int64_t c[3] = {i % size[0], (i / size[0]) % size[1], i / (size[0] * size[1])};
        for (int a = 0; a < 3; ++a) start[a] = c[a] - p / 2 + std::uniform_int_distribution<int64_t>(-p / 4, p / 4)(rng_);
    } else {
        for (int a = 0; a < 3; ++a) {
            start[a] = std::uniform_int_distribution<int64_t>(std::min<int64_t>(0, size[a] - p), std::max<int64_t>(0, size[a] - p))(rng_);
        }
    }
    Crop c;
    const bool single = pair.bl.voxels.empty();
    if (single || !augment_) {
        if (!single) c.bl = cropOf(pair.bl.voxels, size, start, p, padBl_[pi]);
        c.fu = cropOf(pair.fu.voxels, size, start, p, padFu_[pi]);
        c.target = cropOf(pair.target, size, start, p, 0.0f);
    } else {
        // One scan shifted by 0-2 voxels per axis: imperfect registration.
        std::array<int64_t, 3> shifted = start;
        for (int a = 0; a < 3; ++a) shifted[a] += std::uniform_int_distribution<int64_t>(-2, 2)(rng_);
        const bool shiftBl = std::uniform_int_distribution<int>(0, 1)(rng_);
        c.bl = cropOf(pair.bl.voxels, size, shiftBl ? shifted : start, p, padBl_[pi]);
        c.fu = cropOf(pair.fu.voxels, size, shiftBl ? start : shifted, p, padFu_[pi]);
        c.target = cropOf(pair.target, size, shiftBl ? start : shifted, p, 0.0f);
    }
    if (!augment_) return c;
    // Flips about the two axes of the axial plane (x: dim 4, y: dim 3 of [N, C, z, y, x]).
    for (int64_t dim : {int64_t(4), int64_t(3)}) {
        if (std::uniform_int_distribution<int>(0, 1)(rng_)) {
            if (c.bl.defined()) c.bl = c.bl.flip({dim});
            c.fu = c.fu.flip({dim});
            c.target = c.target.flip({dim});
        }
    }
    // Per scan: a smooth bias field (linear gradients in gain and offset across the crop, up to
    // +-10 % / +-0.1 sd at the crop's faces) and noise.
    const auto ramp = torch::linspace(-1.0, 1.0, p);
    const auto rz = ramp.view({1, 1, p, 1, 1}), ry = ramp.view({1, 1, 1, p, 1}), rx = ramp.view({1, 1, 1, 1, p});
    std::uniform_real_distribution<float> slope(-0.1f / 3, 0.1f / 3);
    std::normal_distribution<float> sd(0.0f, 0.05f);
    auto perturb = [&](const torch::Tensor& scan) {
        const auto gain = 1.0 + slope(rng_) * rz + slope(rng_) * ry + slope(rng_) * rx;
        const auto offset = slope(rng_) * rz + slope(rng_) * ry + slope(rng_) * rx;
        return scan * gain + offset + std::abs(sd(rng_)) * torch::randn_like(scan);
    };
    if (c.bl.defined()) c.bl = perturb(c.bl);
    c.fu = perturb(c.fu);
    return c;
}

}  // namespace lesiondelta::ml
