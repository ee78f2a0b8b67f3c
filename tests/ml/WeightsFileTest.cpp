#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "ScratchFolder.h"
#include "lesiondelta/ml/WeightsFile.h"

using namespace lesiondelta::ml;
namespace fs = std::filesystem;

namespace {

class WeightsFile : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        dir_ = fs::temp_directory_path() / ("lesiondelta-weights-" + std::to_string(rd()));
        fs::create_directories(dir_);
    }
    void TearDown() override { lesiondelta::testing::removeTree(dir_); }
    std::string file(const std::string& name) const { return (dir_ / name).string(); }

    std::string saveSmall(const std::string& name, int width = 4) {
        torch::manual_seed(3);
        NetworkConfig c;
        c.baseWidth = width;
        net_ = LesionChangeNet(c);
        ModelMetadata m;
        m.threshold = 0.45;
        m.trainingData = "synthetic test pairs";
        m.trainingCommand = "none (unit test)";
        m.date = "2026-11-26";
        m.projectVersion = "0.1.0";
        m.extra["note"] = "kept";
        saveWeights(net_, m, file(name));
        return file(name);
    }

    void expectError(const std::string& path, const std::string& problem) {
        try {
            loadWeights(path);
            FAIL() << "loaded " << path;
        } catch (const WeightsError& e) {
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(problem), std::string::npos) << e.what();
        }
    }

    fs::path dir_;
    LesionChangeNet net_{nullptr};
};

TEST_F(WeightsFile, RoundTripGivesIdenticalOutputsAndKeepsMetadata) {
    const auto path = saveSmall("m.safetensors");
    auto loaded = loadWeights(path);
    EXPECT_EQ(loaded.metadata.baseWidth, 4);
    EXPECT_DOUBLE_EQ(loaded.metadata.threshold, 0.45);
    EXPECT_EQ(loaded.metadata.trainingData, "synthetic test pairs");
    EXPECT_EQ(loaded.metadata.extra.at("note"), "kept");
    EXPECT_EQ(loaded.metadata.dataSha256.size(), 64u);
    net_->eval();
    const auto bl = torch::randn({1, 1, 32, 32, 32}), fu = torch::randn({1, 1, 32, 32, 32});
    EXPECT_TRUE(torch::equal(net_->probability(bl, fu), loaded.net->probability(bl, fu)));
}

TEST_F(WeightsFile, HeaderIsSafetensorsLayoutWithLittleEndianLength) {
    const auto path = saveSmall("m.safetensors");
    std::ifstream in(path, std::ios::binary);
    unsigned char len[8];
    in.read(reinterpret_cast<char*>(len), 8);
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | len[i];
    std::string header(n, '\0');
    in.read(header.data(), n);
    EXPECT_EQ(header.front(), '{');
    EXPECT_NE(header.find("\"__metadata__\""), std::string::npos);
    EXPECT_NE(header.find("\"dtype\":\"F32\""), std::string::npos);
    EXPECT_EQ((8 + n) % 8, 0u);
}

TEST_F(WeightsFile, MissingFileIsNamed) { expectError(file("absent.safetensors"), "not found"); }

TEST_F(WeightsFile, TruncatedFileIsRefused) {
    const auto path = saveSmall("m.safetensors");
    fs::resize_file(path, fs::file_size(path) - 100);
    expectError(path, "truncated");
}

TEST_F(WeightsFile, FlippedByteIsACheckSumMismatch) {
    const auto path = saveSmall("m.safetensors");
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(path) - 10));
    f.put('\x7f');
    f.close();
    expectError(path, "checksum mismatch");
}

TEST_F(WeightsFile, TextFileIsNotAWeightsFile) {
    std::ofstream(file("x.safetensors")) << "hello, I am not a model at all";
    expectError(file("x.safetensors"), "not a LesionDelta weights file");
}

TEST_F(WeightsFile, TensorsOfAnotherArchitectureAreRefused) {
    const auto path = saveSmall("m.safetensors", 4);
    // Rewrite the metadata to claim width 8: shapes no longer match.
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    const auto pos = bytes.find("\"base_width\":\"4\"");
    ASSERT_NE(pos, std::string::npos);
    bytes[pos + 14] = '8';
    std::ofstream(file("w8.safetensors"), std::ios::binary) << bytes;
    expectError(file("w8.safetensors"), "does not match the architecture");
}

TEST_F(WeightsFile, OtherArchitectureNameIsRefused) {
    const auto path = saveSmall("m.safetensors", 4);
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    const auto pos = bytes.find("\"architecture\":\"LesionChangeNet\"");
    ASSERT_NE(pos, std::string::npos);
    bytes.replace(pos + 16, 15, "OtherUNet3DNets");
    std::ofstream(file("other.safetensors"), std::ios::binary) << bytes;
    expectError(file("other.safetensors"), "is for architecture 'OtherUNet3DNets'");
}

TEST_F(WeightsFile, MetadataCanBeReadWithoutBuildingTheNetwork) {
    const auto path = saveSmall("m.safetensors");
    const auto m = readWeightsMetadata(path);
    EXPECT_EQ(m.architecture, "LesionChangeNet");
    EXPECT_EQ(m.date, "2026-11-26");
}

}  // namespace
