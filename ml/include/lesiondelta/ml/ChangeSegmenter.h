#pragma once
// Runs a loaded network over a whole BL/FU pair on one device.
#include <torch/torch.h>

#include "lesiondelta/ml/SlidingWindow.h"
#include "lesiondelta/ml/WeightsFile.h"

namespace lesiondelta::ml {

/// Arithmetic of inference. BFloat16 is about 3.4x faster on CPUs with AVX512-BF16/AMX (oneDNN);
/// probabilities then differ from Float32 by up to ~0.01, so it is an option, not the default,
/// until the accuracy evaluation confirms it.
enum class Precision { Float32, BFloat16 };

/// "fp32" or "bf16"; throws std::invalid_argument otherwise.
Precision parsePrecision(const std::string& name);
std::string precisionName(Precision p);

class ChangeSegmenter {
public:
    /// Moves the network to `device` and `precision` in evaluation mode. On CPU, uses every core.
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
