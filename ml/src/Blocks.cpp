#include "lesiondelta/ml/Blocks.h"

namespace lesiondelta::ml {

namespace F = torch::nn::functional;

ConvNormActImpl::ConvNormActImpl(int64_t in, int64_t out, int64_t stride, double negativeSlope)
    : slope_(negativeSlope) {
    conv_ = register_module("conv", torch::nn::Conv3d(torch::nn::Conv3dOptions(in, out, 3).stride(stride).padding(1)));
    norm_ = register_module("norm", torch::nn::InstanceNorm3d(torch::nn::InstanceNorm3dOptions(out).affine(true)));
}

torch::Tensor ConvNormActImpl::forward(const torch::Tensor& x) {
    return F::leaky_relu(norm_(conv_(x)), F::LeakyReLUFuncOptions().negative_slope(slope_).inplace(true));
}

ResidualBlockImpl::ResidualBlockImpl(int64_t channels, double negativeSlope) : slope_(negativeSlope) {
    first_ = register_module("first", ConvNormAct(channels, channels, 1, negativeSlope));
    conv_ = register_module("conv", torch::nn::Conv3d(torch::nn::Conv3dOptions(channels, channels, 3).padding(1)));
    norm_ = register_module("norm", torch::nn::InstanceNorm3d(torch::nn::InstanceNorm3dOptions(channels).affine(true)));
}

torch::Tensor ResidualBlockImpl::forward(const torch::Tensor& x) {
    return F::leaky_relu(norm_(conv_(first_(x))).add_(x),
                         F::LeakyReLUFuncOptions().negative_slope(slope_).inplace(true));
}

torch::Tensor upsampleNearest2x(const torch::Tensor& x) {
    namespace F = torch::nn::functional;
    return F::interpolate(x,
                          F::InterpolateFuncOptions().scale_factor(std::vector<double>{2, 2, 2}).mode(torch::kNearest));
}

}  // namespace lesiondelta::ml
