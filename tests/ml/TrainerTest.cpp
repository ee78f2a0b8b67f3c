#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <random>

#include "ScratchFolder.h"
#include "TinyAtlas.h"
#include "lesiondelta/ml/ActiveTime.h"
#include "lesiondelta/ml/SingleTimepointNet.h"
#include "lesiondelta/ml/Trainer.h"

using namespace lesiondelta::ml;
namespace fs = std::filesystem;

namespace {

class Trainer : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        dir_ = fs::temp_directory_path() / ("lesiondelta-train-" + std::to_string(rd()));
        atlas_ = lesiondelta::testing::tinyAtlas();
        SynthesisOptions s;
        s.crop = 32;
        pairs_ = std::make_unique<PairSynthesizer>(atlas_, s, torch::kCPU, 11);
        s.heldOut = true;
        heldOut_ = std::make_unique<PairSynthesizer>(atlas_, s, torch::kCPU, 12);
    }
    void TearDown() override { lesiondelta::testing::removeTree(dir_); }
    TrainingOptions options(int steps) const {
        TrainingOptions o;
        o.baseWidth = 2;
        o.steps = steps;
        o.batch = 2;
        o.learningRate = 3e-3;
        o.checkpointEvery = 10;
        o.epochSteps = 5;
        o.outFolder = dir_.string();
        o.metadata.trainingData = "tiny atlas (unit test)";
        return o;
    }
    fs::path dir_;
    TrainingAtlas atlas_;
    std::unique_ptr<PairSynthesizer> pairs_, heldOut_;
};

TEST_F(Trainer, LossFallsAndTheTrainedNetworkFindsChangeInHeldOutPairs) {
    std::vector<double> losses;
    auto o = options(400);
    o.onStep = [&](int, double loss, double) {
        losses.push_back(loss);
        return true;
    };
    // Every pair centred on a clearly visible change: a task a width-2 network learns in seconds.
    SynthesisOptions easy;
    easy.crop = 16;
    easy.stableFraction = 0.0;
    easy.changeCentredFraction = 1.0;
    easy.contrastMin = 0.8;
    PairSynthesizer pairs(atlas_, easy, torch::kCPU, 21);
    const auto r = train(pairs, o);
    ASSERT_EQ(r.stepsDone, 400);
    double first = 0, last = 0;
    for (int i = 0; i < 20; ++i) {
        first += losses[i];
        last += losses[380 + i];
    }
    std::cout << "mean loss of the first 20 steps " << first / 20 << ", of the last 20 " << last / 20 << "\n";
    EXPECT_LT(last, first);
    auto model = loadWeights(r.checkpoint);
    torch::NoGradGuard noGrad;
    easy.heldOut = true;
    easy.crop = 32;
    PairSynthesizer held(atlas_, easy, torch::kCPU, 22);
    const auto b = held.next(4, true);
    const auto prob = model.net->probability(b.bl, b.fu);
    const double inside = prob.masked_select(b.target > 0).mean().item<double>();
    const double outside = prob.masked_select(b.target == 0).mean().item<double>();
    std::cout << "mean probability inside new lesions " << inside << ", outside " << outside << "\n";
    EXPECT_GT(inside, outside + 0.2);
    EXPECT_EQ(model.metadata.baseWidth, 2);
    EXPECT_EQ(model.metadata.trainingData, "tiny atlas (unit test)");
    EXPECT_EQ(model.metadata.extra.at("steps_done"), "400");
    EXPECT_EQ(model.metadata.extra.at("crop"), "16");
    std::ifstream log(dir_ / "training_log.csv");
    int lines = 0;
    for (std::string line; std::getline(log, line);) ++lines;
    EXPECT_EQ(lines, 401);
}

TEST_F(Trainer, LearningRateDecaysPolynomiallyToNearZero) {
    std::vector<double> rates;
    auto o = options(20);
    o.onStep = [&](int, double, double lr) {
        rates.push_back(lr);
        return true;
    };
    train(*pairs_, o);
    EXPECT_DOUBLE_EQ(rates.front(), 3e-3);
    EXPECT_NEAR(rates.back(), 3e-3 * std::pow(1.0 / 20, 0.9), 1e-12);
    for (std::size_t i = 1; i < rates.size(); ++i) EXPECT_LT(rates[i], rates[i - 1]);
}

