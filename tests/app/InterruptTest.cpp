// Ctrl-C and SIGTERM on lesiondelta-cli: segment stops at its next step (a registration
// iteration, a CNN crop) with status 130, writes nothing and leaves earlier results untouched.
// The sample case (real 1 mm scans) keeps each stage long enough to be hit; the model has random
// weights (only the plumbing is under test). Training (lesiondelta-cli train and the LibTorch-only
// lesiondelta-train) stops after its current step instead, with a checkpoint of that step.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <regex>

#include "CliProcess.h"
#include "TestImages.h"
#include "TinyAtlas.h"
#include "lesiondelta/ml/LesionChangeNet.h"
#include "lesiondelta/ml/TrainingAtlas.h"
#include "lesiondelta/ml/WeightsFile.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

class Interrupt : public ::testing::TestWithParam<std::pair<const char*, int>> {
protected:
    void SetUp() override {
        sample_ = LESIONDELTA_SAMPLE_DIR;
        if (!fs::exists(sample_ / "study1_FLAIR.nii.gz")) GTEST_SKIP() << "no sample case";
        torch::manual_seed(3);
        ml::NetworkConfig c;
        c.baseWidth = 2;
        ml::LesionChangeNet net(c);
        ml::ModelMetadata m;
        m.trainingData = "none: random weights for a plumbing test";
        ml::saveWeights(net, m, dir_.file("model.safetensors"));
        // An earlier result in the output folder must survive an interrupted run.
        fs::create_directories(dir_.file("out"));
        std::ofstream(dir_.file("out/summary.json")) << "{\"earlier\": true}\n";
    }
    fs::path sample_;
    TempDir dir_;
};

TEST_P(Interrupt, SegmentStopsAtTheNextStepAndWritesNothing) {
    const auto [stage, sig] = GetParam();
    CliProcess p({"segment", "--bl", (sample_ / "study1_FLAIR.nii.gz").string(), "--fu",
                  (sample_ / "study2_FLAIR.nii.gz").string(), "--model", dir_.file("model.safetensors"), "--device",
                  "cpu", "--out", dir_.file("out")},
                 dir_.file("stdout"), dir_.file("stderr"));
    ASSERT_TRUE(p.started());
    ASSERT_TRUE(p.waitForErr(std::string("] ") + stage, 120s)) << "never reached " << stage << ":\n" << p.err();
    const auto signalled = std::chrono::steady_clock::now();
    p.signal(sig);
    ASSERT_TRUE(p.finished(20s)) << "still running 20 s after the signal:\n" << p.err();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count();
    std::cout << stage << ": stopped " << seconds << " s after signal " << sig << "\n";
    EXPECT_EQ(p.exitCode(), 130) << p.err();
    EXPECT_NE(p.err().find("interrupted: stopped before writing anything"), std::string::npos) << p.err();
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir_.file("out"))) files.push_back(e.path().filename().string());
    EXPECT_EQ(files, std::vector<std::string>{"summary.json"});
    EXPECT_EQ(slurp(dir_.file("out/summary.json")), "{\"earlier\": true}\n");
}

INSTANTIATE_TEST_SUITE_P(
    Stages, Interrupt, ::testing::Values(std::make_pair("registration", SIGINT), std::make_pair("inference", SIGTERM)),
    [](const auto& info) {
        return std::string(info.param.first) + (info.param.second == SIGINT ? "ByCtrlC" : "BySigterm");
    });

// A long run (checkpoints every 1000 steps) signalled after step 10: it ends within seconds
// with status 130, a checkpoint of the step it was on, and a note saying how to continue.
class TrainInterrupt : public ::testing::TestWithParam<std::pair<const char*, int>> {};

TEST_P(TrainInterrupt, StopsAfterTheCurrentStepWithACheckpointOfIt) {
    const auto [program, sig] = GetParam();
    TempDir dir;
    ml::saveAtlas(lesiondelta::testing::tinyAtlas(), dir.file("atlas.safetensors"));
    std::vector<std::string> args{"--atlas",
                                  dir.file("atlas.safetensors"),
                                  "--out",
                                  dir.file("run"),
                                  "--device",
                                  "cpu",
                                  "--width",
                                  "2",
                                  "--crop",
                                  "32",
                                  "--steps",
                                  "100000",
                                  "--checkpoint-every",
                                  "1000",
                                  "--validation-pairs",
                                  "0"};
    if (std::string(program) == LESIONDELTA_CLI) args.insert(args.begin(), "train");
    CliProcess p(args, dir.file("stdout"), dir.file("stderr"), program);
    ASSERT_TRUE(p.started());
    ASSERT_TRUE(p.waitForErr("step 10 ", 120s)) << "never reached step 10:\n" << p.err();
    p.signal(sig);
    ASSERT_TRUE(p.finished(30s)) << "still running 30 s after the signal:\n" << p.err();
    EXPECT_EQ(p.exitCode(), 130) << p.err();
    const std::string out = slurp(dir.file("stdout"));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m,
                                  std::regex("stopped on request after step ([0-9]+); wrote (.+) \\(continue "
                                             "with --resume auto\\)")))
        << out << p.err();
    const int step = std::stoi(m[1]);
    EXPECT_GE(step, 10);
    EXPECT_LT(step, 1000);
    const auto saved = ml::loadWeights(m[2].str());
    EXPECT_EQ(saved.metadata.extra.at("steps_done"), m[1].str());
}

INSTANTIATE_TEST_SUITE_P(Programs, TrainInterrupt,
                         ::testing::Values(std::make_pair(LESIONDELTA_CLI, SIGINT),
                                           std::make_pair(LESIONDELTA_TRAIN, SIGTERM)),
                         [](const auto& info) {
                             return std::string(info.index == 0 ? "CliTrainByCtrlC" : "LesiondeltaTrainBySigterm");
                         });

}  // namespace
