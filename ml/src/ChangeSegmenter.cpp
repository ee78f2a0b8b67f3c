#include "lesiondelta/ml/ChangeSegmenter.h"

#include <thread>

namespace lesiondelta::ml {

ChangeSegmenter::ChangeSegmenter(LoadedModel model, torch::Device device) : model_(std::move(model)), device_(device) {
    if (device_.is_cpu()) torch::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    model_.net->to(device_);
    model_.net->eval();
}

CropPredictor ChangeSegmenter::predictor() const {
    auto net = model_.net;
    const auto device = device_;
    return [net, device](const torch::Tensor& bl, const torch::Tensor& fu) mutable {
        torch::InferenceMode inference;
        return net->probability(bl.to(device), fu.to(device)).to(torch::kCPU);
    };
}

SlidingWindowResult ChangeSegmenter::segment(const VolumeBuffer& bl, const VolumeBuffer& fu, SlidingWindowOptions options) const {
    return slidingWindow(bl, fu, predictor(), options);
}

}  // namespace lesiondelta::ml
