#include "lesiondelta/ml/Widening.h"

#include <stdexcept>
#include <string>

namespace lesiondelta::ml {

namespace {

/// The narrow tensor with every axis that is k times longer in `shape` repeat-interleaved, and
/// divided by k once per grown input-channel axis (axis 1 of a convolution weight).
torch::Tensor widened(const torch::Tensor& narrow, c10::IntArrayRef shape, int64_t k, const std::string& name) {
    if (narrow.dim() != int64_t(shape.size())) throw std::invalid_argument("widening: " + name + " differs in rank");
    torch::Tensor t = narrow;
    for (int64_t d = 0; d < narrow.dim(); ++d) {
        if (shape[d] == narrow.size(d)) continue;
        if (shape[d] != k * narrow.size(d))
            throw std::invalid_argument("widening: axis " + std::to_string(d) + " of " + name + " goes from " +
                                        std::to_string(narrow.size(d)) + " to " + std::to_string(shape[d]) + ", not " +
                                        std::to_string(k) + " times");
        t = t.repeat_interleave(k, d);
        if (d == 1) t = t / double(k);
    }
    return t;
}

}  // namespace

void widenInto(LesionChangeNet& narrow, LesionChangeNet& wide, double noise) {
    const int narrowWidth = narrow->config().baseWidth;
    const int wideWidth = wide->config().baseWidth;
    if (wideWidth % narrowWidth != 0)
        throw std::invalid_argument("widening: width " + std::to_string(wideWidth) + " is not a multiple of " +
                                    std::to_string(narrowWidth));
    if (noise < 0) throw std::invalid_argument("widening: the noise must not be negative");
    const int64_t k = wideWidth / narrowWidth;
    const auto from = narrow->named_parameters();
    auto to = wide->named_parameters();
    if (from.size() != to.size()) throw std::invalid_argument("widening: the two networks differ in their layers");
    if (!narrow->named_buffers().is_empty() || !wide->named_buffers().is_empty())
        throw std::invalid_argument("widening: networks with buffers (running statistics) are not supported");
    torch::NoGradGuard noGrad;
    for (auto& item : to) {
        const torch::Tensor* source = from.find(item.key());
        if (!source) throw std::invalid_argument("widening: the narrow network has no " + item.key());
        torch::Tensor target = item.value();
        torch::Tensor value = widened(source->to(target.device(), target.scalar_type()), target.sizes(), k, item.key());
        if (noise > 0 && value.dim() == 5 && k > 1) value = value + noise * value.std() * torch::randn_like(value);
        target.copy_(value);
    }
}

}  // namespace lesiondelta::ml
