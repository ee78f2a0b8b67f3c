#include "lesiondelta/ml/Trainer.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

namespace lesiondelta::ml {
namespace {

namespace F = torch::nn::functional;

struct Crop {
    torch::Tensor bl, fu, target;  // [1, 1, P, P, P]
};

template <typename T>
torch::Tensor cropOf(const std::vector<T>& v, const std::array<int64_t, 3>& size, const std::array<int64_t, 3>& start,
                     int64_t p, float pad) {
    auto t = torch::full({1, 1, p, p, p}, pad);
    float* out = t.data_ptr<float>();
    for (int64_t z = 0; z < p; ++z) {
        const int64_t sz = start[2] + z;
        if (sz < 0 || sz >= size[2]) continue;
        for (int64_t y = 0; y < p; ++y) {
            const int64_t sy = start[1] + y;
            if (sy < 0 || sy >= size[1]) continue;
            for (int64_t x = 0; x < p; ++x) {
                const int64_t sx = start[0] + x;
                if (sx < 0 || sx >= size[0]) continue;
                out[x + p * (y + p * z)] = static_cast<float>(v[sx + size[0] * (sy + size[1] * sz)]);
            }
        }
    }
    return t;
}

class Sampler {
public:
    Sampler(const std::vector<TrainingPair>& pairs, const TrainingOptions& o) : pairs_(pairs), o_(o), rng_(o.seed) {
        for (const auto& p : pairs) {
            if (p.bl.size != p.fu.size || int64_t(p.target.size()) != p.fu.count() || p.fu.count() == 0) {
                throw std::invalid_argument("training pair '" + p.name + "': BL, FU and target differ in size");
            }
            std::vector<int64_t> lesionVoxels;
            for (int64_t i = 0; i < int64_t(p.target.size()); ++i) {
                if (p.target[i]) lesionVoxels.push_back(i);
            }
            targets_.push_back(std::move(lesionVoxels));
            padBl_.push_back(*std::min_element(p.bl.voxels.begin(), p.bl.voxels.end()));
            padFu_.push_back(*std::min_element(p.fu.voxels.begin(), p.fu.voxels.end()));
        }
    }

    Crop next() {
        const auto pi = std::uniform_int_distribution<std::size_t>(0, pairs_.size() - 1)(rng_);
        const auto& pair = pairs_[pi];
        const auto& size = pair.fu.size;
        const int64_t p = o_.patch;
        std::array<int64_t, 3> start{};
        const bool centred = !targets_[pi].empty() && std::uniform_real_distribution<>(0, 1)(rng_) < o_.lesionCentredFraction;
        if (centred) {
            const int64_t i = targets_[pi][std::uniform_int_distribution<std::size_t>(0, targets_[pi].size() - 1)(rng_)];
            const int64_t c[3] = {i % size[0], (i / size[0]) % size[1], i / (size[0] * size[1])};
            for (int a = 0; a < 3; ++a) start[a] = c[a] - p / 2 + std::uniform_int_distribution<int64_t>(-p / 4, p / 4)(rng_);
        } else {
            for (int a = 0; a < 3; ++a) start[a] = std::uniform_int_distribution<int64_t>(std::min<int64_t>(0, size[a] - p), std::max<int64_t>(0, size[a] - p))(rng_);
        }
        // One scan shifted by 0-2 voxels per axis: imperfect registration.
        std::array<int64_t, 3> shifted = start;
        for (int a = 0; a < 3; ++a) shifted[a] += std::uniform_int_distribution<int64_t>(-2, 2)(rng_);
        const bool shiftBl = std::uniform_int_distribution<int>(0, 1)(rng_);
        Crop c;
        c.bl = cropOf(pair.bl.voxels, size, shiftBl ? shifted : start, p, padBl_[pi]);
        c.fu = cropOf(pair.fu.voxels, size, shiftBl ? start : shifted, p, padFu_[pi]);
        c.target = cropOf(pair.target, size, shiftBl ? start : shifted, p, 0.0f);
        // Flips about the two axes of the axial plane (x: dim 4, y: dim 3 of [N, C, z, y, x]).
        for (int64_t dim : {int64_t(4), int64_t(3)}) {
            if (std::uniform_int_distribution<int>(0, 1)(rng_)) {
                c.bl = c.bl.flip({dim});
                c.fu = c.fu.flip({dim});
                c.target = c.target.flip({dim});
            }
        }
        // Noise, independently per scan.
        std::normal_distribution<float> sd(0.0f, 0.05f);
        c.bl = c.bl + std::abs(sd(rng_)) * torch::randn_like(c.bl);
        c.fu = c.fu + std::abs(sd(rng_)) * torch::randn_like(c.fu);
        return c;
    }

private:
    const std::vector<TrainingPair>& pairs_;
    const TrainingOptions& o_;
    std::mt19937 rng_;
    std::vector<std::vector<int64_t>> targets_;
    std::vector<float> padBl_, padFu_;
};

}  // namespace

torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target) {
    const auto bce = F::binary_cross_entropy_with_logits(logits, target);
    const auto p = torch::sigmoid(logits);
    const auto dice = 1.0 - (2.0 * (p * target).sum() + 1.0) / (p.sum() + target.sum() + 1.0);
    return bce + dice;
}

