#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <fstream>
#include <limits>
#include <random>

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
    void TearDown() override { fs::remove_all(dir_); }
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

TEST_F(Trainer, MismatchedPairIsRefused) {
    auto p = cubePair(1);
    p.target.resize(10);
    EXPECT_THROW(train({p}, options(1)), std::invalid_argument);
}

}  // namespace
