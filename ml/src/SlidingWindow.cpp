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
        if (!std::isfinite(x))
            throw std::invalid_argument(std::string(which) + " volume contains NaN or infinite voxels");
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

double headFraction(const std::vector<std::uint8_t>& head, const VolumeBuffer& v, std::array<int64_t, 3> start,
                    int64_t p) {
    int64_t inside = 0;
    for (int64_t z = start[2]; z < std::min(start[2] + p, v.size[2]); ++z)
        for (int64_t y = start[1]; y < std::min(start[1] + p, v.size[1]); ++y) {
            const std::uint8_t* row = head.data() + v.size[0] * (y + v.size[1] * z);
            for (int64_t x = start[0]; x < std::min(start[0] + p, v.size[0]); ++x) inside += row[x] ? 1 : 0;
        }
    return double(inside) / double(p * p * p);
}

// Bounding box {x0, y0, z0, x1, y1, z1} (end exclusive) of the non-zero voxels; empty box when none.
std::array<int64_t, 6> boundingBox(const std::vector<std::uint8_t>& mask, const std::array<int64_t, 3>& size) {
    std::array<int64_t, 6> box{size[0], size[1], size[2], 0, 0, 0};
    for (int64_t z = 0; z < size[2]; ++z)
        for (int64_t y = 0; y < size[1]; ++y) {
            const std::uint8_t* row = mask.data() + size[0] * (y + size[1] * z);
            for (int64_t x = 0; x < size[0]; ++x) {
                if (!row[x]) continue;
                box[0] = std::min(box[0], x), box[3] = std::max(box[3], x + 1);
                box[1] = std::min(box[1], y), box[4] = std::max(box[4], y + 1);
                box[2] = std::min(box[2], z), box[5] = std::max(box[5], z + 1);
            }
        }
    if (box[3] == 0) box = {0, 0, 0, 0, 0, 0};
    return box;
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

std::vector<int64_t> tileStarts(int64_t n, int64_t lo, int64_t hi, int64_t patch, int64_t margin) {
    if (n <= patch) return {0};
    if (margin < 0 || 2 * margin >= patch) throw std::invalid_argument("tile margin must be in [0, patch / 2)");
    lo = std::clamp<int64_t>(lo, 0, n);
    hi = std::clamp<int64_t>(hi, lo, n);
    if (hi == lo) return {};
    const int64_t a = std::max<int64_t>(0, lo - margin), b = std::min<int64_t>(n, hi + margin);
    const int64_t span = b - a;
    if (span <= patch) return {std::clamp<int64_t>(a - (patch - span) / 2, 0, n - patch)};  // one crop, centred
    const int64_t count = 1 + (span - patch + (patch - 2 * margin) - 1) / (patch - 2 * margin);
    std::vector<int64_t> starts;
    for (int64_t i = 0; i < count; ++i) {
        const int64_t s = a + std::llround(double(i) * double(span - patch) / double(count - 1));
        if (starts.empty() || starts.back() != s) starts.push_back(s);
    }
    return starts;
}

CropPlacement parseCropPlacement(const std::string& name) {
    if (name == "tiles") return CropPlacement::Tiles;
    if (name == "paper") return CropPlacement::Paper;
    throw std::invalid_argument("unknown crop placement '" + name + "' (expected tiles or paper)");
}

std::string cropPlacementName(CropPlacement p) { return p == CropPlacement::Tiles ? "tiles" : "paper"; }

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

    if (options.searchRegion && static_cast<int64_t>(options.searchRegion->size()) != fu.count()) {
        throw std::invalid_argument("search region does not match the volume size");
    }
    std::array<std::vector<int64_t>, 3> starts;
    if (options.placement == CropPlacement::Tiles) {
        const auto box = options.searchRegion ? boundingBox(*options.searchRegion, fu.size)
                                              : std::array<int64_t, 6>{0, 0, 0, fu.size[0], fu.size[1], fu.size[2]};
        for (int a = 0; a < 3; ++a) starts[a] = tileStarts(fu.size[a], box[a], box[a + 3], p, options.margin);
    } else {
        for (int a = 0; a < 3; ++a) starts[a] = cropStarts(fu.size[a], p, options.cropsPerAxis);
    }
    std::vector<std::array<int64_t, 3>> crops;
    for (int64_t z : starts[2])
        for (int64_t y : starts[1])
            for (int64_t x : starts[0]) crops.push_back({x, y, z});

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
        const torch::Tensor prob = predict(extractCrop(bl, start, p, padBl), extractCrop(fu, start, p, padFu))
                                       .to(torch::kCPU, torch::kFloat32)
                                       .contiguous();
        if (prob.sizes() != torch::IntArrayRef({1, 1, p, p, p}))
            throw std::runtime_error("predictor returned a wrongly shaped crop");
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
