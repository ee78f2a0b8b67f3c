#include "lesiondelta/ml/SiameseEncoder.h"

#include <string>

namespace lesiondelta::ml {

SiameseEncoderImpl::SiameseEncoderImpl(const NetworkConfig& config) {
    const auto w = config.widths();
    for (int l = 0; l < NetworkConfig::kLevels; ++l) {
        const int64_t in = l == 0 ? 1 : w[l - 1];
        const int64_t stride = l == 0 ? 1 : 2;
        entry_.push_back(
            register_module("entry" + std::to_string(l), ConvNormAct(in, w[l], stride, config.negativeSlope)));
        residual_.push_back(register_module("residual" + std::to_string(l), ResidualBlock(w[l], config.negativeSlope)));
    }
}

std::vector<torch::Tensor> SiameseEncoderImpl::forward(const torch::Tensor& scan) {
    std::vector<torch::Tensor> features;
    torch::Tensor x = scan;
    for (std::size_t l = 0; l < entry_.size(); ++l) {
        x = residual_[l](entry_[l](x));
        features.push_back(x);
    }
    return features;
}

}  // namespace lesiondelta::ml
