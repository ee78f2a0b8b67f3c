// lesiondelta-cli segment / info and the pipeline behind them, with small random-weight models
// (the plumbing is under test here, not accuracy).
#include <gtest/gtest.h>
#include <itkImageIOFactory.h>
#include <itkImageRegionIterator.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "CliRunner.h"
#include "TestImages.h"
#include "lesiondelta/core/ResolutionMatching.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/ml/WeightsFile.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

itk::IOComponentEnum storedType(const std::string& path) {
    auto io = itk::ImageIOFactory::CreateImageIO(path.c_str(), itk::IOFileModeEnum::ReadMode);
    io->SetFileName(path);
    io->ReadImageInformation();
    return io->GetComponentType();
}

class Segment : public ::testing::Test {
protected:
    void SetUp() override {
        // A phantom pair covering 160 x 175 x 120 mm: 3 x 3 x 1 crops of 128 mm.
        auto fu = makeImage<ImageVolume>({64, 70, 30}, {2.5, 2.5, 4.0}, {-80, -87, -58});
        fillPhysical(*fu, headPhantom);
        auto bl = makeImage<ImageVolume>({64, 70, 30}, {2.5, 2.5, 4.0}, {-79, -87, -58});
        fillPhysical(*bl, [](const PhysicalPointLps& p) { return 1.3 * headPhantom(p); });
        std::mt19937 rng(8);
        std::normal_distribution<float> noise(0.0f, 8.0f);  // real scans are never noise-free
        for (auto* image : {fu.GetPointer(), bl.GetPointer()}) {
            for (itk::ImageRegionIterator<ImageVolume> it(image, image->GetBufferedRegion()); !it.IsAtEnd(); ++it) {
                it.Set(it.Get() + noise(rng));
            }
        }
        writeVolume(*fu, dir_.file("fu.nii.gz"));
        writeVolume(*bl, dir_.file("bl.nii.gz"));
        torch::manual_seed(11);
        ml::NetworkConfig c;
        c.baseWidth = 2;
        ml::LesionChangeNet net(c);
        ml::ModelMetadata m;
        m.trainingData = "none: random weights for a plumbing test";
        m.trainingCommand = "SegmentTest";
        m.date = "2026-11-26";
        ml::saveWeights(net, m, dir_.file("model.safetensors"));
    }
    std::string pair() const { return "--bl " + dir_.file("bl.nii.gz") + " --fu " + dir_.file("fu.nii.gz"); }
    /// The phantom pair with the random-weights model, on the CPU.
    SegmentationInput input() const {
        SegmentationInput in;
        in.blPath = dir_.file("bl.nii.gz");
        in.fuPath = dir_.file("fu.nii.gz");
        in.modelPath = dir_.file("model.safetensors");
        in.device = "cpu";
        return in;
    }
    TempDir dir_;
};

TEST_F(Segment, WritesMaskAndProbabilityOnTheFuGridWithASummary) {
    const auto r = cli("segment " + pair() + " --out " + dir_.file("out") + " --model " +
                       dir_.file("model.safetensors") + " --device cpu --quiet");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto fu = readVolume(dir_.file("fu.nii.gz"));
    for (const char* f : {"new_lesions.nii.gz", "probability.nii.gz", "bl_in_fu.nii.gz"}) {
        EXPECT_TRUE(sameGrid(*readVolume(dir_.file(std::string("out/") + f)), *fu)) << f;
    }
    EXPECT_EQ(storedType(dir_.file("out/new_lesions.nii.gz")), itk::IOComponentEnum::UCHAR);
    EXPECT_EQ(storedType(dir_.file("out/probability.nii.gz")), itk::IOComponentEnum::FLOAT);
    EXPECT_EQ(slurp(dir_.file("out/lesions.csv")).rfind("id,voxels,volume_ml", 0), 0u);
    const auto s = nlohmann::json::parse(slurp(dir_.file("out/summary.json")));
    EXPECT_EQ(s["device"].get<std::string>().rfind("cpu", 0), 0u);
    // The default precision is auto: bf16 only where this CPU has native bf16.
    EXPECT_EQ(s["precision"], ml::cpuFeatures().nativeBf16() ? "bf16" : "fp32");
    EXPECT_EQ(s["precision_choice"].get<std::string>().rfind("auto: ", 0), 0u);
    EXPECT_FALSE(s["cpu"].get<std::string>().empty());
    EXPECT_EQ(s["model"]["base_width"], 2);
    EXPECT_EQ(s["model"]["data_sha256"].get<std::string>().size(), 64u);
    // The paper's placement needs 3 x 3 x 1 = 9 crops on this grid; tiles cover the search region
    // with fewer (CropPlacement tests in ml_tests pin the arithmetic).
    EXPECT_EQ(s["inference"]["crop_placement"], "tiles");
    EXPECT_GE(s["inference"]["crops_run"].get<int>(), 1);
    EXPECT_LT(s["inference"]["crops_run"].get<int>() + s["inference"]["crops_skipped_no_head"].get<int>(), 9);
    for (const char* stage : {"load_model_s", "load_images_s", "registration_s", "preprocessing_s", "inference_s",
                              "postprocessing_s", "total_s"}) {
        EXPECT_TRUE(s["timings"].contains(stage)) << stage;
    }
    // Resolution matching is recorded with the tolerance it used and a sigma per grid axis.
    const auto& match = s["resolution_matching"];
    EXPECT_NE(match["rule"].get<std::string>().find(
                  std::to_string(int(std::lround(100 * kDefaultResolutionTolerance))) + " % off"),
              std::string::npos)
        << match.dump();
    EXPECT_EQ(match["bl_sigma_mm"].size(), 3u);
    EXPECT_EQ(match["sharpness_ratio_after"].size(), 3u);
    EXPECT_TRUE(s["timings"]["preprocessing_stages"].contains("resolution_matching_s"));
}

