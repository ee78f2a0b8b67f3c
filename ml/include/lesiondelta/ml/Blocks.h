#pragma once
// The two building blocks of the network: convolution + instance norm + leaky ReLU, and the
// residual block of the encoder.
#include <torch/torch.h>

namespace lesiondelta::ml {

/// 3x3x3 convolution (stride 1 or 2, padding 1), instance normalisation, leaky ReLU.
class ConvNormActImpl : public torch::nn::Module {
public:
    ConvNormActImpl(int64_t in, int64_t out, int64_t stride, double negativeSlope);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Conv3d conv_{nullptr};
    torch::nn::InstanceNorm3d norm_{nullptr};
    double slope_;
};
TORCH_MODULE(ConvNormAct);

/// x -> lrelu(x + IN(conv(ConvNormAct(x)))): two 3x3x3 convolutions with an identity shortcut.
class ResidualBlockImpl : public torch::nn::Module {
public:
    ResidualBlockImpl(int64_t channels, double negativeSlope);
    torch::Tensor forward(const torch::Tensor& x);

private:
    ConvNormAct first_{nullptr};
    torch::nn::Conv3d conv_{nullptr};
    torch::nn::InstanceNorm3d norm_{nullptr};
    double slope_;
};
TORCH_MODULE(ResidualBlock);

/// The decoder's up-sampling: nearest neighbour, factor 2 on every spatial axis.
torch::Tensor upsampleNearest2x(const torch::Tensor& x);

}  // namespace lesiondelta::ml
