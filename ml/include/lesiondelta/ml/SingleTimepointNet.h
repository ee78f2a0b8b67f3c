#pragma once
// The network used to pre-train the encoder (Krueger et al. 2020, section 2.3): the same residual
// encoder as LesionChangeNet, but one scan and one encoder path, so the skip connections carry
// that scan's features only (no BL|FU concatenation). It segments all lesions of a single scan.
// After pre-training, its encoder parameters are copied into LesionChangeNet's shared encoder.
#include <torch/torch.h>

#include <vector>

#include "lesiondelta/ml/Blocks.h"
#include "lesiondelta/ml/LesionChangeNet.h"
#include "lesiondelta/ml/NetworkConfig.h"
#include "lesiondelta/ml/SiameseEncoder.h"

namespace lesiondelta::ml {

class SingleTimepointNetImpl : public torch::nn::Module {
public:
    explicit SingleTimepointNetImpl(const NetworkConfig& config = {});
    /// scan: [N, 1, D, H, W], sides multiples of 16. Deep-supervision heads in training mode.
    NetworkOutput forward(const torch::Tensor& scan);
    SiameseEncoder& encoder() { return encoder_; }

private:
    SiameseEncoder encoder_{nullptr};
    std::vector<ConvNormAct> decoder_;
    ConvNormAct finalBlock_{nullptr};
    std::vector<torch::nn::Conv3d> heads_;
};
TORCH_MODULE(SingleTimepointNet);

/// Copies every encoder parameter and buffer of `from` into `to` (same configuration required).
void copyEncoder(SiameseEncoder& from, SiameseEncoder& to);

}  // namespace lesiondelta::ml