TEST_F(Trainer, TimeBudgetEndsWithACheckpointAndAResumeContinuesIt) {
    auto o = options(100000);
    o.minutes = 0.05;  // 3 s
    o.checkpointEvery = 100000;
    const auto r = train(*pairs_, o);
    EXPECT_TRUE(r.outOfTime);
    ASSERT_GT(r.stepsDone, 0);
    EXPECT_LT(r.stepsDone, 100000);
    const auto m = readWeightsMetadata(r.checkpoint);
    EXPECT_EQ(m.extra.at("steps_done"), std::to_string(r.stepsDone));
    EXPECT_GE(std::stod(m.extra.at("training_seconds")), 2.0);
    // A budget already spent: nothing more. A larger one: it continues after the last step,
    // with the learning rate of where it stopped.
    auto again = options(100000);
    again.resumeFrom = r.checkpoint;
    again.minutes = 0.05;
    const auto spent = train(*pairs_, again);
    EXPECT_TRUE(spent.outOfTime);
    std::vector<std::pair<int, double>> steps;
    again.minutes = 0.2;
    again.onStep = [&](int step, double, double lr) {
        steps.emplace_back(step, lr);
        return true;
    };
    train(*pairs_, again);
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(steps.front().first, r.stepsDone + 1);
    EXPECT_LT(steps.front().second, 3e-3 * 0.9);
}

TEST_F(Trainer, AWidenedRunStartsWithTheNarrowOnesOutput) {
    auto narrowOptions = options(10);
    narrowOptions.outFolder = (dir_ / "narrow").string();
    const auto narrow = train(*pairs_, narrowOptions);
    ASSERT_EQ(narrow.stepsDone, 10);
    auto o = options(2);
    o.baseWidth = 4;
    o.widenFrom = narrow.checkpoint;
    o.widenNoise = 0.0;
    o.learningRate = 0.0;  // the two steps leave the widened weights as they are
    std::vector<int> steps;
    o.onStep = [&](int step, double, double) {
        steps.push_back(step);
        return true;
    };
    const auto wide = train(*pairs_, o);
    EXPECT_EQ(steps, (std::vector<int>{1, 2}));  // a new run
    auto a = loadWeights(narrow.checkpoint), b = loadWeights(wide.checkpoint);
    EXPECT_EQ(b.metadata.baseWidth, 4);
    a.net->eval();
    b.net->eval();
    torch::manual_seed(5);
    const auto bl = torch::randn({1, 1, 32, 32, 32}), fu = torch::randn({1, 1, 32, 32, 32});
    EXPECT_TRUE(torch::allclose(a.net->probability(bl, fu), b.net->probability(bl, fu), 1e-4, 1e-5));
    // Widening and resuming at once is refused; so is a width the narrow one does not divide.
    o.resumeFrom = wide.checkpoint;
    EXPECT_THROW(train(*pairs_, o), std::invalid_argument);
    o.resumeFrom.clear();
    o.baseWidth = 3;
    EXPECT_THROW(train(*pairs_, o), std::invalid_argument);
}

TEST_F(Trainer, NanLossStopsTrainingAndKeepsTheLastGoodCheckpoint) {
    auto atlas = lesiondelta::testing::tinyAtlas();
    for (auto& s : atlas.scans) s.flair.fill_(std::numeric_limits<float>::quiet_NaN());
    SynthesisOptions so;
    so.crop = 32;
    PairSynthesizer bad(atlas, so, torch::kCPU, 1);
    const auto r = train(bad, options(5));
    EXPECT_TRUE(r.diverged);
    EXPECT_EQ(r.stepsDone, 0);
    EXPECT_FALSE(fs::exists(dir_ / "checkpoint.safetensors"));
}

TEST_F(Trainer, AStopRequestWritesACheckpointOfThatStepEvenBetweenCheckpoints) {
    auto o = options(40);
    o.checkpointEvery = 100;
    o.onStep = [](int step, double, double) { return step < 7; };
    const auto r = train(*pairs_, o);
    EXPECT_TRUE(r.stopped);
    EXPECT_FALSE(r.outOfTime);
    EXPECT_EQ(r.stepsDone, 7);
    ASSERT_FALSE(r.checkpoint.empty());
    EXPECT_EQ(loadWeights(r.checkpoint).metadata.extra.at("steps_done"), "7");
    // A stop during pre-training ends the run before step 1 and leaves no checkpoint that would
    // claim the pre-training done.
    fs::remove(r.checkpoint);
    auto pre = options(40);
    pre.pretrainSteps = 5;
    pre.onStep = [](int step, double, double) { return step < -3; };
    const auto p = train(*pairs_, pre);
    EXPECT_TRUE(p.stopped);
    EXPECT_EQ(p.stepsDone, 0);
    EXPECT_TRUE(p.checkpoint.empty());
    EXPECT_FALSE(fs::exists(dir_ / "checkpoint.safetensors"));
}

