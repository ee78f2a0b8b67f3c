#pragma once
// The residual encoder that BL and FU both go through (one parameter set: siamese).
#include <torch/torch.h>

#include <vector>

#include "lesiondelta/ml/Blocks.h"
#include "lesiondelta/ml/NetworkConfig.h"

namespace lesiondelta::ml {

class SiameseEncoderImpl : public torch::nn::Module {
public:
    explicit SiameseEncoderImpl(const NetworkConfig& config);
    /// Features of one scan at every level, full resolution first ([N, w_l, D/2^l, H/2^l, W/2^l]).
    std::vector<torch::Tensor> forward(const torch::Tensor& scan);

private:
    std::vector<ConvNormAct> entry_;  // level 0: stride 1 from the input; others: stride 2
    std::vector<ResidualBlock> residual_;
};
TORCH_MODULE(SiameseEncoder);

}  // namespace lesiondelta::ml
