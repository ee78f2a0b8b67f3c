#include "TrainCommand.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/Trainer.h"

namespace fs = std::filesystem;

namespace lesiondelta::ml {

const char* const kTrainUsage =
    "train --atlas FILE --out DIR [--device auto|cpu|cuda] [--width 8] [--crop 64] [--batch 2]\n"
    "      [--steps 2000] [--minutes 0] [--lr 5e-4] [--seed 1] [--bf16] [--resume FILE|auto]\n"
    "      [--pretrain-steps 0] [--freeze-fraction 0.5] [--no-alternate] [--checkpoint-every 100]\n"
    "      [--validate-every 100] [--validation-pairs 16] [--stable-fraction 0.3] [--thickness-ratio 0]\n"
    "      [--brighten-fraction 0] [--stable-insert-fraction 0] [--protocol-change-fraction 0.15]\n"
    "      [--real-every 0] [--match-resolution] [--insert-depth 6] [--faint-dot-fraction 0]\n"
    "      [--periventricular-fraction 0] [--threads N]\n"
    "      [--widen-from FILE] [--widen-noise 0.1]\n"
    "  Trains the network on pairs synthesised fresh for every step from the atlas (lesiondelta-cli\n"
    "  atlas). --minutes is a budget of active training time (resumes included; time the process\n"
    "  was stopped or starved is not). The learning rate decays over whichever of --steps and\n"
    "  --minutes ends first. Writes DIR/checkpoint.safetensors\n"
    "  (atomically, every N steps and at the end) and DIR/training_log.csv. --resume auto continues\n"
    "  DIR/checkpoint.safetensors when it exists. Ctrl-C or SIGTERM stops after the current step\n"
    "  with a checkpoint of it (exit status 130; again to end at once). --bf16: bf16 autocast (CUDA only).\n"
    "  --thickness-ratio R (> 1): BL's slice thickness within [1/R, R] times FU's (a repeated\n"
    "  protocol); 0 draws each visit's thickness on its own (1-5 mm).\n"
    "  --brighten-fraction F: of the inserted and unchanged own lesions, F are already in BL but\n"
    "  fainter (brightened or grown: a target). --stable-insert-fraction F: of the inserted lesions,\n"
    "  F are in BL alike (not a target). --protocol-change-fraction F: pairs whose BL is sliced\n"
    "  along another axis than FU. --resume FILE also starts from a model's weights (fine-tuning).\n"
    "  --real-every K: every K-th step on crops of the atlas's real pairs (atlas --real-pair).\n"
    "  --match-resolution: both visits of every synthetic pair brought to one effective resolution,\n"
    "  as inference prepares a real pair (segment's resolution matching).\n"
    "  --insert-depth MM: brain needed around an inserted lesion's centre along each axis (1-6; 6 keeps\n"
    "  them deep in white matter); below 6, inserts may sit beside the cortex and the ventricles and\n"
    "  are clipped to the brain mask.\n"
    "  --faint-dot-fraction F: of the inserted lesions, F are the bank's smallest (10-40 voxels), faint.\n"
    "  --periventricular-fraction F: of the inserted lesions, F sit at a CSF border (ventricle or\n"
    "  sulcus), lifting what BL shows CSF-dark to lesion brightness.\n"
    "  --widen-from FILE: start from a narrower model (its width dividing --width), every channel\n"
    "  copied (Net2Net widening: the same output), each copy's weights with --widen-noise x their\n"
    "  spread of noise; a new run (step 1, its own --minutes and learning-rate schedule).\n"
    "  --threads N: CPU threads (default: every core), e.g. 1 each for two runs side by side.\n";

namespace {

class Options {
public:
    Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
            const std::set<std::string>& flags) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (flags.count(args[i])) {
                flags_.insert(args[i]);
            } else if (valued.count(args[i])) {
                if (i + 1 >= args.size()) throw TrainUsageError(args[i] + " needs a value");
                values_[args[i]] = args[i + 1];
                ++i;
            } else {
                throw TrainUsageError("unknown option '" + args[i] + "'");
            }
        }
    }
    std::string required(const std::string& k) const {
        const auto it = values_.find(k);
        if (it == values_.end()) throw TrainUsageError(k + " is required");
        return it->second;
    }
    std::string text(const std::string& k, const std::string& fallback) const {
        const auto it = values_.find(k);
        return it == values_.end() ? fallback : it->second;
    }
    double number(const std::string& k, double fallback, double lo, double hi) const {
        const auto it = values_.find(k);
        if (it == values_.end()) return fallback;
        std::size_t used = 0;
        double v = 0;
        try {
            v = std::stod(it->second, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != it->second.size() || !(v >= lo && v <= hi)) {
            throw TrainUsageError(k + " must be a number from " + std::to_string(lo) + " to " + std::to_string(hi));
        }
        return v;
    }
    bool flag(const std::string& k) const { return flags_.count(k) > 0; }

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
};

