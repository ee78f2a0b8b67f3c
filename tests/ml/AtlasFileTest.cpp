// The tensor file layout and the training atlas file: round trips and every kind of bad file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "ScratchFolder.h"
#include "TinyAtlas.h"
#include "lesiondelta/ml/TensorFile.h"
#include "lesiondelta/ml/TrainingAtlas.h"
#include "lesiondelta/ml/WeightsFile.h"

using namespace lesiondelta::ml;
namespace fs = std::filesystem;

namespace {

class AtlasFile : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        dir_ = fs::temp_directory_path() / ("lesiondelta-atlas-" + std::to_string(rd()));
        fs::create_directories(dir_);
    }
    void TearDown() override { lesiondelta::testing::removeTree(dir_); }
    std::string file(const std::string& name) const { return (dir_ / name).string(); }
    void expectError(const std::string& path, const std::string& text) {
        try {
            loadAtlas(path);
            FAIL() << "no error for " << path;
        } catch (const WeightsError& e) {
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
        }
    }
    fs::path dir_;
};

TEST_F(AtlasFile, TensorFileKeepsEveryDtypeAndTheMetadata) {
    std::map<std::string, torch::Tensor> t{{"f32", torch::randn({3, 4})},
                                           {"f16", torch::randn({5}).to(torch::kFloat16)},
                                           {"u8", torch::randint(0, 255, {7}).to(torch::kUInt8)},
                                           {"i32", torch::randint(-9, 9, {2, 2}).to(torch::kInt32)}};
    writeTensorFile(file("t.safetensors"), "test-format", "3", t, {{"note", "hello"}});
    const auto c = readTensorFile(file("t.safetensors"), "test-format", "3");
    ASSERT_EQ(c.tensors.size(), 4u);
    for (const auto& [name, tensor] : t) {
        EXPECT_EQ(c.tensors.at(name).scalar_type(), tensor.scalar_type()) << name;
        EXPECT_TRUE(torch::equal(c.tensors.at(name), tensor)) << name;
    }
    EXPECT_EQ(c.metadata.at("note"), "hello");
    EXPECT_EQ(c.metadata.at("data_sha256").size(), 64u);
    try {
        readTensorFile(file("t.safetensors"), "test-format", "4");
        FAIL();
    } catch (const WeightsError& e) {
        EXPECT_NE(std::string(e.what()).find("version 3; this program reads version 4"), std::string::npos) << e.what();
    }
    EXPECT_THROW(readTensorFile(file("t.safetensors"), "other-format", "3"), WeightsError);
}

TEST_F(AtlasFile, RoundTripKeepsScansBankAndFlags) {
    const auto atlas = lesiondelta::testing::tinyAtlas(48);
    saveAtlas(atlas, file("a.safetensors"));
    const auto back = loadAtlas(file("a.safetensors"));
    ASSERT_EQ(back.scans.size(), atlas.scans.size());
    EXPECT_EQ(back.description, "tiny test atlas");
    for (std::size_t i = 0; i < atlas.scans.size(); ++i) {
        const auto &s = atlas.scans[i], &b = back.scans[i];
        EXPECT_EQ(b.name, s.name);
        EXPECT_EQ(b.mni, s.mni);
        EXPECT_EQ(b.heldOut, s.heldOut);
        EXPECT_EQ(b.ownLesions, s.ownLesions);
        EXPECT_TRUE(torch::equal(b.brain, s.brain)) << s.name;
        // FLAIR in 8 bits over its range: within half a step.
        const double step = (s.flair.max().item<double>() - s.flair.min().item<double>()) / 255.0;
        EXPECT_LE((b.flair - s.flair).abs().max().item<double>(), 0.5 * step + 1e-5) << s.name;
    }
    ASSERT_EQ(back.bank.size(), atlas.bank.size());
    for (std::size_t i = 0; i < atlas.bank.size(); ++i) {
        EXPECT_EQ(back.bank[i].source, atlas.bank[i].source);
        EXPECT_EQ(back.bank[i].mniOrigin, atlas.bank[i].mniOrigin);
        EXPECT_EQ(back.bank[i].voxels, atlas.bank[i].voxels);
        EXPECT_EQ(back.bank[i].heldOut, atlas.bank[i].heldOut);
        EXPECT_TRUE(torch::equal(back.bank[i].mask, atlas.bank[i].mask));
    }
    // Compact: one byte per FLAIR voxel, one bit per brain voxel, plus the header and bank.
    EXPECT_LT(fs::file_size(file("a.safetensors")), 3 * 48 * 48 * 48 * 1.2 + 60000);
}

