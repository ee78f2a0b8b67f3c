#pragma once
// The longitudinal network of Krueger et al. 2020: a siamese residual encoder for BL and FU whose
// per-level features are concatenated into the skip connections of a decoder (convolution, then
// nearest-neighbour up-sampling), with deep-supervision heads at three decoder levels.
#include <torch/torch.h>

#include <vector>

#include "lesiondelta/ml/Blocks.h"
#include "lesiondelta/ml/NetworkConfig.h"
#include "lesiondelta/ml/SiameseEncoder.h"

namespace lesiondelta::ml {

struct NetworkOutput {
    torch::Tensor logits;                   // [N, 1, D, H, W] full resolution (sigmoid -> probability)
    std::vector<torch::Tensor> deepLogits;  // training only: 1/2 and 1/4 resolution heads
};

class LesionChangeNetImpl : public torch::nn::Module {
public:
    explicit LesionChangeNetImpl(const NetworkConfig& config = {});
    /// bl, fu: [N, 1, D, H, W] with D, H, W multiples of 16, BL already in FU space.
    NetworkOutput forward(const torch::Tensor& bl, const torch::Tensor& fu);
    /// Probability of new/enlarged lesion per voxel (full-resolution head, sigmoid).
    torch::Tensor probability(const torch::Tensor& bl, const torch::Tensor& fu);

    const NetworkConfig& config() const { return config_; }
    SiameseEncoder& encoder() { return encoder_; }

private:
    NetworkConfig config_;
    SiameseEncoder encoder_{nullptr};
    std::vector<ConvNormAct> decoder_;      // decoder_[l]: produces the input of level l
    ConvNormAct finalBlock_{nullptr};       // full resolution, after the last concatenation
    std::vector<torch::nn::Conv3d> heads_;  // 1x1x1: full, 1/2, 1/4 resolution
};
TORCH_MODULE(LesionChangeNet);

/// Number of trainable parameters.
int64_t parameterCount(torch::nn::Module& module);

/// Multiply-adds x 2 of one forward pass (convolutions only) on a cube of `patch` voxels.
double forwardFlops(const NetworkConfig& config, int64_t patch);

}  // namespace lesiondelta::ml
