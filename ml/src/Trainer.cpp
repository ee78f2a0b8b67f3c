#include "lesiondelta/ml/Trainer.h"

#include <ATen/autocast_mode.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "lesiondelta/ml/ActiveTime.h"
#include "lesiondelta/ml/SingleTimepointNet.h"
#include "lesiondelta/ml/Widening.h"

namespace lesiondelta::ml {
namespace {

namespace F = torch::nn::functional;
using Clock = std::chrono::steady_clock;

double polyRate(double base, double progress) { return base * std::pow(std::max(0.0, 1.0 - progress), 0.9); }

void setRate(torch::optim::Adam& adam, double lr) {
    for (auto& group : adam.param_groups()) static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
}

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

/// The CSV log: one row per step; validation columns filled on validation steps.
class TrainingLog {
public:
    explicit TrainingLog(const std::filesystem::path& path) {
        const bool fresh = !std::filesystem::exists(path);
        out_.open(path, std::ios::app);
        if (!out_) throw std::invalid_argument("cannot write the training log " + path.string());
        if (fresh) out_ << "step,phase,loss,learning_rate,seconds,val_loss,val_dice\n";
    }
    void row(int step, const std::string& phase, double loss, double lr, double seconds, double valLoss = NAN,
             double valDice = NAN) {
        out_ << step << "," << phase << "," << loss << "," << lr << "," << seconds << ",";
        if (std::isfinite(valLoss)) out_ << valLoss;
        out_ << ",";
        if (std::isfinite(valDice)) out_ << valDice;
        out_ << "\n";
    }
    void flush() { out_.flush(); }

private:
    std::ofstream out_;
};

/// bf16 autocast around the network on CUDA (LibTorch's autocast covers CUDA only).
class Autocast {
public:
    explicit Autocast(bool on) : on_(on) {
        if (!on_) return;
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
    }
    ~Autocast() {
        if (!on_) return;
        at::autocast::set_enabled(false);
        at::autocast::clear_cache();
    }

private:
    bool on_;
};

NetworkOutput toFloat(NetworkOutput out) {
    out.logits = out.logits.to(torch::kFloat32);
    for (auto& d : out.deepLogits) d = d.to(torch::kFloat32);
    return out;
}

/// Fixed held-out pairs, made once.
struct Validation {
    std::vector<SyntheticBatch> batches;
    std::pair<double, double> evaluate(LesionChangeNet& net, bool bf16) const {
        torch::NoGradGuard noGrad;
        net->eval();
        double loss = 0, overlap = 0, total = 0;
        for (const auto& b : batches) {
            NetworkOutput out;
            {
                Autocast cast(bf16);
                out = net->forward(b.bl, b.fu);
            }
            const auto logits = out.logits.to(torch::kFloat32);
            loss += segmentationLoss(logits, b.target).item<double>();
            const auto predicted = (logits > 0).to(torch::kFloat);
            overlap += (predicted * b.target).sum().item<double>();
            total += predicted.sum().item<double>() + b.target.sum().item<double>();
        }
        net->train();
        return {loss / double(batches.size()), total > 0 ? 2 * overlap / total : 1.0};
    }
};

double numberIn(const ModelMetadata& m, const char* key) {
    const auto it = m.extra.find(key);
    return it == m.extra.end() ? 0.0 : std::stod(it->second);
}

void pretrainEncoder(LesionChangeNet& net, PairSynthesizer& pairs, const TrainingOptions& o, TrainingLog& log,
                     TrainingResult& result) {
    SingleTimepointNet single(net->config());
    single->to(o.device);
    single->train();
    torch::optim::Adam adam(single->parameters(), torch::optim::AdamOptions(o.learningRate));
    const auto start = Clock::now();
    for (int step = 1; step <= o.pretrainSteps; ++step) {
        const double lr = polyRate(o.learningRate, double(step - 1) / o.pretrainSteps);
        setRate(adam, lr);
        const auto b = pairs.nextLesionScans(o.batch);
        NetworkOutput out;
        {
            Autocast cast(o.bf16);
            out = single->forward(b.fu);
        }
        auto loss = deepSupervisionLoss(toFloat(out), b.target);
        const double value = loss.item<double>();
        if (!std::isfinite(value)) {
            result.diverged = true;
            return;
        }
        adam.zero_grad();
        loss.backward();
        adam.step();
        log.row(step - o.pretrainSteps - 1, "pretrain", value, lr, secondsSince(start));
        if (o.onStep && !o.onStep(step - o.pretrainSteps - 1, value, lr)) {
            result.stopped = true;
            return;
        }
    }
    copyEncoder(single->encoder(), net->encoder());
}

}  // namespace

torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target) {
    const auto bce = F::binary_cross_entropy_with_logits(logits, target);
    const auto p = torch::sigmoid(logits);
    const auto dice = 1.0 - (2.0 * (p * target).sum() + 1.0) / (p.sum() + target.sum() + 1.0);
    return bce + dice;
}