std::string today() {
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    return date;
}

}  // namespace

int runTrainCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& log,
                    const std::function<bool()>& stopRequested) {
    const Options a(args,
                    {"--atlas",
                     "--out",
                     "--device",
                     "--width",
                     "--crop",
                     "--batch",
                     "--steps",
                     "--minutes",
                     "--lr",
                     "--seed",
                     "--resume",
                     "--pretrain-steps",
                     "--freeze-fraction",
                     "--checkpoint-every",
                     "--validate-every",
                     "--validation-pairs",
                     "--stable-fraction",
                     "--thickness-ratio",
                     "--brighten-fraction",
                     "--stable-insert-fraction",
                     "--protocol-change-fraction",
                     "--real-every",
                     "--insert-depth",
                     "--faint-dot-fraction",
                     "--periventricular-fraction",
                     "--widen-from",
                     "--widen-noise",
                     "--threads"},
                    {"--bf16", "--no-alternate", "--match-resolution"});
    TrainingOptions o;
    SynthesisOptions s;
    const std::string atlasPath = a.required("--atlas");
    o.outFolder = a.required("--out");
    o.device = chooseDevice(a.text("--device", "auto"));
    o.baseWidth = int(a.number("--width", o.baseWidth, 1, 64));
    s.crop = int64_t(a.number("--crop", double(s.crop), 16, 256));
    if (s.crop % 16) throw TrainUsageError("--crop must be a multiple of 16");
    s.stableFraction = a.number("--stable-fraction", s.stableFraction, 0.0, 1.0);
    s.followUpThicknessRatio = a.number("--thickness-ratio", s.followUpThicknessRatio, 0.0, 5.0);
    s.brightenFraction = a.number("--brighten-fraction", s.brightenFraction, 0.0, 1.0);
    s.stableInsertFraction = a.number("--stable-insert-fraction", s.stableInsertFraction, 0.0, 1.0);
    s.protocolChangeFraction = a.number("--protocol-change-fraction", s.protocolChangeFraction, 0.0, 1.0);
    s.matchResolution = a.flag("--match-resolution");
    s.setInsertDepth(int(a.number("--insert-depth", s.insertDepthMm, 1, SynthesisOptions::kDeepInsertMm)));
    s.faintDotFraction = a.number("--faint-dot-fraction", s.faintDotFraction, 0.0, 1.0);
    s.periventricularFraction = a.number("--periventricular-fraction", s.periventricularFraction, 0.0, 1.0);
    if (s.brightenFraction + s.stableInsertFraction > 1)
        throw TrainUsageError("--brighten-fraction and --stable-insert-fraction add up to more than 1");
    o.realEvery = int(a.number("--real-every", o.realEvery, 0, 1e6));
    o.batch = int(a.number("--batch", o.batch, 1, 256));
    o.steps = int(a.number("--steps", o.steps, 1, 1e8));
    o.minutes = a.number("--minutes", o.minutes, 0, 1e6);
    o.learningRate = a.number("--lr", 5e-4, 1e-7, 1.0);  // the first shipped model's rate (TrainingOptions keeps 1e-4)
    o.seed = unsigned(a.number("--seed", o.seed, 0, 4294967295.0));
    o.bf16 = a.flag("--bf16");
    if (o.bf16 && !o.device.is_cuda())
        throw TrainUsageError("--bf16 needs --device cuda (LibTorch autocast is CUDA-only)");
    o.pretrainSteps = int(a.number("--pretrain-steps", o.pretrainSteps, 0, 1e7));
    o.freezeEncoderFraction = a.number("--freeze-fraction", o.freezeEncoderFraction, 0.0, 1.0);
    o.alternateEpochs = !a.flag("--no-alternate");
    o.checkpointEvery = int(a.number("--checkpoint-every", o.checkpointEvery, 1, 1e8));
    o.validateEvery = int(a.number("--validate-every", o.validateEvery, 1, 1e8));
    o.validationPairs = int(a.number("--validation-pairs", o.validationPairs, 0, 10000));
    o.resumeFrom = a.text("--resume", "");
    if (o.resumeFrom == "auto") {
        const auto own = fs::path(o.outFolder) / "checkpoint.safetensors";
        o.resumeFrom = fs::exists(own) ? own.string() : "";
    }
    const std::string widenFrom = a.text("--widen-from", "");
    o.widenFrom = widenFrom;
    o.widenNoise = a.number("--widen-noise", o.widenNoise, 0.0, 10.0);
    if (!o.widenFrom.empty() && !o.resumeFrom.empty()) {
        if (a.text("--resume", "") != "auto")
            throw TrainUsageError("--widen-from starts a run; --resume FILE continues one: give one of them");
        o.widenFrom.clear();  // the widened run's own checkpoint exists: continue it
    }

    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    if (o.device.is_cpu()) torch::set_num_threads(int(a.number("--threads", cores, 1, 1024)));
    const auto atlas = loadAtlas(atlasPath);
    PairSynthesizer pairs(atlas, s, o.device, o.seed);
    std::unique_ptr<PairSynthesizer> validation;
    if (o.validationPairs > 0) {
        SynthesisOptions v = s;
        v.heldOut = true;
        v.stableFraction = 0.25;
        validation = std::make_unique<PairSynthesizer>(atlas, v, o.device, 104729);
    }
    std::string command = "train";
    for (const auto& x : args) command += " " + x;
    o.metadata.trainingData = "pairs synthesised on the fly from the training atlas " +
                              fs::path(atlasPath).filename().string() + " (" + atlas.description + ")";
    if (s.matchResolution) o.metadata.trainingData += "; both visits resolution-matched as at inference";
    if (s.clipInsertsToBrain)
        o.metadata.trainingData +=
            "; inserts from " + std::to_string(s.insertDepthMm) + " mm deep in the brain, clipped to it";
    if (s.faintDotFraction > 0)
        o.metadata.trainingData += "; " + std::to_string(int(std::lround(100 * s.faintDotFraction))) +
                                   " % of inserts faint dots of 10-" +
                                   std::to_string(SynthesisOptions::kFaintDotMaxVoxels) + " voxels";
    if (s.periventricularFraction > 0)
        o.metadata.trainingData += "; " + std::to_string(int(std::lround(100 * s.periventricularFraction))) +
                                   " % of inserts at a CSF border, lifted to lesion brightness";
    o.metadata.trainingCommand = command;
    o.metadata.date = today();
    o.metadata.projectVersion = LESIONDELTA_VERSION;
    o.metadata.extra["seed"] = std::to_string(o.seed);
    if (!widenFrom.empty()) o.metadata.extra["widened_from"] = fs::path(widenFrom).filename().string();
    if (o.realEvery > 0) {
        if (atlas.realPairs.empty())
            throw TrainUsageError(
                "--real-every needs an atlas with a real pair (lesiondelta-cli atlas --real-pair ID)");
        std::string names;
        for (const auto& r : atlas.realPairs) names += (names.empty() ? "" : ", ") + r.name;
        o.metadata.trainingData += "; one step in " + std::to_string(o.realEvery) + " on real pair(s) " + names;
    }
    log << "training on " << describeDevice(o.device) << ": width " << o.baseWidth << ", " << o.batch << " x " << s.crop
        << "^3 pairs a step, " << o.steps << " steps"
        << (o.minutes > 0 ? ", budget " + std::to_string(o.minutes) + " min" : "")
        << (o.resumeFrom.empty() ? "" : ", resuming " + o.resumeFrom)
        << (o.widenFrom.empty() ? "" : ", widening " + o.widenFrom) << (o.bf16 ? ", bf16 autocast" : "") << "\n";
    const auto start = std::chrono::steady_clock::now();
    double running = 0;
    bool first = true;
    int steps = 0;
    o.onStep = [&](int step, double loss, double lr) {
        running = (first || step == 1) ? loss : 0.95 * running + 0.05 * loss;
        first = false;
        ++steps;
        if (step % 10 == 0) {
            const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            log << (step < 0 ? "pre-training step " : "step ") << step << " loss " << running << " lr " << lr << " "
                << int(sec) << " s\n";
        }
        return !(stopRequested && stopRequested());
    };
    o.onValidate = [&](int step, double loss, double dice) {
        log << "validation at step " << step << ": loss " << loss << ", voxel Dice " << dice << "\n";
    };
    const auto result = train(pairs, o, validation.get());
    const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (result.diverged) {
        log << "error: the loss became NaN or infinite after " << result.stepsDone
            << " steps; training stopped, the last good checkpoint is kept: "
            << (result.checkpoint.empty() ? "(none yet)" : result.checkpoint) << "\n";
        return 1;
    }
    if (result.stopped) {
        if (result.checkpoint.empty())
            out << "stopped on request during pre-training; no checkpoint written (pre-training starts afresh)\n";
        else
            out << "stopped on request after step " << result.stepsDone << "; wrote " << result.checkpoint
                << " (continue with --resume auto)\n";
        return kTrainStoppedExitCode;
    }
    out << "trained to step " << result.stepsDone << (result.outOfTime ? " (time budget reached)" : "")
        << ", running loss " << result.lastLoss << "; " << steps << " steps in " << int(sec) << " s ("
        << (steps > 0 ? steps / sec : 0.0) << " steps/s, " << (steps > 0 ? steps * o.batch / sec : 0.0)
        << " pairs/s, synthesis " << int(result.synthesisSeconds) << " s)";
    out << "; wrote " << (result.checkpoint.empty() ? "(no checkpoint)" : result.checkpoint) << "\n";
    return 0;
}

}  // namespace lesiondelta::ml
