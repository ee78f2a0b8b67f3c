#include "lesiondelta/ml/SlidingWindow.h"

#include <algorithm>
#include <cmath>

namespace lesiondelta::ml {
namespace {

void checkInput(const VolumeBuffer& v, const char* which) {
    if (v.count() <= 0 || static_cast<int64_t>(v.voxels.size()) != v.count()) {
        throw std::invalid_argument(std::string(which) + " volume is empty or its buffer does not match its size");
    }
    for (float x : v.voxels) {
        if (!std::isfinite(x)) throw std::invalid_argument(std::string(which) + " volume contains NaN or infinite voxels");
    }
}

// [1, 1, P, P, P] crop starting at (x0, y0, z0), padded with `pad` outside the volume.
torch::Tensor extractCrop(const VolumeBuffer& v, std::array<int64_t, 3> start, int64_t p, float pad) {
    torch::Tensor crop = torch::full({1, 1, p, p, p}, pad, torch::kFloat32);
    float* out = crop.data_ptr<float>();
    const int64_t nx = std::min(p, v.size[0] - start[0]);
    for (int64_t z = 0; z < p && start[2] + z < v.size[2]; ++z) {
        for (int64_t y = 0; y < p && start[1] + y < v.size[1]; ++y) {
            const float* src = v.voxels.data() + start[0] + v.size[0] * ((start[1] + y) + v.size[1] * (start[2] + z));
            std::copy(src, src + nx, out + p * (y + p * z));
        }
    }
    return crop;
}

double headFraction(const std::vector<std::uint8_t>& head, const VolumeBuffer& v, std::array<int64_t, 3> start, int64_t p) {
    int64_t inside = 0;
    for (int64_t z = start[2]; z < std::min(start[2] + p, v.size[2]); ++z)
        for (int64_t y = start[1]; y < std::min(start[1] + p, v.size[1]); ++y) {
            const std::uint8_t* row = head.data() + v.size[0] * (y + v.size[1] * z);
            for (int64_t x = start[0]; x < std::min(start[0] + p, v.size[0]); ++x) inside += row[x] ? 1 : 0;
        }
    return double(inside) / double(p * p * p);
}

}  // namespace

std::vector<int64_t> cropStarts(int64_t n, int64_t patch, int perAxis) {
    if (n <= patch) return {0};
    // Never leave a gap: an axis longer than perAxis crops gets as many as it needs.
    const int64_t count = std::max<int64_t>({2, perAxis, (n + patch - 1) / patch});
    std::vector<int64_t> starts;
    for (int64_t i = 0; i < count; ++i) {
        const int64_t s = std::llround(double(i) * double(n - patch) / double(count - 1));
        if (starts.empty() || starts.back() != s) starts.push_back(s);
    }
    return starts;
}

SlidingWindowResult slidingWindow(const VolumeBuffer& bl, const VolumeBuffer& fu, const CropPredictor& predict,
                                  const SlidingWindowOptions& options) {
    if (bl.size != fu.size) throw std::invalid_argument("BL and FU volumes differ in size (BL must be in FU space)");
    checkInput(bl, "BL");
    checkInput(fu, "FU");
    if (options.headMask && static_cast<int64_t>(options.headMask->size()) != fu.count()) {
        throw std::invalid_argument("head mask does not match the volume size");
    }
    const int64_t p = options.patch;
    const float padBl = *std::min_element(bl.voxels.begin(), bl.voxels.end());
    const float padFu = *std::min_element(fu.voxels.begin(), fu.voxels.end());

    std::vector<std::array<int64_t, 3>> crops;
    for (int64_t z : cropStarts(fu.size[2], p, options.cropsPerAxis))
        for (int64_t y : cropStarts(fu.size[1], p, options.cropsPerAxis))
            for (int64_t x : cropStarts(fu.size[0], p, options.cropsPerAxis)) crops.push_back({x, y, z});

    std::vector<float> sum(fu.count(), 0.0f);
    std::vector<std::uint16_t> covered(fu.count(), 0);
    SlidingWindowResult result;
    for (std::size_t c = 0; c < crops.size(); ++c) {
        if (options.progress && !options.progress(double(c) / crops.size(), "inference")) throw InferenceCancelled();
        const auto start = crops[c];
        if (options.headMask && headFraction(*options.headMask, fu, start, p) < options.minHeadFraction) {
            ++result.cropsSkipped;
            continue;
        }
        const torch::Tensor prob =
            predict(extractCrop(bl, start, p, padBl), extractCrop(fu, start, p, padFu)).to(torch::kCPU, torch::kFloat32).contiguous();
        if (prob.sizes() != torch::IntArrayRef({1, 1, p, p, p})) throw std::runtime_error("predictor returned a wrongly shaped crop");
        const float* in = prob.data_ptr<float>();
        for (int64_t z = 0; z < p && start[2] + z < fu.size[2]; ++z)
            for (int64_t y = 0; y < p && start[1] + y < fu.size[1]; ++y) {
                const int64_t row = start[0] + fu.size[0] * ((start[1] + y) + fu.size[1] * (start[2] + z));
                const int64_t nx = std::min(p, fu.size[0] - start[0]);
                for (int64_t x = 0; x < nx; ++x) {
                    sum[row + x] += in[x + p * (y + p * z)];
                    ++covered[row + x];
                }
            }
        ++result.cropsRun;
    }
    if (options.progress && !options.progress(1.0, "inference")) throw InferenceCancelled();

    result.probability.resize(fu.count());
    result.mask.resize(fu.count());
    for (int64_t i = 0; i < fu.count(); ++i) {
        result.probability[i] = covered[i] ? sum[i] / covered[i] : 0.0f;
        result.mask[i] = result.probability[i] >= options.threshold ? 1 : 0;
    }
    return result;
}

}  // namespace lesiondelta::ml
