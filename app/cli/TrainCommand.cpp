// lesiondelta-cli train --pairs DIR --out DIR [--width 8] [--patch 64] [--steps 2000] [--lr 1e-4]
//                       [--seed 1] [--checkpoint-every 100] [--resume FILE]
#include <chrono>
#include <ctime>
#include <iostream>

#include "Arguments.h"
#include "Commands.h"
#include "TrainingData.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta::cli {

int runTrain(const std::vector<std::string>& args) {
    const Arguments a(args, {"--pairs", "--out", "--width", "--patch", "--steps", "--lr", "--seed", "--checkpoint-every", "--resume"}, {});
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

    const auto pairs = loadTrainingPairs(pairsFolder);
    std::size_t positive = 0;
    for (const auto& p : pairs) positive += std::any_of(p.target.begin(), p.target.end(), [](auto v) { return v != 0; });
    std::string command = "lesiondelta-cli train";
    for (const auto& s : args) command += " " + s;
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    o.metadata.trainingData = std::to_string(pairs.size()) + " synthetic BL/FU pairs (" + std::to_string(positive) +
                              " with new lesions) from " + pairsFolder;
    o.metadata.trainingCommand = command;
    o.metadata.date = date;
    o.metadata.projectVersion = kVersion;
    o.metadata.extra["patch"] = std::to_string(o.patch);
    o.metadata.extra["seed"] = std::to_string(o.seed);
    std::cerr << "training on " << pairs.size() << " pairs (" << positive << " with new lesions), width " << o.baseWidth
              << ", patch " << o.patch << "^3, " << o.steps << " steps\n";
    const auto start = std::chrono::steady_clock::now();
    double running = 0;
    o.onStep = [&](int step, double loss, double lr) {
        running = step == 1 ? loss : 0.95 * running + 0.05 * loss;
        if (step % 10 == 0) {
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::cerr << "step " << step << "/" << o.steps << " loss " << running << " lr " << lr << " " << int(s) << " s\n";
        }
        return true;
    };
    const auto result = ml::train(pairs, o);
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
