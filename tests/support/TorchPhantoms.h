#pragma once
// Tensor phantoms for tests of the LibTorch imaging code: a sampled Gaussian along one axis and a
// smooth random texture, as a 1 mm MRI acquisition shows tissue. Tensors are [1, 1, Z, Y, X].
#include <torch/torch.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace lesiondelta::testing {

/// A sampled Gaussian (sigma in voxels) along tensor axis `axis` (0 z, 1 y, 2 x), zero-padded:
/// values within 3 sigma of the border fall off, so measure away from it.
inline torch::Tensor gaussianAlong(const torch::Tensor& x, int axis, double sigma) {
    const int64_t r = int64_t(std::ceil(3 * sigma));
    auto k = torch::arange(-r, r + 1, x.options()).square().div(-2 * sigma * sigma).exp();
    std::vector<int64_t> shape{1, 1, 1, 1, 1}, padding{0, 0, 0};
    shape[2 + axis] = 2 * r + 1;
    padding[axis] = r;
    return torch::nn::functional::conv3d(x, (k / k.sum()).view(shape),
                                         torch::nn::functional::Conv3dFuncOptions().padding(padding));
}

/// White noise (seeded) smoothed by `sigma` voxels along every axis, scaled to unit sd: detail
/// along every axis with soft edges.
inline torch::Tensor smoothTexture(int64_t n, uint64_t seed, double sigma = 1.2) {
    torch::manual_seed(seed);
    auto t = torch::randn({1, 1, n, n, n});
    for (int a = 0; a < 3; ++a) t = gaussianAlong(t, a, sigma);
    return t / t.std();
}

}  // namespace lesiondelta::testing
