#include "lesiondelta/ml/ChangeSegmenter.h"

#include <thread>

namespace lesiondelta::ml {

namespace {

torch::ScalarType scalarType(Precision p) { return p == Precision::BFloat16 ? torch::kBFloat16 : torch::kFloat32; }

}  // namespace

Precision parsePrecision(const std::string& name) {
    if (name == "fp32") return Precision::Float32;
    if (name == "bf16") return Precision::BFloat16;
    throw std::invalid_argument("unknown precision '" + name + "' (expected fp32 or bf16)");
}

std::string precisionName(Precision p) { return p == Precision::BFloat16 ? "bf16" : "fp32"; }

ChangeSegmenter::ChangeSegmenter(LoadedModel model, torch::Device device, Precision precision)
    : model_(std::move(model)), device_(device), precision_(precision) {
    if (device_.is_cpu()) torch::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    model_.net->to(device_, scalarType(precision_));
    model_.net->eval();
}

CropPredictor ChangeSegmenter::predictor() const {
    auto net = model_.net;
    const auto device = device_;
    const auto type = scalarType(precision_);
    return [net, device, type](const torch::Tensor& bl, const torch::Tensor& fu) mutable {
        torch::InferenceMode inference;
        return net->probability(bl.to(device, type), fu.to(device, type)).to(torch::kCPU, torch::kFloat32);
    };
}

SlidingWindowResult ChangeSegmenter::segment(const VolumeBuffer& bl, const VolumeBuffer& fu, SlidingWindowOptions options) const {
    return slidingWindow(bl, fu, predictor(), options);
}

}  // namespace lesiondelta::ml
