#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <fstream>
#include <limits>
#include <memory>
#include <random>

#include "ScratchFolder.h"
#include "lesiondelta/ml/SingleTimepointNet.h"
#include "lesiondelta/ml/Trainer.h"

using namespace lesiondelta::ml;
namespace fs = std::filesystem;

namespace {

// 32^3 pair: FU has a bright 6^3 cube that BL lacks; the cube is the target.
TrainingPair cubePair(unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 0.1f);
    TrainingPair p;
    p.name = "cube" + std::to_string(seed);
    p.bl.size = p.fu.size = {32, 32, 32};
    p.bl.voxels.resize(p.bl.count());
    p.fu.voxels.resize(p.fu.count());
    p.target.assign(p.fu.count(), 0);
    const int64_t o = 8 + seed % 12;
    for (int64_t z = 0; z < 32; ++z)
        for (int64_t y = 0; y < 32; ++y)
            for (int64_t x = 0; x < 32; ++x) {
                const int64_t i = x + 32 * (y + 32 * z);
                const bool cube = x >= o && x < o + 6 && y >= o && y < o + 6 && z >= 10 && z < 16;
                p.bl.voxels[i] = noise(rng);
                p.fu.voxels[i] = noise(rng) + (cube ? 2.0f : 0.0f);
                p.target[i] = cube;
            }
    return p;
}

class Trainer : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        dir_ = fs::temp_directory_path() / ("lesiondelta-train-" + std::to_string(rd()));
    }
    void TearDown() override { lesiondelta::testing::removeTree(dir_); }
    TrainingOptions options(int steps) const {
        TrainingOptions o;
        o.baseWidth = 2;
        o.patch = 16;
        o.steps = steps;
        o.learningRate = 3e-3;
        o.checkpointEvery = 10;
        o.outFolder = dir_.string();
        o.metadata.trainingData = "cube pairs (unit test)";
        return o;
    }
    fs::path dir_;
};

TEST_F(Trainer, LossFallsOnAnEasyTaskAndACheckpointIsWrittenAndLoads) {
    std::vector<double> losses;
    auto o = options(200);
    o.onStep = [&](int, double loss, double) {
        losses.push_back(loss);
        return true;
    };
    const auto r = train({cubePair(1), cubePair(2), cubePair(3)}, o);
    ASSERT_EQ(r.stepsDone, 200);
    double first = 0, last = 0;
    for (int i = 0; i < 10; ++i) {
        first += losses[i];
        last += losses[190 + i];
    }
    std::cout << "mean loss of the first 10 steps " << first / 10 << ", of the last 10 " << last / 10 << "\n";
    EXPECT_LT(last, first);
    auto model = loadWeights(r.checkpoint);
    // The trained network marks an unseen cube: higher probability inside it than outside.
    const auto test = cubePair(4);
    torch::NoGradGuard noGrad;
    const auto prob = model.net->probability(torch::from_blob(const_cast<float*>(test.bl.voxels.data()), {1, 1, 32, 32, 32}),
                                             torch::from_blob(const_cast<float*>(test.fu.voxels.data()), {1, 1, 32, 32, 32}));
    const auto target = torch::from_blob(const_cast<std::uint8_t*>(test.target.data()), {1, 1, 32, 32, 32}, torch::kUInt8).to(torch::kBool);
    const double inside = prob.masked_select(target).mean().item<double>();
    const double outside = prob.masked_select(target.logical_not()).mean().item<double>();
    std::cout << "mean probability inside the cube " << inside << ", outside " << outside << "\n";
    EXPECT_GT(inside, outside + 0.3);
    EXPECT_EQ(model.metadata.baseWidth, 2);
    EXPECT_EQ(model.metadata.trainingData, "cube pairs (unit test)");
    EXPECT_EQ(model.metadata.extra.at("steps_done"), "200");
    std::ifstream log(dir_ / "training_log.csv");
    int lines = 0;
    for (std::string line; std::getline(log, line);) ++lines;
    EXPECT_EQ(lines, 201);
}

