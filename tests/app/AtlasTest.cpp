// lesiondelta-cli atlas on the shared real data (skips without it): one compact file, the
// held-out split, and bank lesions whose MNI positions land on the real lesions of the MNI scans.
#include <gtest/gtest.h>

#include <filesystem>

#include "CliRunner.h"
#include "TestImages.h"
#include "lesiondelta/ml/TrainingAtlas.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
namespace fs = std::filesystem;

TEST(AtlasRealData, OneCompactFileWhoseMniLesionsSitOnTheRealLesions) {
    const fs::path data = LESIONDELTA_SHARED_DATA;
    if (!fs::exists(data / "ljubljana-lesion-masks")) GTEST_SKIP() << data << " (shared real data) not found";
    TempDir dir;
    const auto r = cli("atlas --data " + data.string() + " --out " + dir.file("atlas.safetensors"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_LT(fs::file_size(dir.file("atlas.safetensors")), 40u << 20);
    const auto atlas = ml::loadAtlas(dir.file("atlas.safetensors"));
    ASSERT_EQ(atlas.scans.size(), 6u);
    int heldOut = 0;
    for (const auto& s : atlas.scans) {
        heldOut += s.heldOut;
        EXPECT_EQ(s.heldOut, s.name == "mni/patient26") << s.name;
        EXPECT_GT(s.brain.sum().item<double>(), 500000.0)
            << s.name << ": at least 0.5 l of brain (raw scans cover 11-14 cm)";
    }
    EXPECT_EQ(heldOut, 1);
    EXPECT_GT(atlas.bank.size(), 2000u);
    // Each MNI scan's own lesions, placed by their MNI positions, are brighter than its tissue.
    for (const auto& s : atlas.scans) {
        if (!s.mni) continue;
        double inside = 0, voxels = 0;
        for (const auto& l : atlas.bank) {
            if (l.source != s.ownLesions) continue;
            std::array<int64_t, 3> c;
            for (int a = 0; a < 3; ++a) c[a] = l.mniOrigin[a] - s.mniCropStart[a];
            auto view = s.flair.slice(0, c[0], c[0] + l.mask.size(0))
                            .slice(1, c[1], c[1] + l.mask.size(1))
                            .slice(2, c[2], c[2] + l.mask.size(2));
            ASSERT_EQ(view.sizes(), l.mask.sizes()) << s.name;
            inside += view.masked_select(l.mask.to(torch::kBool)).sum().item<double>();
            voxels += l.voxels;
        }
        ASSERT_GT(voxels, 0) << s.name;
        EXPECT_GT(inside / voxels, s.tissueMedian + 1.0) << s.name << ": lesion mean z " << inside / voxels;
        EXPECT_GT(s.lesionContrast, 1.0) << s.name;
    }
}
