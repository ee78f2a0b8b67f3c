#pragma once
// Resolution matching of a synthetic BL/FU crop pair, as inference matches a real pair before the
// network sees it (core/ResolutionMatching, on the whole head with ITK): the same rule, in LibTorch
// tensor operations so that the pair synthesis applies it on the CPU or on CUDA (issue 17: the
// network is trained on pairs prepared as it is then shown them).
// Rule (shared with core/ResolutionMatching.h): sharpness along a grid axis is the mean squared
// difference of neighbouring voxels inside a mask after an isotropic 1-voxel Gaussian; where the
// FU / BL sharpness ratio along an axis lies more than `tolerance` off the median of the three
// ratios, the sharper scan is blurred along that axis (sigma by bisection) until it matches; up to
// four rounds, sigmas of successive rounds adding in quadrature.
// Tensors are [1, 1, Z, Y, X] on a 1 mm grid; axes are numbered 0 z, 1 y, 2 x.
#include <torch/torch.h>

#include <array>

namespace lesiondelta::ml {

struct CropResolutionMatch {
    std::array<double, 3> blSigmaVoxels{}, fuSigmaVoxels{};  // 0: left alone along that axis
    std::array<double, 3> ratioBefore{1, 1, 1}, ratioAfter{1, 1, 1};
    bool changed() const;
};

/// Sharpness along z, y and x of `image` over the voxels where `mask` (same shape, 0/1) is set.
std::array<double, 3> cropAxisSharpness(const torch::Tensor& image, const torch::Tensor& mask);

/// Blurs `bl` or `fu` in place of the tensors passed (new tensors) by the rule above. Throws
/// std::invalid_argument for tensors of other shapes; an empty mask leaves both alone.
CropResolutionMatch matchCropResolution(torch::Tensor& bl, torch::Tensor& fu, const torch::Tensor& mask,
                                        double tolerance = 0.15);

}  // namespace lesiondelta::ml
