#include "lesiondelta/ml/Trainer.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "CropSampler.h"
#include "lesiondelta/ml/SingleTimepointNet.h"

namespace lesiondelta::ml {
namespace {

namespace F = torch::nn::functional;

double polyRate(double base, int step, int steps) { return base * std::pow(1.0 - double(step - 1) / steps, 0.9); }

void setRate(torch::optim::Adam& adam, double lr) {
    for (auto& group : adam.param_groups()) static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
}

double secondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

/// The CSV log: one row per step; validation columns filled on validation steps.
class TrainingLog {
public:
    explicit TrainingLog(const std::filesystem::path& path) {
        const bool fresh = !std::filesystem::exists(path);
        out_.open(path, std::ios::app);
        if (!out_) throw std::invalid_argument("cannot write the training log " + path.string());
        if (fresh) out_ << "step,phase,loss,learning_rate,seconds,val_loss,val_dice\n";
    }
    void row(int step, const char* phase, double loss, double lr, double seconds, double valLoss = NAN,
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

/// Fixed crops of the validation pairs, made once without augmentation.
struct Validation {
    std::vector<Crop> crops;
    std::pair<double, double> evaluate(LesionChangeNet& net) const {
        torch::NoGradGuard noGrad;
        net->eval();
        double loss = 0, overlap = 0, total = 0;
        for (const auto& c : crops) {
            const auto logits = net->forward(c.bl, c.fu).logits;
            loss += segmentationLoss(logits, c.target).item<double>();
            const auto predicted = (logits > 0).to(torch::kFloat);
            overlap += (predicted * c.target).sum().item<double>();
            total += predicted.sum().item<double>() + c.target.sum().item<double>();
        }
        net->train();
        return {loss / double(crops.size()), total > 0 ? 2 * overlap / total : 1.0};
    }
};

int stepsDoneIn(const ModelMetadata& m) {
    const auto it = m.extra.find("steps_done");
    return it == m.extra.end() ? 0 : std::stoi(it->second);
}

void pretrainEncoder(LesionChangeNet& net, const std::vector<TrainingPair>& scans, const TrainingOptions& o,
                     TrainingLog& log, TrainingResult& result) {
    SingleTimepointNet single(net->config());
    single->train();
    CropSampler sampler(scans, o.patch, o.lesionCentredFraction, o.seed + 7919, true);
    torch::optim::Adam adam(single->parameters(), torch::optim::AdamOptions(o.learningRate));
    const auto start = std::chrono::steady_clock::now();
    for (int step = 1; step <= o.pretrainSteps; ++step) {
        const double lr = polyRate(o.learningRate, step, o.pretrainSteps);
        setRate(adam, lr);
        // Two crops per step: a batch of one sends LibTorch's CPU convolutions of the deep levels
        // down a path several times slower than oneDNN's (see LesionChangeNet::forward).
        const Crop a = sampler.next(), b = sampler.next();
        auto loss = deepSupervisionLoss(single->forward(torch::cat({a.fu, b.fu}, 0)), torch::cat({a.target, b.target}, 0));
        const double value = loss.item<double>();
        if (!std::isfinite(value)) {
            result.diverged = true;
            return;
        }
        adam.zero_grad();
        loss.backward();
        adam.step();
        log.row(step - o.pretrainSteps - 1, "pretrain", value, lr, secondsSince(start));
        if (o.onStep && !o.onStep(step - o.pretrainSteps - 1, value, lr)) break;
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

TrainingResult train(const std::vector<TrainingPair>& pairs, const TrainingOptions& o,
                     const std::vector<TrainingPair>& pretrainScans, const std::vector<TrainingPair>& validationPairs) {
    if (pairs.empty()) throw std::invalid_argument("no training pairs");
    if (o.patch % 16 != 0) throw std::invalid_argument("patch size must be a multiple of 16");
    if (o.pretrainSteps > 0 && pretrainScans.empty()) throw std::invalid_argument("pre-training needs scans with lesion masks");
    torch::manual_seed(o.seed);
    CropSampler sampler(pairs, o.patch, o.lesionCentredFraction, o.seed, true);
    Validation validation;
    if (!validationPairs.empty()) {
        CropSampler fixed(validationPairs, o.patch, 0.5, o.seed + 104729, false);
        for (int i = 0; i < o.validationCrops; ++i) validation.crops.push_back(fixed.next());
    }
    std::filesystem::create_directories(o.outFolder);
    const std::string checkpoint = (std::filesystem::path(o.outFolder) / "checkpoint.safetensors").string();
    TrainingLog log(std::filesystem::path(o.outFolder) / "training_log.csv");
    TrainingResult result;

    LesionChangeNet net{nullptr};
    int firstStep = 1;
    bool pretrained = false;
    int pretrainedSteps = 0;
    if (!o.resumeFrom.empty()) {
        auto loaded = loadWeights(o.resumeFrom);
        if (loaded.metadata.baseWidth != o.baseWidth) {
            throw std::invalid_argument("--resume: the checkpoint has width " + std::to_string(loaded.metadata.baseWidth));
        }
        net = loaded.net;
        firstStep = std::min(stepsDoneIn(loaded.metadata), o.steps) + 1;
        if (const auto it = loaded.metadata.extra.find("pretrain_steps"); it != loaded.metadata.extra.end()) {
            pretrainedSteps = std::stoi(it->second);
        }
        pretrained = pretrainedSteps > 0;
    } else {
        NetworkConfig c;
        c.baseWidth = o.baseWidth;
        net = LesionChangeNet(c);
        if (o.pretrainSteps > 0) {
            pretrainEncoder(net, pretrainScans, o, log, result);
            if (result.diverged) return result;
            pretrained = true;
            pretrainedSteps = o.pretrainSteps;
        }
    }
    net->train();
    torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(o.learningRate));
    const int frozenUntil = pretrained ? int(std::lround(o.freezeEncoderFraction * o.steps)) : 0;
    const int epochLength = int(pairs.size());
    const auto start = std::chrono::steady_clock::now();
    double running = 0.0;
    bool first = true;
    for (int step = firstStep; step <= o.steps; ++step) {
        const bool frozen = step <= frozenUntil;
        for (auto& p : net->encoder()->parameters()) p.set_requires_grad(!frozen);
        const double lr = polyRate(o.learningRate, step, o.steps);
        setRate(adam, lr);
        const bool positiveEpoch = o.alternateEpochs && ((step - 1) / epochLength) % 2 == 1;
        const Crop c = sampler.next(positiveEpoch);
        auto loss = deepSupervisionLoss(net->forward(c.bl, c.fu), c.target);
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
        const double seconds = secondsSince(start);
        double valLoss = NAN, valDice = NAN;
        if (!validation.crops.empty() && (step % o.validateEvery == 0 || step == o.steps)) {
            std::tie(valLoss, valDice) = validation.evaluate(net);
            result.lastValidationDice = valDice;
            if (o.onValidate) o.onValidate(step, valLoss, valDice);
        }
        log.row(step, frozen ? "frozen-encoder" : "all", value, lr, seconds, valLoss, valDice);
        if (step % o.checkpointEvery == 0 || step == o.steps) {
            log.flush();
            ModelMetadata m = o.metadata;
            m.extra["steps_done"] = std::to_string(step);
            m.extra["pretrain_steps"] = std::to_string(pretrainedSteps);
            m.extra["training_seconds"] = std::to_string(int(seconds));
            m.extra["loss_running_mean"] = std::to_string(running);
            if (std::isfinite(valDice)) m.extra["validation_dice"] = std::to_string(valDice);
            saveWeights(net, m, checkpoint);
            result.checkpoint = checkpoint;
        }
        if (o.onStep && !o.onStep(step, value, lr)) break;
    }
    return result;
}

}  // namespace lesiondelta::ml
