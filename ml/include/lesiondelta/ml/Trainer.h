#pragma once
// Training of LesionChangeNet after Krueger et al. 2020, section 2.3, on pairs the PairSynthesizer
// generates fresh for every step from the training atlas (no pairs on disk), on the CPU or CUDA:
// 1. optional encoder pre-training: SingleTimepointNet segments all lesions of single scans (atlas
//    scans with lesion masks); its encoder initialises the siamese encoder;
// 2. longitudinal training, the encoder frozen for the first part (freezeEncoderFraction) of the
//    schedule, then all parameters; "epochs" of `epochSteps` steps alternate between any pairs
//    and pairs with at least one change.
// Adam with a (1 - progress)^0.9 decay, progress = the larger of step / steps and training time /
// budget (so a wall-clock budget ends with a decayed rate); binary cross-entropy plus soft Dice on
// the full-resolution head and, with weights 0.5 and 0.25, on the two deep-supervision heads.
// Validation on fixed held-out synthetic pairs (made once, from held-out atlas scans).
// Checkpoints are written atomically; a run resumes from its checkpoint (step count, training
// time and schedule; Adam's moments restart), also in a later session.
#include <functional>
#include <string>

#include "lesiondelta/ml/PairSynthesizer.h"
#include "lesiondelta/ml/WeightsFile.h"

namespace lesiondelta::ml {

struct TrainingOptions {
    int baseWidth = 8;
    int steps = 2000;       // longitudinal steps (the schedule's length)
    double minutes = 0;     // budget of active training time, resumes included (pauses not); 0: none
    int batch = 2;          // pairs per step
    int pretrainSteps = 0;  // encoder pre-training steps
    double learningRate = 1e-4;
    double freezeEncoderFraction = 0.5;  // of the schedule (ignored without pre-training)
    bool alternateEpochs = true;
    int epochSteps = 50;
    /// Every realEvery-th step trains on crops of the atlas's real pairs (PairSynthesizer::
    /// nextReal) instead of synthetic ones; 0: never.
    int realEvery = 0;
    unsigned int seed = 1;
    torch::Device device = torch::kCPU;
    bool bf16 = false;          // bf16 autocast of the network (CUDA only)
    int checkpointEvery = 100;  // steps
    int validateEvery = 100;    // steps; needs a validation synthesiser
    int validationPairs = 16;
    std::string outFolder;   // checkpoint.safetensors, training_log.csv
    ModelMetadata metadata;  // training data description, command, ...
    /// A checkpoint to continue from (weights; with metadata steps_done and training_seconds of
    /// this run, also the step count and the schedule).
    std::string resumeFrom;
    /// A narrower model (base width dividing baseWidth) to start a new run from (step 1, a fresh
    /// schedule and budget, no pre-training), widened by widenInto (Widening.h) with this noise.
    /// Not together with resumeFrom.
    std::string widenFrom;
    double widenNoise = 0.1;
    /// Called after every step with (step, loss, learning rate); return false to stop early
    /// (TrainingResult::stopped): a checkpoint of that step is written. Pre-training steps are
    /// reported with negative step numbers (-pretrainSteps .. -1); a stop there ends the run
    /// before step 1, without a checkpoint (pre-training has none; a new run pre-trains afresh).
    std::function<bool(int, double, double)> onStep;
    /// Called after every validation with (step, validation loss, validation Dice at 0.5).
    std::function<void(int, double, double)> onValidate;
};

struct TrainingResult {
    int stepsDone = 0;
    double lastLoss = 0.0;
    double seconds = 0.0;           // training time, resumes included
    double synthesisSeconds = 0.0;  // of it, generating pairs (this invocation)
    int realSteps = 0;              // steps on real-pair crops (this invocation)
    bool diverged = false;          // a NaN/Inf loss stopped training; the last good checkpoint stays
    bool outOfTime = false;         // the budget ended it
    bool stopped = false;           // onStep asked to stop
    std::string checkpoint;         // path of the last checkpoint written
    double lastValidationDice = -1.0;
};

/// Trains and writes checkpoints; throws std::invalid_argument for unusable options and
/// WeightsError when a checkpoint cannot be written or read.
TrainingResult train(PairSynthesizer& pairs, const TrainingOptions& options, PairSynthesizer* validation = nullptr);

/// The loss used in training, exposed for tests: BCE + soft Dice of logits against a 0/1 target.
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target);

/// Loss over the full-resolution head and the deep-supervision heads (weights 0.5, 0.25).
torch::Tensor deepSupervisionLoss(const NetworkOutput& out, const torch::Tensor& target);

}  // namespace lesiondelta::ml
