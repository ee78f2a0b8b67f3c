#include "lesiondelta/ml/SingleTimepointNet.h"

#include <stdexcept>

namespace lesiondelta::ml {

namespace F = torch::nn::functional;

SingleTimepointNetImpl::SingleTimepointNetImpl(const NetworkConfig& config) {
    if (config.baseWidth < 1) throw std::invalid_argument("network base width must be positive");
    const auto w = config.widths();
    const double s = config.negativeSlope;
    encoder_ = register_module("encoder", SiameseEncoder(config));
    decoder_.push_back(register_module("decoder1", ConvNormAct(2 * w[1], w[0], 1, s)));
    decoder_.push_back(register_module("decoder2", ConvNormAct(2 * w[2], w[1], 1, s)));
    decoder_.push_back(register_module("decoder3", ConvNormAct(2 * w[3], w[2], 1, s)));
    decoder_.push_back(register_module("decoder4", ConvNormAct(w[4], w[3], 1, s)));
    finalBlock_ = register_module("decoder0", ConvNormAct(2 * w[0], w[0], 1, s));
    heads_.push_back(register_module("head0", torch::nn::Conv3d(torch::nn::Conv3dOptions(w[0], 1, 1))));
    heads_.push_back(register_module("head1", torch::nn::Conv3d(torch::nn::Conv3dOptions(w[0], 1, 1))));
    heads_.push_back(register_module("head2", torch::nn::Conv3d(torch::nn::Conv3dOptions(w[1], 1, 1))));
}

NetworkOutput SingleTimepointNetImpl::forward(const torch::Tensor& scan) {
    for (int d = 2; d < 5; ++d) {
        if (scan.size(d) % 16 != 0) throw std::invalid_argument("patch sides must be multiples of 16");
    }
    const auto f = encoder_(scan);
    NetworkOutput out;
    torch::Tensor x = decoder_[3](f[4]);
    x = decoder_[2](torch::cat({upsampleNearest2x(x), f[3]}, 1));
    x = decoder_[1](torch::cat({upsampleNearest2x(x), f[2]}, 1));
    if (is_training()) out.deepLogits.insert(out.deepLogits.begin(), heads_[2](x));
    x = decoder_[0](torch::cat({upsampleNearest2x(x), f[1]}, 1));
    if (is_training()) out.deepLogits.insert(out.deepLogits.begin(), heads_[1](x));
    x = finalBlock_(torch::cat({upsampleNearest2x(x), f[0]}, 1));
    out.logits = heads_[0](x);
    return out;
}

void copyEncoder(SiameseEncoder& from, SiameseEncoder& to) {
    torch::NoGradGuard noGrad;
    const auto source = from->named_parameters(true);
    auto target = to->named_parameters(true);
    if (source.size() != target.size()) throw std::invalid_argument("encoders differ in their parameters");
    for (auto& item : target) {
        const auto* s = source.find(item.key());
        if (!s || s->sizes() != item.value().sizes()) {
            throw std::invalid_argument("encoder parameter '" + item.key() + "' differs in shape");
        }
        item.value().copy_(*s);
    }
    const auto sourceBuffers = from->named_buffers(true);
    for (auto& item : to->named_buffers(true)) {
        if (const auto* s = sourceBuffers.find(item.key())) item.value().copy_(*s);
    }
}

}  // namespace lesiondelta::ml