TEST_F(AtlasFile, RealPairsRoundTripAndOlderAtlasesHaveNone) {
    const auto plain = lesiondelta::testing::tinyAtlas(48);
    saveAtlas(plain, file("plain.safetensors"));
    EXPECT_TRUE(loadAtlas(file("plain.safetensors")).realPairs.empty());
    const auto atlas = lesiondelta::testing::withRealPair(plain, 48);
    saveAtlas(atlas, file("real.safetensors"));
    const auto back = loadAtlas(file("real.safetensors"));
    ASSERT_EQ(back.realPairs.size(), 1u);
    const auto &r = atlas.realPairs[0], &b = back.realPairs[0];
    EXPECT_EQ(b.name, "longitudinal/t");
    EXPECT_TRUE(torch::equal(b.target, r.target));
    EXPECT_TRUE(torch::equal(b.region, r.region));
    EXPECT_GT(b.target.sum().item<int64_t>(), 20);
    for (const auto& [x, y] : {std::pair{b.bl, r.bl}, std::pair{b.fu, r.fu}}) {
        const double step = (y.max().item<double>() - y.min().item<double>()) / 255.0;
        EXPECT_LE((x - y).abs().max().item<double>(), 0.5 * step + 1e-5);
    }
    // Two bytes and two bits a voxel more.
    EXPECT_LT(fs::file_size(file("real.safetensors")),
              fs::file_size(file("plain.safetensors")) + 48 * 48 * 48 * 2.3 + 2000);
}

TEST_F(AtlasFile, BadFilesAreRefusedWithTheirProblem) {
    saveAtlas(lesiondelta::testing::tinyAtlas(32), file("a.safetensors"));
    expectError(file("absent.safetensors"), "not found");
    // Truncated.
    const auto bytes = fs::file_size(file("a.safetensors"));
    fs::copy_file(file("a.safetensors"), file("short.safetensors"));
    fs::resize_file(file("short.safetensors"), bytes - 100);
    expectError(file("short.safetensors"), "truncated");
    // A flipped byte in the data.
    fs::copy_file(file("a.safetensors"), file("flipped.safetensors"));
    {
        std::fstream f(file("flipped.safetensors"), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(std::streamoff(bytes - 10));
        f.put(char(0x5a));
    }
    expectError(file("flipped.safetensors"), "checksum");
    // A weights file is not an atlas; an atlas of another version is named as such.
    writeTensorFile(file("weights.safetensors"), "lesiondelta-weights", "1", {{"x", torch::zeros({1})}}, {});
    expectError(file("weights.safetensors"), "is not a lesiondelta-atlas file");
    writeTensorFile(file("v9.safetensors"), kAtlasFormat, "9", {{"x", torch::zeros({1})}}, {});
    expectError(file("v9.safetensors"), "version 9");
    std::ofstream(file("text.safetensors")) << "not an atlas at all";
    expectError(file("text.safetensors"), "not a lesiondelta-atlas file");
}

TEST_F(AtlasFile, AFailedWriteKeepsTheEarlierFileAndLeavesNoTemporary) {
    saveAtlas(lesiondelta::testing::tinyAtlas(32), file("a.safetensors"));
    const auto before = fs::file_size(file("a.safetensors"));
    // The target is a non-empty folder: the final rename fails (also as root).
    fs::create_directories(dir_ / "busy" / "x");
    EXPECT_THROW(saveAtlas(lesiondelta::testing::tinyAtlas(32), (dir_ / "busy").string()), WeightsError);
    EXPECT_EQ(fs::file_size(file("a.safetensors")), before);
    for (const auto& e : fs::directory_iterator(dir_))
        EXPECT_EQ(e.path().filename().string().find(".ld-tmp"), std::string::npos);
}

}  // namespace
