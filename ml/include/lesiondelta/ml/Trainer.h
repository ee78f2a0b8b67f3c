#pragma once
// Training of LesionChangeNet after Krueger et al. 2020, section 2.3, scaled to what a CPU can do:
// 1. optional encoder pre-training: SingleTimepointNet segments all lesions of single scans;
//    its encoder initialises the siamese encoder;
// 2. longitudinal training on BL/FU pairs with exact new/enlarged targets, the encoder frozen for
//    the first part (freezeEncoderFraction) of the steps, then all parameters; "epochs" of
//    pairs.size() steps alternate between crops from all pairs and crops from pairs with at least
//    one new lesion.
// Both phases: random crops (about half centred on a target voxel), flips about the axial-plane
// axes, a 0-2 voxel shift of one scan, bias field and noise; Adam with a (1 - step/steps)^0.9
// decay; binary cross-entropy plus soft Dice on the full-resolution head and, with weights 0.5
// and 0.25, on the two deep-supervision heads. Validation on fixed crops of held-out pairs.
#include <functional>
#include <string>
#include <vector>

#include "lesiondelta/ml/SlidingWindow.h"
#include "lesiondelta/ml/WeightsFile.h"

namespace lesiondelta::ml {

/// One training pair: 1 mm, BL in FU space (up to the simulated misregistration), z-scored.
/// For pre-training scans `bl` is empty and `target` marks every lesion of `fu`.
struct TrainingPair {
    std::string name;
    VolumeBuffer bl, fu;
    std::vector<std::uint8_t> target;  // new/enlarged voxels (pre-training: all lesion voxels)
};

struct TrainingOptions {
    int baseWidth = 8;
    int64_t patch = 64;
    int steps = 2000;              // longitudinal steps
    int pretrainSteps = 0;         // encoder pre-training steps (needs pretrainScans)
    double learningRate = 1e-4;
    double freezeEncoderFraction = 0.5;  // of the longitudinal steps (ignored without pre-training)
    bool alternateEpochs = true;
    double lesionCentredFraction = 0.5;
    unsigned int seed = 1;
    int checkpointEvery = 100;  // steps
    int validateEvery = 100;    // steps; needs validationPairs
    int validationCrops = 8;
    std::string outFolder;      // checkpoint.safetensors, training_log.csv
    ModelMetadata metadata;     // training data description, command, ...
    /// A checkpoint to continue from: its weights, and - when it is a checkpoint of this run
    /// (metadata steps_done) - the step count and learning-rate schedule (Adam's moments restart).
    std::string resumeFrom;
    /// Called after every step with (step, loss, learning rate); return false to stop early.
    /// Pre-training steps are reported with negative step numbers (-pretrainSteps .. -1).
    std::function<bool(int, double, double)> onStep;
    /// Called after every validation with (step, validation loss, validation Dice at 0.5).
    std::function<void(int, double, double)> onValidate;
};

struct TrainingResult {
    int stepsDone = 0;
    double lastLoss = 0.0;
    bool diverged = false;        // a NaN/Inf loss stopped training; the last good checkpoint stays
    std::string checkpoint;       // path of the last checkpoint written
    double lastValidationDice = -1.0;
};

/// Trains and writes checkpoints; throws std::invalid_argument for unusable pairs or options.
TrainingResult train(const std::vector<TrainingPair>& pairs, const TrainingOptions& options,
                     const std::vector<TrainingPair>& pretrainScans = {},
                     const std::vector<TrainingPair>& validationPairs = {});

/// The loss used in training, exposed for tests: BCE + soft Dice of logits against a 0/1 target.
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target);

/// Loss over the full-resolution head and the deep-supervision heads (weights 0.5, 0.25).
torch::Tensor deepSupervisionLoss(const NetworkOutput& out, const torch::Tensor& target);

}  // namespace lesiondelta::ml
