// Ctrl-C and SIGTERM on lesiondelta-cli: segment stops at its next step (a registration
// iteration, a CNN crop) with status 130, writes nothing and leaves earlier results untouched.
// The sample case (real 1 mm scans) keeps each stage long enough to be hit; the model has random
// weights (only the plumbing is under test).
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "CliProcess.h"
#include "TestImages.h"
#include "lesiondelta/ml/LesionChangeNet.h"
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

}  // namespace