TrainingResult train(const std::vector<TrainingPair>& pairs, const TrainingOptions& o) {
    if (pairs.empty()) throw std::invalid_argument("no training pairs");
    if (o.patch % 16 != 0) throw std::invalid_argument("patch size must be a multiple of 16");
    torch::manual_seed(o.seed);
    Sampler sampler(pairs, o);
    LesionChangeNet net{nullptr};
    if (!o.resumeFrom.empty()) {
        net = loadWeights(o.resumeFrom).net;
    } else {
        NetworkConfig c;
        c.baseWidth = o.baseWidth;
        net = LesionChangeNet(c);
    }
    net->train();
    torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(o.learningRate));
    std::filesystem::create_directories(o.outFolder);
    const std::string checkpoint = (std::filesystem::path(o.outFolder) / "checkpoint.safetensors").string();
    std::ofstream log(std::filesystem::path(o.outFolder) / "training_log.csv", std::ios::app);
    log << "step,loss,learning_rate,seconds\n";
    TrainingResult result;
    const auto start = std::chrono::steady_clock::now();
    double running = 0.0;
    for (int step = 1; step <= o.steps; ++step) {
        const double lr = o.learningRate * std::pow(1.0 - double(step - 1) / o.steps, 0.9);
        for (auto& group : adam.param_groups()) static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
        const Crop c = sampler.next();
        const auto out = net->forward(c.bl, c.fu);
        auto loss = segmentationLoss(out.logits, c.target);
        const double weights[2] = {0.5, 0.25};
        torch::Tensor t = c.target;
        for (std::size_t d = 0; d < out.deepLogits.size(); ++d) {
            t = F::max_pool3d(t, F::MaxPool3dFuncOptions(2));
            loss = loss + weights[d] * segmentationLoss(out.deepLogits[d], t);
        }
        const double value = loss.item<double>();
        if (!std::isfinite(value)) {
            result.diverged = true;
            break;
        }
        adam.zero_grad();
        loss.backward();
        adam.step();
        running = step == 1 ? value : 0.95 * running + 0.05 * value;
        result.stepsDone = step;
        result.lastLoss = running;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        log << step << "," << value << "," << lr << "," << seconds << "\n";
        if (step % o.checkpointEvery == 0 || step == o.steps) {
            log.flush();
            ModelMetadata m = o.metadata;
            m.extra["steps_done"] = std::to_string(step);
            m.extra["training_seconds"] = std::to_string(int(seconds));
            m.extra["loss_running_mean"] = std::to_string(running);
            saveWeights(net, m, checkpoint);
            result.checkpoint = checkpoint;
        }
        if (o.onStep && !o.onStep(step, value, lr)) break;
    }
    return result;
}

}  // namespace lesiondelta::ml
