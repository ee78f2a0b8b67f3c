#include "lesiondelta/core/MaskEditing.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lesiondelta {

VoxelOffsets brushVoxels(const itk::ImageBase<kDim>& grid, const VoxelIndex& centre, double radiusMm, bool sphere,
                         int normalAxis) {
    const auto size = grid.GetLargestPossibleRegion().GetSize();
    const auto spacing = grid.GetSpacing();
    std::array<long, 3> reach{};
    for (int a = 0; a < 3; ++a) {
        reach[a] = (!sphere && a == normalAxis) ? 0 : long(std::floor(radiusMm / spacing[a]));
    }
    VoxelOffsets out;
    for (long dz = -reach[2]; dz <= reach[2]; ++dz)
        for (long dy = -reach[1]; dy <= reach[1]; ++dy)
            for (long dx = -reach[0]; dx <= reach[0]; ++dx) {
                const double d2 =
                    std::pow(dx * spacing[0], 2) + std::pow(dy * spacing[1], 2) + std::pow(dz * spacing[2], 2);
                if (d2 > radiusMm * radiusMm + 1e-9) continue;
                const long x = centre[0] + dx, y = centre[1] + dy, z = centre[2] + dz;
                if (x < 0 || y < 0 || z < 0 || x >= long(size[0]) || y >= long(size[1]) || z >= long(size[2])) continue;
                out.push_back(x + std::int64_t(size[0]) * (y + std::int64_t(size[1]) * z));
            }
    return out;
}

VoxelOffsets aboveThreshold(const ImageVolume& image, const VoxelOffsets& roi, double threshold) {
    const float* v = image.GetBufferPointer();
    VoxelOffsets out;
    for (auto o : roi)
        if (v[o] >= threshold) out.push_back(o);
    return out;
}

double defaultRoiThreshold(const ImageVolume& image, const VoxelOffsets& roi) {
    if (roi.empty()) return 0.0;
    const float* v = image.GetBufferPointer();
    double lo = v[roi[0]], hi = v[roi[0]];
    for (auto o : roi) lo = std::min<double>(lo, v[o]), hi = std::max<double>(hi, v[o]);
    if (hi - lo < 1e-9) return hi;
    constexpr int kBins = 128;
    std::array<double, kBins> histogram{};
    for (auto o : roi) histogram[std::min(kBins - 1, int((v[o] - lo) / (hi - lo) * kBins))] += 1;
    const double total = double(roi.size());
    double sumAll = 0;
    for (int i = 0; i < kBins; ++i) sumAll += i * histogram[i];
    double weightBelow = 0, sumBelow = 0, bestScore = -1, bestMidpoint = (lo + hi) / 2;
    for (int t = 0; t < kBins - 1; ++t) {
        weightBelow += histogram[t];
        sumBelow += t * histogram[t];
        const double weightAbove = total - weightBelow;
        if (weightBelow == 0 || weightAbove == 0) continue;
        const double meanBelow = sumBelow / weightBelow, meanAbove = (sumAll - sumBelow) / weightAbove;
        const double score = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
        if (score > bestScore) {
            bestScore = score;
            // Halfway between the two classes' means (bin centres): less sensitive to how many
            // voxels of each the rater's region happens to hold than Otsu's split itself.
            bestMidpoint = lo + ((meanBelow + meanAbove) / 2 + 0.5) * (hi - lo) / kBins;
        }
    }
    return bestMidpoint;
}

VoxelOffsets componentAt(const MaskVolume& mask, const VoxelIndex& seed) {
    const auto size = mask.GetLargestPossibleRegion().GetSize();
    const std::int64_t nx = size[0], ny = size[1], nz = size[2];
    const std::uint8_t* m = mask.GetBufferPointer();
    if (seed[0] < 0 || seed[1] < 0 || seed[2] < 0 || seed[0] >= nx || seed[1] >= ny || seed[2] >= nz) return {};
    const std::int64_t start = seed[0] + nx * (seed[1] + ny * seed[2]);
    if (!m[start]) return {};
    std::vector<bool> seen(std::size_t(nx * ny * nz), false);
    VoxelOffsets out{start}, stack{start};
    seen[start] = true;
    while (!stack.empty()) {
        const std::int64_t o = stack.back();
        stack.pop_back();
        const std::int64_t x = o % nx, y = (o / nx) % ny, z = o / (nx * ny);
        for (int dz = -1; dz <= 1; ++dz)
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const std::int64_t X = x + dx, Y = y + dy, Z = z + dz;
                    if (X < 0 || Y < 0 || Z < 0 || X >= nx || Y >= ny || Z >= nz) continue;
                    const std::int64_t n = X + nx * (Y + ny * Z);
                    if (seen[n] || !m[n]) continue;
                    seen[n] = true;
                    out.push_back(n);
                    stack.push_back(n);
                }
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace lesiondelta