torch::Tensor deepSupervisionLoss(const NetworkOutput& out, const torch::Tensor& target) {
    auto loss = segmentationLoss(out.logits, target);
    const double weights[2] = {0.5, 0.25};
    torch::Tensor t = target;
    for (std::size_t d = 0; d < out.deepLogits.size() && d < 2; ++d) {
        t = F::max_pool3d(t, F::MaxPool3dFuncOptions(2));
        loss = loss + weights[d] * segmentationLoss(out.deepLogits[d], t);
    }
    return loss;
}

TrainingResult train(PairSynthesizer& pairs, const TrainingOptions& o, PairSynthesizer* validationPairs) {
    if (o.batch < 1) throw std::invalid_argument("the batch size must be at least 1");
    if (o.bf16 && !o.device.is_cuda()) throw std::invalid_argument("bf16 autocast in training is for CUDA only");
    if (o.realEvery < 0) throw std::invalid_argument("realEvery must not be negative");
    if (o.realEvery > 0 && !pairs.hasRealPairs())
        throw std::invalid_argument("real steps were asked for, but the atlas holds no real pair");
    torch::manual_seed(o.seed);
    Validation validation;
    if (validationPairs) {
        for (int i = 0; i < o.validationPairs; i += 4)
            validation.batches.push_back(validationPairs->next(std::min(4, o.validationPairs - i)));
    }
    std::filesystem::create_directories(o.outFolder);
    const std::string checkpoint = (std::filesystem::path(o.outFolder) / "checkpoint.safetensors").string();
    TrainingLog log(std::filesystem::path(o.outFolder) / "training_log.csv");
    TrainingResult result;

    LesionChangeNet net{nullptr};
    int firstStep = 1;
    int pretrainedSteps = 0;
    double earlierSeconds = 0;
    if (!o.resumeFrom.empty() && !o.widenFrom.empty())
        throw std::invalid_argument("resume from a checkpoint or widen a narrower model, not both");
    if (!o.widenFrom.empty()) {
        // A new run from a warm start: its own step count, time and schedule.
        auto narrow = loadWeights(o.widenFrom).net;
        NetworkConfig c = narrow->config();
        c.baseWidth = o.baseWidth;
        net = LesionChangeNet(c);
        widenInto(narrow, net, o.widenNoise);
        net->to(o.device);
    } else if (!o.resumeFrom.empty()) {
        auto loaded = loadWeights(o.resumeFrom);
        if (loaded.metadata.baseWidth != o.baseWidth) {
            throw std::invalid_argument("--resume: the checkpoint has width " +
                                        std::to_string(loaded.metadata.baseWidth));
        }
        net = loaded.net;
        firstStep = std::min(int(numberIn(loaded.metadata, "steps_done")), o.steps) + 1;
        pretrainedSteps = int(numberIn(loaded.metadata, "pretrain_steps"));
        earlierSeconds = numberIn(loaded.metadata, "training_seconds");
        net->to(o.device);
    } else {
        NetworkConfig c;
        c.baseWidth = o.baseWidth;
        net = LesionChangeNet(c);
        net->to(o.device);
        if (o.pretrainSteps > 0) {
            pretrainEncoder(net, pairs, o, log, result);
            if (result.diverged || result.stopped) return result;
            pretrainedSteps = o.pretrainSteps;
        }
    }
    net->train();
    torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(o.learningRate));
    const double budget = o.minutes > 0 ? o.minutes * 60.0 : 0.0;
    ActiveTime active(earlierSeconds);
    double running = 0.0;
    bool first = true;
    auto progressAt = [&](int step, double seconds) {
        return std::max(double(step - 1) / o.steps, budget > 0 ? seconds / budget : 0.0);
    };
    result.seconds = earlierSeconds;
    for (int step = firstStep; step <= o.steps; ++step) {
        const auto stepStart = Clock::now();
        const double seconds = active.total();
        if (budget > 0 && seconds >= budget) {
            result.outOfTime = true;
            break;
        }
        const double progress = progressAt(step, seconds);
        const bool frozen = pretrainedSteps > 0 && progress < o.freezeEncoderFraction;
        for (auto& p : net->encoder()->parameters()) p.set_requires_grad(!frozen);
        const double lr = polyRate(o.learningRate, progress);
        setRate(adam, lr);
        const bool changeEpoch = o.alternateEpochs && ((step - 1) / o.epochSteps) % 2 == 1;
        const auto synthStart = Clock::now();
        const bool real = o.realEvery > 0 && step % o.realEvery == 0;
        const auto b = real ? pairs.nextReal(o.batch) : pairs.next(o.batch, changeEpoch);
        result.realSteps += real;
        result.synthesisSeconds += secondsSince(synthStart);
        NetworkOutput out;
        {
            Autocast cast(o.bf16);
            out = net->forward(b.bl, b.fu);
        }
        auto loss = deepSupervisionLoss(toFloat(out), b.target);
        const double value = loss.item<double>();
        if (!std::isfinite(value)) {
            result.diverged = true;
            break;
        }
        adam.zero_grad();
        loss.backward();
        adam.step();
        running = first ? value : 0.95 * running + 0.05 * value;
        first = false;
        result.stepsDone = step;
        result.lastLoss = running;
        active.addStep(secondsSince(stepStart));
        double valLoss = NAN, valDice = NAN;
        if (!validation.batches.empty() && (step % o.validateEvery == 0 || step == o.steps)) {
            const auto validationStart = Clock::now();
            std::tie(valLoss, valDice) = validation.evaluate(net, o.bf16);
            active.addUncapped(secondsSince(validationStart));
            result.lastValidationDice = valDice;
            if (o.onValidate) o.onValidate(step, valLoss, valDice);
        }
        result.seconds = active.total();
        log.row(step, std::string(frozen ? "frozen-encoder" : "all") + (real ? "+real" : ""), value, lr, result.seconds,
                valLoss, valDice);
        const bool outOfTime = budget > 0 && result.seconds >= budget;
        auto save = [&] {
            log.flush();
            ModelMetadata m = o.metadata;
            m.extra["steps_done"] = std::to_string(step);
            m.extra["pretrain_steps"] = std::to_string(pretrainedSteps);
            m.extra["training_seconds"] = std::to_string(int(result.seconds));
            m.extra["loss_running_mean"] = std::to_string(running);
            m.extra["batch"] = std::to_string(o.batch);
            m.extra["crop"] = std::to_string(pairs.options().crop);
            m.extra["device"] = o.device.str();
            if (std::isfinite(valDice)) m.extra["validation_dice"] = std::to_string(valDice);
            saveWeights(net, m, checkpoint);
            result.checkpoint = checkpoint;
        };
        const bool due = step % o.checkpointEvery == 0 || step == o.steps || outOfTime;
        if (due) save();
        const bool stopRequested = o.onStep && !o.onStep(step, value, lr);
        if (stopRequested && !due) save();
        if (stopRequested || outOfTime) {
            result.outOfTime = outOfTime;
            result.stopped = stopRequested;
            break;
        }
    }
    return result;
}

}  // namespace lesiondelta::ml