TEST_F(Trainer, LearningRateDecaysPolynomiallyToNearZero) {
    std::vector<double> rates;
    auto o = options(20);
    o.onStep = [&](int, double, double lr) {
        rates.push_back(lr);
        return true;
    };
    train({cubePair(1)}, o);
    EXPECT_DOUBLE_EQ(rates.front(), 3e-3);
    EXPECT_NEAR(rates.back(), 3e-3 * std::pow(1.0 / 20, 0.9), 1e-12);
    for (std::size_t i = 1; i < rates.size(); ++i) EXPECT_LT(rates[i], rates[i - 1]);
}

TEST_F(Trainer, NanLossStopsTrainingAndKeepsTheLastGoodCheckpoint) {
    auto bad = cubePair(1);
    std::fill(bad.fu.voxels.begin(), bad.fu.voxels.end(), std::numeric_limits<float>::quiet_NaN());
    const auto r = train({bad}, options(5));
    EXPECT_TRUE(r.diverged);
    EXPECT_EQ(r.stepsDone, 0);
    EXPECT_FALSE(fs::exists(dir_ / "checkpoint.safetensors"));
}

// A single scan whose cube is its lesion, for pre-training.
TrainingPair cubeScan(unsigned seed) {
    auto p = cubePair(seed);
    p.bl = {};
    return p;
}

std::vector<torch::Tensor> encoderParameters(LesionChangeNet& net) {
    std::vector<torch::Tensor> out;
    for (const auto& p : net->encoder()->parameters()) out.push_back(p.detach().clone());
    return out;
}

TEST(SingleTimepointNet, SegmentsOneScanWithDeepHeadsAndHandsItsEncoderOver) {
    NetworkConfig c;
    c.baseWidth = 2;
    SingleTimepointNet single(c);
    single->train();
    const auto out = single->forward(torch::randn({1, 1, 32, 32, 32}));
    EXPECT_EQ(out.logits.sizes(), (std::vector<int64_t>{1, 1, 32, 32, 32}));
    ASSERT_EQ(out.deepLogits.size(), 2u);
    EXPECT_EQ(out.deepLogits[0].size(2), 16);
    EXPECT_EQ(out.deepLogits[1].size(2), 8);
    LesionChangeNet net(c);
    net->eval();
    single->eval();
    const auto scan = torch::randn({1, 1, 32, 32, 32});
    EXPECT_FALSE(torch::equal(net->encoder()->forward(scan)[4], single->encoder()->forward(scan)[4]));
    copyEncoder(single->encoder(), net->encoder());
    const auto a = net->encoder()->forward(scan), b = single->encoder()->forward(scan);
    for (std::size_t l = 0; l < a.size(); ++l) EXPECT_TRUE(torch::equal(a[l], b[l])) << "level " << l;
    NetworkConfig wider;
    wider.baseWidth = 4;
    LesionChangeNet other(wider);
    EXPECT_THROW(copyEncoder(single->encoder(), other->encoder()), std::invalid_argument);
}