TEST_F(Trainer, UnwritableCheckpointIsAnErrorNamingIt) {
    fs::create_directories(dir_ / "checkpoint.safetensors" / "busy");
    try {
        train(*pairs_, options(2));
        FAIL() << "no error";
    } catch (const WeightsError& e) {
        EXPECT_NE(std::string(e.what()).find("checkpoint.safetensors"), std::string::npos) << e.what();
    }
}

TEST_F(Trainer, Bf16OnTheCpuAndAnEmptyBatchAreRefused) {
    auto o = options(1);
    o.bf16 = true;
    EXPECT_THROW(train(*pairs_, o), std::invalid_argument);
    o.bf16 = false;
    o.batch = 0;
    EXPECT_THROW(train(*pairs_, o), std::invalid_argument);
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
    // Stop after the frozen half to compare the encoder with the one pre-training left.
    o.steps = 40;
    auto stopAt20 = o;
    stopAt20.onStep = [&](int step, double, double) {
        steps.push_back(step);
        return step < 20;
    };
    const auto r = train(*pairs_, stopAt20);
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
    const auto r2 = train(*pairs_, resume);
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
        if (step > 0)
            snapshots.push_back(encoderParameters(
                *std::make_unique<LesionChangeNet>(loadWeights((dir_ / "checkpoint.safetensors").string()).net)));
        return true;
    };
    train(*pairs_, o);
    ASSERT_EQ(snapshots.size(), 10u);
    for (std::size_t i = 0; i < snapshots[0].size(); ++i) EXPECT_TRUE(torch::equal(snapshots[0][i], snapshots[9][i]));
}

TEST_F(Trainer, ValidationIsLoggedOnItsSteps) {
    auto o = options(20);
    o.validateEvery = 10;
    o.validationPairs = 2;
    std::vector<int> validated;
    o.onValidate = [&](int step, double loss, double dice) {
        validated.push_back(step);
        EXPECT_TRUE(std::isfinite(loss));
        EXPECT_GE(dice, 0.0);
        EXPECT_LE(dice, 1.0);
    };
    const auto r = train(*pairs_, o, heldOut_.get());
    EXPECT_EQ(validated, (std::vector<int>{10, 20}));
    EXPECT_GE(r.lastValidationDice, 0.0);
}

TEST_F(Trainer, RealStepsComeFromTheAtlasRealPairsAtTheirRate) {
    auto o = options(6);
    o.realEvery = 3;
    EXPECT_THROW(train(*pairs_, o), std::invalid_argument);  // the tiny atlas has no real pair
    const auto withReal = lesiondelta::testing::withRealPair(atlas_);
    SynthesisOptions s;
    s.crop = 32;
    PairSynthesizer pairs(withReal, s, torch::kCPU, 11);
    const auto r = train(pairs, o);
    EXPECT_EQ(r.stepsDone, 6);
    EXPECT_EQ(r.realSteps, 2);  // steps 3 and 6
    std::ifstream log(dir_ / "training_log.csv");
    std::vector<int> realRows;
    for (std::string line; std::getline(log, line);)
        if (line.find("+real,") != std::string::npos) realRows.push_back(std::stoi(line));
    EXPECT_EQ(realRows, (std::vector<int>{3, 6}));
    o.realEvery = -1;
    EXPECT_THROW(train(pairs, o), std::invalid_argument);
}

}  // namespace

TEST(ActiveTime, APausedStepCountsAsFourRecentMediansAndEarlierTimeCarriesOver) {
    ActiveTime t(100.0);  // earlier sessions
    for (int i = 0; i < 10; ++i) t.addStep(2.0);
    EXPECT_DOUBLE_EQ(t.total(), 120.0);
    t.addStep(3600.0);  // stopped for an hour during this step
    EXPECT_DOUBLE_EQ(t.total(), 128.0);
    t.addStep(3.0);  // slower steps still count in full
    t.addUncapped(30.0);
    EXPECT_DOUBLE_EQ(t.total(), 161.0);
    ActiveTime fresh(0.0);
    fresh.addStep(50.0);  // too few steps to know what is normal: counted as measured
    EXPECT_DOUBLE_EQ(fresh.total(), 50.0);
}
