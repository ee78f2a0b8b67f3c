#pragma once
// Longitudinal training of LesionChangeNet on BL/FU pairs with exact targets (Krueger et al.
// 2020, section 2.3, scaled to what a CPU can do): random crops, about half centred on a target
// lesion; flips about the two axial-plane axes; noise; a 0-2 voxel shift of one scan; Adam with
// a (1 - step/steps)^0.9 learning-rate decay; binary cross-entropy plus soft Dice on the
// full-resolution head and, with smaller weights, on the two deep-supervision heads.
#include <functional>
#include <string>
#include <vector>

#include "lesiondelta/ml/SlidingWindow.h"
#include "lesiondelta/ml/WeightsFile.h"

namespace lesiondelta::ml {

/// One training pair: 1 mm, BL in FU space (up to the simulated misregistration), z-scored.
struct TrainingPair {
    std::string name;
    VolumeBuffer bl, fu;
    std::vector<std::uint8_t> target;  // new/enlarged voxels
};

struct TrainingOptions {
    int baseWidth = 8;
    int64_t patch = 64;
    int steps = 2000;
    double learningRate = 1e-4;
    double lesionCentredFraction = 0.5;
    unsigned int seed = 1;
    int checkpointEvery = 100;  // steps
    std::string outFolder;      // checkpoint.safetensors, training_log.csv
    ModelMetadata metadata;     // training data description, command, ...
    std::string resumeFrom;     // weights file to start from (optimizer state starts fresh)
    /// Called after every step with (step, loss, learning rate); return false to stop early.
    std::function<bool(int, double, double)> onStep;
};

struct TrainingResult {
    int stepsDone = 0;
    double lastLoss = 0.0;
    bool diverged = false;        // a NaN/Inf loss stopped training; the last good checkpoint stays
    std::string checkpoint;       // path of the last checkpoint written
};

/// Trains and writes checkpoints; throws std::invalid_argument for unusable pairs.
TrainingResult train(const std::vector<TrainingPair>& pairs, const TrainingOptions& options);

/// The loss used in training, exposed for tests: BCE + soft Dice of logits against a 0/1 target.
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target);

}  // namespace lesiondelta::ml