TEST_F(Trainer, PretrainingThenFrozenEncoderThenAllParameters) {
    auto o = options(40);
    o.pretrainSteps = 20;
    o.freezeEncoderFraction = 0.5;
    std::vector<int> steps;
    o.onStep = [&](int step, double, double) {
        steps.push_back(step);
        return true;
    };
    o.checkpointEvery = 20;
    const auto pairs = std::vector<TrainingPair>{cubePair(1), cubePair(2)};
    // Stop after the frozen half to compare the encoder with the one pre-training left.
    o.steps = 40;
    auto stopAt20 = o;
    stopAt20.onStep = [&](int step, double, double) {
        steps.push_back(step);
        return step < 20;
    };
    const auto r = train(pairs, stopAt20, {cubeScan(5), cubeScan(6)});
    ASSERT_EQ(r.stepsDone, 20);
    ASSERT_EQ(steps.front(), -20);
    EXPECT_EQ(std::count_if(steps.begin(), steps.end(), [](int s) { return s < 0; }), 20);
    auto afterFrozen = loadWeights(r.checkpoint);
    EXPECT_EQ(afterFrozen.metadata.extra.at("pretrain_steps"), "20");
    // Resuming runs the remaining 20 steps with the encoder trainable: it changes.
    auto resume = options(40);
    resume.resumeFrom = r.checkpoint;
    resume.checkpointEvery = 20;
    const auto before = encoderParameters(afterFrozen.net);
    std::vector<int> resumed;
    resume.onStep = [&](int step, double, double) {
        resumed.push_back(step);
        return true;
    };
    const auto r2 = train(pairs, resume);
    EXPECT_EQ(resumed.front(), 21);
    EXPECT_EQ(r2.stepsDone, 40);
    auto finished = loadWeights(r2.checkpoint);
    const auto after = encoderParameters(finished.net);
    bool changed = false;
    for (std::size_t i = 0; i < before.size(); ++i) changed |= !torch::equal(before[i], after[i]);
    EXPECT_TRUE(changed);
    // The log has a header, 20 pre-training rows, 20 frozen rows and 20 rows after resuming.
    std::ifstream log(dir_ / "training_log.csv");
    int pre = 0, frozen = 0, all = 0;
    for (std::string line; std::getline(log, line);) {
        pre += line.find(",pretrain,") != std::string::npos;
        frozen += line.find(",frozen-encoder,") != std::string::npos;
        all += line.find(",all,") != std::string::npos;
    }
    EXPECT_EQ(pre, 20);
    EXPECT_EQ(frozen, 20);
    EXPECT_EQ(all, 20);
}

TEST_F(Trainer, FrozenEncoderDoesNotChangeDuringTheFrozenSteps) {
    auto o = options(10);
    o.pretrainSteps = 3;
    o.freezeEncoderFraction = 1.0;
    o.checkpointEvery = 1;
    std::vector<std::vector<torch::Tensor>> snapshots;
    o.onStep = [&](int step, double, double) {
        if (step > 0) snapshots.push_back(encoderParameters(*std::make_unique<LesionChangeNet>(loadWeights((dir_ / "checkpoint.safetensors").string()).net)));
        return true;
    };
    train({cubePair(1)}, o, {cubeScan(2)});
    ASSERT_EQ(snapshots.size(), 10u);
    for (std::size_t i = 0; i < snapshots[0].size(); ++i) EXPECT_TRUE(torch::equal(snapshots[0][i], snapshots[9][i]));
}

TEST_F(Trainer, ValidationIsLoggedOnItsSteps) {
    auto o = options(20);
    o.validateEvery = 10;
    o.validationCrops = 2;
    std::vector<int> validated;
    o.onValidate = [&](int step, double loss, double dice) {
        validated.push_back(step);
        EXPECT_TRUE(std::isfinite(loss));
        EXPECT_GE(dice, 0.0);
        EXPECT_LE(dice, 1.0);
    };
    const auto r = train({cubePair(1), cubePair(2)}, o, {}, {cubePair(7)});
    EXPECT_EQ(validated, (std::vector<int>{10, 20}));
    EXPECT_GE(r.lastValidationDice, 0.0);
}

TEST_F(Trainer, PretrainingWithoutScansIsRefused) {
    auto o = options(5);
    o.pretrainSteps = 5;
    EXPECT_THROW(train({cubePair(1)}, o), std::invalid_argument);
}

TEST_F(Trainer, MismatchedPairIsRefused) {
    auto p = cubePair(1);
    p.target.resize(10);
    EXPECT_THROW(train({p}, options(1)), std::invalid_argument);
}

}  // namespace
