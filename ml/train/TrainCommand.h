#pragma once
// The training command, shared by `lesiondelta-train` (built with LibTorch alone, e.g. on a GPU
// machine: -DLESIONDELTA_ML_ONLY=ON) and `lesiondelta-cli train`:
//   --atlas FILE --out DIR [--device auto|cpu|cuda] [--width 8] [--crop 64] [--batch 2]
//   [--steps 2000] [--minutes 0] [--lr 5e-4] [--seed 1] [--bf16] [--resume FILE|auto]
//   [--pretrain-steps 0] [--freeze-fraction 0.5] [--no-alternate] [--checkpoint-every 100]
//   [--validate-every 100] [--validation-pairs 16] [--stable-fraction 0.3] [--thickness-ratio 0]
#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace lesiondelta::ml {

/// A usage error: the caller prints it and exits with 2.
class TrainUsageError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

extern const char* const kTrainUsage;

/// The exit code of a run stopped on request (as a shell reports a program ended by Ctrl-C).
constexpr int kTrainStoppedExitCode = 130;

/// Runs the command; returns the exit code (0 done or out of time, 1 diverged,
/// kTrainStoppedExitCode when `stopRequested` answered true: the run stops after its current
/// step and writes a checkpoint of it, which --resume auto continues). Throws TrainUsageError
/// for bad arguments, WeightsError for an unusable atlas or checkpoint, DeviceError for an
/// unavailable device.
int runTrainCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& log,
                    const std::function<bool()>& stopRequested = {});

}  // namespace lesiondelta::ml
