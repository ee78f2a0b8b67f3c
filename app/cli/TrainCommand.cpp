// lesiondelta-cli train ...: the training command of ml/train (also built alone as
// lesiondelta-train for GPU machines without ITK or Qt).
#include "TrainCommand.h"

#include <iostream>

#include "Arguments.h"
#include "Commands.h"
#include "Interrupt.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/ml/WeightsFile.h"

namespace lesiondelta::cli {

int runTrain(const std::vector<std::string>& args) {
    try {
        return ml::runTrainCommand(args, std::cout, std::cerr, interrupted);
    } catch (const ml::TrainUsageError& e) {
        throw UsageError(e.what());
    } catch (const ml::WeightsError& e) {
        throw VolumeError("", e.what());
    }
}

}  // namespace lesiondelta::cli
