#include "lesiondelta/ml/ChangeSegmenter.h"

#include <cstdio>
#include <thread>

#include "lesiondelta/ml/HeapReuse.h"

namespace lesiondelta::ml {

namespace {

torch::ScalarType scalarType(Precision p) { return p == Precision::BFloat16 ? torch::kBFloat16 : torch::kFloat32; }

}  // namespace

Precision parsePrecision(const std::string& name) {
    if (name == "fp32") return Precision::Float32;
    if (name == "bf16") return Precision::BFloat16;
    throw std::invalid_argument("unknown precision '" + name + "' (expected auto, fp32 or bf16)");
}

std::string precisionName(Precision p) { return p == Precision::BFloat16 ? "bf16" : "fp32"; }

PrecisionChoice choosePrecision(const std::string& request, const torch::Device& device, const CpuFeatures& cpu) {
    PrecisionChoice c;
    if (request == "auto") {
        if (device.is_cpu() && cpu.nativeBf16()) {
            c.precision = Precision::BFloat16;
            c.reason = std::string("auto: bf16, this CPU has native bf16 (") +
                       (cpu.amxBf16 ? "amx_bf16" : "avx512_bf16") + ")";
        } else if (device.is_cpu()) {
            c.reason = "auto: fp32, this CPU has no native bf16" +
                       std::string(
                           cpu.onednnIsaLimit.empty() ? "" : " that oneDNN may use (limit " + cpu.onednnIsaLimit + ")");
        } else {
            c.reason = "auto: fp32 on " + device.str();
        }
        return c;
    }
    c.precision = parsePrecision(request);
    c.reason = "requested: " + request;
    if (c.precision == Precision::BFloat16 && device.is_cpu() && cpu.bf16BlockedByOnednnLimit()) {
        throw std::invalid_argument("bf16 cannot run on this CPU as configured: oneDNN is limited to " +
                                    cpu.onednnIsaLimit +
                                    " (ONEDNN_MAX_CPU_ISA / DNNL_MAX_CPU_ISA), below the AVX-512 its bf16 convolutions "
                                    "need; use --precision auto or fp32");
    }
    if (c.precision == Precision::BFloat16 && device.is_cpu() && !cpu.nativeBf16()) {
        char factor[32];
        std::snprintf(factor, sizeof factor, "%.0f", kEmulatedBf16Slowdown);
        c.warning = "this CPU (" + cpu.describe() +
                    ") has no native bf16 instructions (AVX512-BF16 or AMX): LibTorch computes "
                    "bf16 in generic code and the CNN runs about " +
                    std::string(factor) + " times SLOWER than in fp32; use --precision auto or fp32";
    }
    return c;
}

ChangeSegmenter::ChangeSegmenter(LoadedModel model, torch::Device device, Precision precision)
    : model_(std::move(model)), device_(device), precision_(precision) {
    if (device_.is_cpu()) {
        torch::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
        keepFreedMemoryInHeap();
    }
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

SlidingWindowResult ChangeSegmenter::segment(const VolumeBuffer& bl, const VolumeBuffer& fu,
                                             SlidingWindowOptions options) const {
    return slidingWindow(bl, fu, predictor(), options);
}

}  // namespace lesiondelta::ml