TEST_F(Segment, BaselineDetectorWritesTheSameOutputsAndFindsNothingInAnUnchangedPair) {
    const auto r = cli("baseline " + pair() + " --out " + dir_.file("base") + " --quiet");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto fu = readVolume(dir_.file("fu.nii.gz"));
    for (const char* f : {"new_lesions.nii.gz", "probability.nii.gz", "bl_in_fu.nii.gz"}) {
        EXPECT_TRUE(sameGrid(*readVolume(dir_.file(std::string("base/") + f)), *fu)) << f;
    }
    const auto s = nlohmann::json::parse(slurp(dir_.file("base/summary.json")));
    EXPECT_NE(s["method"].get<std::string>().find("subtraction"), std::string::npos);
    EXPECT_NEAR(s["intensity_gain_bl_to_fu"].get<double>(), 1.0 / 1.3, 0.02);  // BL was 1.3 x FU
    EXPECT_EQ(s["new_lesions"]["count"].get<int>(), 0);
}

TEST_F(Segment, MissingModelFileIsNamed) {
    const auto r =
        cli("segment " + pair() + " --out " + dir_.file("out") + " --model " + dir_.file("absent.safetensors"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(dir_.file("absent.safetensors") + ": weights file not found"), std::string::npos) << r.err;
}

TEST_F(Segment, CorruptModelIsNamedAndNothingIsWritten) {
    std::ofstream(dir_.file("bad.safetensors")) << "garbage";
    const auto r = cli("segment " + pair() + " --out " + dir_.file("out") + " --model " + dir_.file("bad.safetensors"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("bad.safetensors"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir_.file("out/new_lesions.nii.gz")));
}

TEST_F(Segment, CudaRequestedWithoutCudaIsAClearError) {
    if (torch::cuda::is_available()) GTEST_SKIP() << "this machine has CUDA";
    const auto r = cli("segment " + pair() + " --out " + dir_.file("out") + " --model " +
                       dir_.file("model.safetensors") + " --device cuda");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("CUDA was requested"), std::string::npos) << r.err;
}

TEST_F(Segment, WithoutAnyModelTheMessageSaysNoTrainedModelIsInstalled) {
    try {
        findShippedModel();
        GTEST_SKIP() << "a trained model is installed";
    } catch (const VolumeError&) {
    }
    const auto r = cli("segment " + pair() + " --out " + dir_.file("out"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("no trained model is installed"), std::string::npos) << r.err;
}

TEST_F(Segment, CancellingDuringInferenceWritesNothing) {
    SegmentationInput in = input();
    in.progress = [](double, const std::string& stage) { return stage != "inference"; };
    EXPECT_THROW(runSegmentation(in), Cancelled);
    EXPECT_FALSE(std::filesystem::exists(dir_.file("out")));
}

TEST_F(Segment, TheResultCarriesTheSearchRegionOnTheFuGridAndNothingIsMarkedOutsideIt) {
    const auto r = runSegmentation(input());
    ASSERT_TRUE(r.searchRegion);
    EXPECT_TRUE(sameGrid(*r.searchRegion, *r.fu));
    const std::size_t n = r.fu->GetLargestPossibleRegion().GetNumberOfPixels();
    const auto* region = r.searchRegion->GetBufferPointer();
    const auto* probability = r.probability->GetBufferPointer();
    std::size_t inside = 0, markedOutside = 0;
    for (std::size_t i = 0; i < n; ++i) {
        inside += region[i] != 0;
        markedOutside += !region[i] && probability[i] > 0.5f;
    }
    EXPECT_GT(inside, n / 20);  // the phantom's brain without its 5 mm rim
    EXPECT_LT(inside, n / 2);
    EXPECT_EQ(markedOutside, 0u);
}

TEST_F(Segment, InfoPrintsTheModelMetadataAndLibTorchVersion) {
    const auto r = cli("info --model " + dir_.file("model.safetensors"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("LibTorch "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("base width 2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("random weights for a plumbing test"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("data sha256: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("cpu: " + ml::cpuFeatures().model), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("precision auto: auto: "), std::string::npos) << r.out;
}

TEST_F(Segment, ExplicitBf16RunsInBf16WithoutAWarningWhereTheCpuHasNativeBf16) {
    if (!ml::cpuFeatures().nativeBf16()) {
        GTEST_SKIP() << "this CPU (" << ml::cpuFeatures().describe()
                     << ") has no native bf16: bf16 would be emulated and slow (its warning is tested in ml_tests)";
    }
    const auto r = cli("segment " + pair() + " --out " + dir_.file("bf16") + " --model " +
                       dir_.file("model.safetensors") + " --device cpu --precision bf16 --quiet");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // (random weights may trigger the result's plausibility warnings; no precision warning)
    EXPECT_EQ(r.err.find("SLOWER"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("no native bf16"), std::string::npos) << r.err;
    const auto s = nlohmann::json::parse(slurp(dir_.file("bf16/summary.json")));
    EXPECT_EQ(s["precision"], "bf16");
    EXPECT_EQ(s["precision_choice"], "requested: bf16");
}

TEST_F(Segment, UnknownPrecisionIsAUsageError) {
    const auto r = cli("segment " + pair() + " --out " + dir_.file("x") + " --model " + dir_.file("model.safetensors") +
                       " --precision fp16");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--precision must be auto, fp32 or bf16"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir_.file("x")));
}

}  // namespace
