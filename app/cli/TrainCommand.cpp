// lesiondelta-cli train --pairs DIR --out DIR [--width 8] [--patch 64] [--steps 2000] [--lr 1e-4]
//     [--seed 1] [--checkpoint-every 100] [--resume FILE]
//     [--pretrain-flair F --pretrain-mask M ...] [--pretrain-steps 0] [--freeze-fraction 0.5]
//     [--validation DIR] [--validate-every 100] [--no-alternate]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>

#include "Arguments.h"
#include "Commands.h"
#include "TrainingData.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta::cli {
namespace {

std::size_t countPositive(const std::vector<ml::TrainingPair>& pairs) {
    return std::count_if(pairs.begin(), pairs.end(), [](const auto& p) {
        return std::any_of(p.target.begin(), p.target.end(), [](auto v) { return v != 0; });
    });
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    return date;
}

}  // namespace

int runTrain(const std::vector<std::string>& args) {
    const Arguments a(args,
                      {"--pairs", "--out", "--width", "--patch", "--steps", "--lr", "--seed", "--checkpoint-every",
                       "--resume", "--pretrain-flair", "--pretrain-mask", "--pretrain-steps", "--freeze-fraction",
                       "--validation", "--validate-every"},
                      {"--no-alternate"});
    ml::TrainingOptions o;
    const std::string pairsFolder = a.required("--pairs");
    o.outFolder = a.required("--out");
    o.baseWidth = int(a.number("--width", 8, 1, 64));
    o.patch = int64_t(a.number("--patch", 64, 16, 256));
    if (o.patch % 16) throw UsageError("--patch must be a multiple of 16");
    o.steps = int(a.number("--steps", 2000, 1, 1e7));
    o.learningRate = a.number("--lr", 1e-4, 1e-7, 1.0);
    o.seed = unsigned(a.number("--seed", 1, 0, 4294967295.0));
    o.checkpointEvery = int(a.number("--checkpoint-every", 100, 1, 1e7));
    o.resumeFrom = a.optional("--resume").value_or("");
    o.pretrainSteps = int(a.number("--pretrain-steps", 0, 0, 1e7));
    o.freezeEncoderFraction = a.number("--freeze-fraction", 0.5, 0.0, 1.0);
    o.validateEvery = int(a.number("--validate-every", 100, 1, 1e7));
    o.alternateEpochs = !a.flag("--no-alternate");
    const auto flairs = a.all("--pretrain-flair"), masks = a.all("--pretrain-mask");
    if (flairs.size() != masks.size()) throw UsageError("give --pretrain-flair and --pretrain-mask in pairs");
    if (o.pretrainSteps > 0 && flairs.empty()) throw UsageError("--pretrain-steps needs --pretrain-flair/--pretrain-mask scans");

    const auto pairs = loadTrainingPairs(pairsFolder);
    std::vector<ml::TrainingPair> scans, validation;
    for (std::size_t i = 0; i < flairs.size(); ++i) scans.push_back(loadLesionScan(flairs[i], masks[i]));
    const auto validationFolder = a.optional("--validation");
    if (validationFolder) validation = loadTrainingPairs(*validationFolder);

    std::string command = "lesiondelta-cli train";
    for (const auto& s : args) command += " " + s;
    o.metadata.trainingData = std::to_string(pairs.size()) + " synthetic BL/FU pairs (" +
                              std::to_string(countPositive(pairs)) + " with new lesions) from " + pairsFolder;
    if (!scans.empty()) o.metadata.trainingData += "; encoder pre-trained on " + std::to_string(scans.size()) + " scans with lesion masks";
    o.metadata.trainingCommand = command;
    o.metadata.date = today();
    o.metadata.projectVersion = kVersion;
    o.metadata.extra["patch"] = std::to_string(o.patch);
    o.metadata.extra["seed"] = std::to_string(o.seed);
    if (validationFolder) o.metadata.extra["validation_pairs"] = std::to_string(validation.size()) + " from " + *validationFolder;
    std::cerr << "training on " << pairs.size() << " pairs (" << countPositive(pairs) << " with new lesions), width "
              << o.baseWidth << ", patch " << o.patch << "^3, " << o.pretrainSteps << " pre-training steps on "
              << scans.size() << " scans, " << o.steps << " steps; " << validation.size() << " validation pairs\n";
    const auto start = std::chrono::steady_clock::now();
    double running = 0;
    bool first = true;
    o.onStep = [&](int step, double loss, double lr) {
        // Restart the running mean at the first step of each phase (pre-training, then training).
        running = (first || step == 1) ? loss : 0.95 * running + 0.05 * loss;
        first = false;
        if (step % 10 == 0) {
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::cerr << (step < 0 ? "pre-training step " : "step ") << step << " loss " << running << " lr " << lr
                      << " " << int(s) << " s\n";
        }
        return true;
    };
    o.onValidate = [](int step, double loss, double dice) {
        std::cerr << "validation at step " << step << ": loss " << loss << ", voxel Dice " << dice << "\n";
    };
    const auto result = ml::train(pairs, o, scans, validation);
    if (result.diverged) {
        std::cerr << "error: the loss became NaN or infinite after " << result.stepsDone
                  << " steps; training stopped, the last good checkpoint is kept: "
                  << (result.checkpoint.empty() ? "(none yet)" : result.checkpoint) << "\n";
        return 1;
    }
    std::cout << "trained " << result.stepsDone << " steps, running loss " << result.lastLoss << "; wrote " << result.checkpoint << "\n";
    return 0;
}

}  // namespace lesiondelta::cli
