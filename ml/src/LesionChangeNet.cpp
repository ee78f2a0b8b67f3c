#include "lesiondelta/ml/LesionChangeNet.h"

#include <stdexcept>
#include <string>

namespace lesiondelta::ml {

namespace F = torch::nn::functional;

LesionChangeNetImpl::LesionChangeNetImpl(const NetworkConfig& config) : config_(config) {
    if (config.baseWidth < 1) throw std::invalid_argument("network base width must be positive");
    const auto w = config.widths();
    const double s = config.negativeSlope;
    encoder_ = register_module("encoder", SiameseEncoder(config));
    // decoder_[l - 1] works at level l (resolution 1/2^l) and feeds level l - 1 after up-sampling.
    decoder_.push_back(register_module("decoder1", ConvNormAct(3 * w[1], w[0], 1, s)));
    decoder_.push_back(register_module("decoder2", ConvNormAct(3 * w[2], w[1], 1, s)));
    decoder_.push_back(register_module("decoder3", ConvNormAct(3 * w[3], w[2], 1, s)));
    decoder_.push_back(register_module("decoder4", ConvNormAct(2 * w[4], w[3], 1, s)));  // bottleneck: BL|FU only
    finalBlock_ = register_module("decoder0", ConvNormAct(3 * w[0], w[0], 1, s));
    heads_.push_back(register_module("head0", torch::nn::Conv3d(torch::nn::Conv3dOptions(w[0], 1, 1))));
    heads_.push_back(register_module("head1", torch::nn::Conv3d(torch::nn::Conv3dOptions(w[0], 1, 1))));
    heads_.push_back(register_module("head2", torch::nn::Conv3d(torch::nn::Conv3dOptions(w[1], 1, 1))));
}

NetworkOutput LesionChangeNetImpl::forward(const torch::Tensor& bl, const torch::Tensor& fu) {
    if (bl.sizes() != fu.sizes()) throw std::invalid_argument("BL and FU patches differ in size");
    for (int d = 2; d < 5; ++d) {
        if (bl.size(d) % 16 != 0) throw std::invalid_argument("patch sides must be multiples of 16");
    }
    // BL and FU pass the shared encoder as one batch: the same arithmetic as two passes (instance
    // normalisation is per sample), but LibTorch then picks oneDNN for the small deep levels too,
    // where a batch of one falls back to a much slower convolution.
    const int64_t n = bl.size(0);
    const auto features = encoder_(torch::cat({bl, fu}, 0));
    std::vector<torch::Tensor> skip;
    for (const auto& f : features) skip.push_back(torch::cat({f.narrow(0, 0, n), f.narrow(0, n, n)}, 1));

    NetworkOutput out;
    torch::Tensor x = decoder_[3](skip[4]);                           // 1/16
    x = decoder_[2](torch::cat({upsampleNearest2x(x), skip[3]}, 1));  // 1/8
    x = decoder_[1](torch::cat({upsampleNearest2x(x), skip[2]}, 1));  // 1/4
    if (is_training()) out.deepLogits.insert(out.deepLogits.begin(), heads_[2](x));
    x = decoder_[0](torch::cat({upsampleNearest2x(x), skip[1]}, 1));  // 1/2
    if (is_training()) out.deepLogits.insert(out.deepLogits.begin(), heads_[1](x));
    x = finalBlock_(torch::cat({upsampleNearest2x(x), skip[0]}, 1));  // full resolution
    out.logits = heads_[0](x);
    return out;
}

torch::Tensor LesionChangeNetImpl::probability(const torch::Tensor& bl, const torch::Tensor& fu) {
    return torch::sigmoid(forward(bl, fu).logits);
}

int64_t parameterCount(torch::nn::Module& module) {
    int64_t n = 0;
    for (const auto& p : module.parameters()) n += p.numel();
    return n;
}

double forwardFlops(const NetworkConfig& config, int64_t patch) {
    const auto w = config.widths();
    auto conv = [](double in, double out, double k, double side) { return 2.0 * in * out * k * side * side * side; };
    double encoder = 0.0;
    for (int l = 0; l < NetworkConfig::kLevels; ++l) {
        const double side = double(patch) / double(1 << l);
        encoder += conv(l == 0 ? 1 : w[l - 1], w[l], 27, side);  // entry
        encoder += 2 * conv(w[l], w[l], 27, side);               // residual block
    }
    double decoder = conv(2 * w[4], w[3], 27, patch / 16.0);
    for (int l = 3; l >= 1; --l) decoder += conv(3 * w[l], w[l - 1], 27, double(patch) / double(1 << l));
    decoder += conv(3 * w[0], w[0], 27, patch);
    decoder += conv(w[0], 1, 1, patch);
    return 2 * encoder + decoder;  // the encoder runs for BL and for FU
}

}  // namespace lesiondelta::ml
