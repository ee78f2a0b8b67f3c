#pragma once
// Runs a loaded network over a whole BL/FU pair on one device.
#include <torch/torch.h>

#include "lesiondelta/ml/SlidingWindow.h"
#include "lesiondelta/ml/WeightsFile.h"

namespace lesiondelta::ml {

class ChangeSegmenter {
public:
    /// Moves the network to `device` in evaluation mode. On CPU, uses every core.
    ChangeSegmenter(LoadedModel model, torch::Device device);

    /// Probability and mask on the input grid. `options.threshold` defaults to the model's.
    SlidingWindowResult segment(const VolumeBuffer& bl, const VolumeBuffer& fu, SlidingWindowOptions options) const;

    /// The crop predictor on this device (inference mode, sigmoid output, result on the CPU).
    CropPredictor predictor() const;

    const ModelMetadata& metadata() const { return model_.metadata; }
    const torch::Device& device() const { return device_; }

private:
    LoadedModel model_;
    torch::Device device_;
};

}  // namespace lesiondelta::ml
