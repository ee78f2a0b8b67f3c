#pragma once
// Runs a loaded network over a whole BL/FU pair on one device.
#include <torch/torch.h>

#include "lesiondelta/ml/CpuFeatures.h"
#include "lesiondelta/ml/SlidingWindow.h"
#include "lesiondelta/ml/WeightsFile.h"

namespace lesiondelta::ml {

/// Arithmetic of inference. BFloat16 is 2-3.4x faster on CPUs with native bf16 (AVX512-BF16 or
/// AMX, through oneDNN; 2.1x for width 8 on a Zen 4 EPYC), with probabilities within ~0.01 of
/// Float32; on CPUs without it LibTorch computes bf16 in generic code, many times SLOWER than
/// Float32 (see choosePrecision).
enum class Precision { Float32, BFloat16 };

/// "fp32" or "bf16"; throws std::invalid_argument otherwise.
Precision parsePrecision(const std::string& name);
std::string precisionName(Precision p);

/// Without AVX-512, LibTorch 1.13 runs bf16 convolutions through ATen's own slow path instead of
/// oneDNN. Measured on a 2-core AMD EPYC (Zen 4) with `ml_crop_bench --onednn off`: one width-8
/// 128^3 crop pair took 20.5 s in bf16 against 2.4 s in fp32 with oneDNN (8.5x).
constexpr double kEmulatedBf16Slowdown = 8.0;

struct PrecisionChoice {
    Precision precision = Precision::Float32;
    std::string reason;   // why, for summaries ("auto: this CPU has native bf16 (avx512_bf16)")
    std::string warning;  // non-empty when the request will be slow on this machine
};

/// The precision for a request of "auto", "fp32" or "bf16" on `device`. auto: bf16 on a CPU with
/// native bf16 (cpu.nativeBf16()), fp32 on every other CPU and on CUDA. An explicit bf16 on a CPU
/// without native bf16 is honoured with a warning saying how much slower it is. Throws
/// std::invalid_argument for other requests and for bf16 where a oneDNN ISA ceiling below
/// AVX-512 would make LibTorch fail (CpuFeatures::bf16BlockedByOnednnLimit).
PrecisionChoice choosePrecision(const std::string& request, const torch::Device& device,
                                const CpuFeatures& cpu = cpuFeatures());

class ChangeSegmenter {
public:
    /// Moves the network to `device` and `precision` in evaluation mode. On CPU, uses every core
    /// and keeps freed memory in the heap for reuse (HeapReuse.h).
    ChangeSegmenter(LoadedModel model, torch::Device device, Precision precision = Precision::Float32);

    /// Probability and mask on the input grid. `options.threshold` defaults to the model's.
    SlidingWindowResult segment(const VolumeBuffer& bl, const VolumeBuffer& fu, SlidingWindowOptions options) const;

    /// The crop predictor on this device (inference mode, sigmoid output, result on the CPU).
    CropPredictor predictor() const;

    const ModelMetadata& metadata() const { return model_.metadata; }
    const torch::Device& device() const { return device_; }
    Precision precision() const { return precision_; }

private:
    LoadedModel model_;
    torch::Device device_;
    Precision precision_;
};

}  // namespace lesiondelta::ml
