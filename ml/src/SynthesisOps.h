#pragma once
// Tensor helpers of the pair synthesis (PairSynthesizer): blurring, resampling at voxel
// positions, boxes inside regions, random rotations. Volumes are [N, C, z, y, x]; positions are
// (z, y, x) voxel coordinates of the sampled volume; everything stays on the tensors' device.
#include <torch/torch.h>

#include <array>
#include <cmath>
#include <random>

namespace lesiondelta::ml::synthesis {

namespace F = torch::nn::functional;
using Matrix = std::array<std::array<double, 3>, 3>;

inline double uniform(std::mt19937_64& rng, double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}
inline double normal(std::mt19937_64& rng, double sd) { return std::normal_distribution<double>(0.0, sd)(rng); }

/// Separable Gaussian blur with sigma (voxels) per axis (z, y, x): sampled, radius 3 sigma,
/// replicated edges; an axis whose sigma is below `minSigma` is left alone.
inline torch::Tensor blur(torch::Tensor x, const std::array<double, 3>& sigma, double minSigma = 0.3) {
    const int64_t channels = x.size(1);
    for (int a = 0; a < 3; ++a) {
        if (sigma[a] < minSigma) continue;
        const int64_t r = std::max<int64_t>(1, int64_t(std::ceil(3 * sigma[a])));
        auto k = torch::arange(-r, r + 1, x.options()).square().div(-2 * sigma[a] * sigma[a]).exp();
        k = k / k.sum();
        std::vector<int64_t> shape{1, 1, 1, 1, 1};
        shape[2 + a] = 2 * r + 1;
        const auto w = k.view(shape).repeat({channels, 1, 1, 1, 1});
        std::vector<int64_t> pad(6, 0);
        pad[2 * (2 - a)] = pad[2 * (2 - a) + 1] = r;
        x = F::conv3d(F::pad(x, F::PadFuncOptions(pad).mode(torch::kReplicate)), w,
                      F::Conv3dFuncOptions().groups(channels));
    }
    return x;
}

inline torch::Tensor dilate(const torch::Tensor& m, int64_t r = 1) {  // [N, C, z, y, x], 0/1
    return F::max_pool3d(m, F::MaxPool3dFuncOptions(2 * r + 1).stride(1).padding(r));
}
inline torch::Tensor erode(const torch::Tensor& m, int64_t r = 1) { return 1 - dilate(1 - m, r); }

/// [a, b, c, 3] voxel offsets (z, y, x) from the centre of an a x b x c grid.
inline torch::Tensor centredGrid(const std::array<int64_t, 3>& size, torch::Device device) {
    const auto o = torch::TensorOptions().dtype(torch::kFloat32).device(device);
    std::vector<torch::Tensor> axes;
    for (int a = 0; a < 3; ++a) axes.push_back(torch::arange(size[a], o) - (size[a] - 1) / 2.0);
    const auto g = torch::meshgrid(axes, "ij");
    return torch::stack({g[0], g[1], g[2]}, -1);
}

inline torch::Tensor centreOffsets(const std::array<int64_t, 3>& size, torch::Device device) {
    return torch::tensor({(size[0] - 1) / 2.0, (size[1] - 1) / 2.0, (size[2] - 1) / 2.0},
                         torch::TensorOptions().dtype(torch::kFloat32).device(device));
}

/// Trilinear samples of `volume` [1, C, z, y, x] at `positions` [a, b, c, 3] (z, y, x voxels);
/// positions outside take the nearest edge value. Returns [1, C, a, b, c].
inline torch::Tensor sampleAt(const torch::Tensor& volume, const torch::Tensor& positions) {
    std::vector<torch::Tensor> normalised;
    for (int a = 2; a >= 0; --a) {  // grid_sample wants (x, y, z) in [-1, 1]
        const double size = double(volume.size(2 + a));
        normalised.push_back(positions.select(-1, a) * (2.0 / std::max(1.0, size - 1)) - 1.0);
    }
    const auto grid = torch::stack(normalised, -1).unsqueeze(0).to(volume.dtype());
    return F::grid_sample(
        volume, grid,
        F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kBorder).align_corners(true));
}

/// The [r, r, r] region of `volume` [Z, Y, X] starting at `start` (z, y, x), `pad` outside it.
inline torch::Tensor regionOf(const torch::Tensor& volume, const std::array<int64_t, 3>& start, int64_t r, float pad) {
    auto out = torch::full({r, r, r}, pad, volume.options());
    int64_t lo[3], hi[3];
    for (int a = 0; a < 3; ++a) {
        lo[a] = std::max<int64_t>(0, start[a]);
        hi[a] = std::min<int64_t>(volume.size(a), start[a] + r);
        if (hi[a] <= lo[a]) return out;
    }
    out.slice(0, lo[0] - start[0], hi[0] - start[0])
        .slice(1, lo[1] - start[1], hi[1] - start[1])
        .slice(2, lo[2] - start[2], hi[2] - start[2])
        .copy_(volume.slice(0, lo[0], hi[0]).slice(1, lo[1], hi[1]).slice(2, lo[2], hi[2]));
    return out;
}

/// Views of `big` [Z, Y, X] and of `patch` [z, y, x] placed with its corner at `start` (z, y, x in
/// big's voxels; it may stick out). False when they do not overlap.
inline bool overlapViews(const torch::Tensor& big, const torch::Tensor& patch, const std::array<int64_t, 3>& start,
                         torch::Tensor& bigView, torch::Tensor& patchView) {
    bigView = big;
    patchView = patch;
    for (int a = 0; a < 3; ++a) {
        const int64_t lo = std::max<int64_t>(0, start[a]),
                      hi = std::min<int64_t>(big.size(a), start[a] + patch.size(a));
        if (hi <= lo) return false;
        bigView = bigView.slice(a, lo, hi);
        patchView = patchView.slice(a, lo - start[a], hi - start[a]);
    }
    return true;
}

/// A rotation by a random angle in [0, maxDeg] degrees about a random axis (Rodrigues).
inline Matrix randomRotation(std::mt19937_64& rng, double maxDeg) {
    double k[3] = {normal(rng, 1), normal(rng, 1), normal(rng, 1)};
    const double n = std::sqrt(k[0] * k[0] + k[1] * k[1] + k[2] * k[2]) + 1e-12;
    for (auto& v : k) v /= n;
    const double t = uniform(rng, 0, maxDeg) * M_PI / 180.0, c = std::cos(t), s = std::sin(t);
    Matrix r{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) r[i][j] = (i == j ? c : 0.0) + (1 - c) * k[i] * k[j];
    r[0][1] -= s * k[2], r[0][2] += s * k[1], r[1][0] += s * k[2], r[1][2] -= s * k[0], r[2][0] -= s * k[1],
        r[2][1] += s * k[0];
    return r;
}

inline torch::Tensor matrixTensor(const Matrix& m, torch::Device device) {
    return torch::tensor({m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]},
                         torch::TensorOptions().dtype(torch::kFloat32))
        .view({3, 3})
        .to(device);
}

}  // namespace lesiondelta::ml::synthesis
