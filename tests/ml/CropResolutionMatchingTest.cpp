// Resolution matching of synthetic crop pairs (ml/CropResolutionMatching) on a smooth random
// texture whose two visits are blurred along different axes, as thick slices along different axes
// blur them; and the synthesis applying it when asked.
#include <gtest/gtest.h>

#include <cmath>

#include "TinyAtlas.h"
#include "TorchPhantoms.h"
#include "lesiondelta/ml/CropResolutionMatching.h"
#include "lesiondelta/ml/PairSynthesizer.h"

using namespace lesiondelta::ml;

namespace {

constexpr int64_t kN = 48;

using lesiondelta::testing::gaussianAlong;

torch::Tensor texture(uint64_t seed) { return lesiondelta::testing::smoothTexture(kN, seed); }

torch::Tensor acquired(const torch::Tensor& truth, int axis, double sigma, double noiseSd) {
    return gaussianAlong(truth, axis, sigma) + noiseSd * torch::randn_like(truth);
}

torch::Tensor inner() {
    auto m = torch::zeros({1, 1, kN, kN, kN});
    m.narrow(2, 6, kN - 12).narrow(3, 6, kN - 12).narrow(4, 6, kN - 12).fill_(1);
    return m;
}

TEST(CropResolutionMatching, SharpnessFallsAlongTheBlurredAxis) {
    const auto truth = texture(1);
    const auto s = cropAxisSharpness(acquired(truth, 0, 1.2, 0.0), inner());
    EXPECT_LT(s[0], s[1] / 1.15);
    EXPECT_LT(s[0], s[2] / 1.15);
    EXPECT_NEAR(s[1] / s[2], 1.0, 0.15);
}

TEST(CropResolutionMatching, VisitsBlurredAlongDifferentAxesAreBroughtToOneResolution) {
    const auto truth = texture(2);
    auto bl = acquired(truth, 0, 1.2, 0.03);  // BL thick along z
    auto fu = acquired(truth, 2, 1.0, 0.02);  // FU thick along x
    const auto before = torch::stack({bl, fu});
    const auto r = matchCropResolution(bl, fu, inner());
    ASSERT_TRUE(r.changed());
    EXPECT_GT(r.fuSigmaVoxels[0], 0.6);  // FU blurred along z as BL is
    EXPECT_LT(r.fuSigmaVoxels[0], 1.8);
    EXPECT_GT(r.blSigmaVoxels[2], 0.5);  // BL blurred along x as FU is
    EXPECT_LT(r.blSigmaVoxels[2], 1.6);
    EXPECT_EQ(r.blSigmaVoxels[0], 0.0);
    EXPECT_EQ(r.fuSigmaVoxels[2], 0.0);
    EXPECT_EQ(r.blSigmaVoxels[1], 0.0);
    EXPECT_EQ(r.fuSigmaVoxels[1], 0.0);
    EXPECT_GT(r.ratioBefore[0], r.ratioBefore[1] * 1.15);
    EXPECT_LT(r.ratioBefore[2], r.ratioBefore[1] / 1.15);
    for (int a = 0; a < 3; ++a) EXPECT_NEAR(r.ratioAfter[a] / r.ratioAfter[1], 1.0, 0.1) << "axis " << a;
    // What the ratios say is what the returned scans show.
    const auto blAfter = cropAxisSharpness(bl, inner()), fuAfter = cropAxisSharpness(fu, inner());
    for (int a = 0; a < 3; ++a) EXPECT_NEAR(fuAfter[a] / blAfter[a], r.ratioAfter[a], 0.05 * r.ratioAfter[a]);
    EXPECT_FALSE(torch::equal(before, torch::stack({bl, fu})));
}

TEST(CropResolutionMatching, VisitsAlikeButForNoiseAndContrastAreLeftAlone) {
    const auto truth = texture(3);
    auto bl = acquired(truth, 0, 0.8, 0.02);
    auto fu = acquired(truth, 0, 0.8, 0.06) * 1.6 + 0.3;
    const auto blBefore = bl.clone(), fuBefore = fu.clone();
    const auto r = matchCropResolution(bl, fu, inner());
    EXPECT_FALSE(r.changed());
    EXPECT_TRUE(torch::equal(bl, blBefore));
    EXPECT_TRUE(torch::equal(fu, fuBefore));
}

TEST(CropResolutionMatching, AnEmptyMaskLeavesBothAloneAndWrongShapesAreRefused) {
    const auto truth = texture(4);
    auto bl = acquired(truth, 0, 1.5, 0.0), fu = acquired(truth, 2, 1.5, 0.0);
    const auto blBefore = bl.clone();
    EXPECT_FALSE(matchCropResolution(bl, fu, torch::zeros_like(bl)).changed());
    EXPECT_TRUE(torch::equal(bl, blBefore));
    // A mask of the last voxel alone: no neighbour after it along any axis, nothing to measure.
    auto corner = torch::zeros_like(bl);
    corner.index_put_({0, 0, -1, -1, -1}, 1.0f);
    EXPECT_FALSE(matchCropResolution(bl, fu, corner).changed());
    EXPECT_TRUE(torch::equal(bl, blBefore));
    auto small = torch::zeros({1, 1, 8, 8, 8});
    EXPECT_THROW(matchCropResolution(bl, small, inner()), std::invalid_argument);
    EXPECT_THROW(matchCropResolution(bl, fu, torch::ones({1, 1, 8, 8, 8})), std::invalid_argument);
    auto batch = torch::zeros({2, 1, 8, 8, 8});
    EXPECT_THROW(matchCropResolution(batch, batch, batch), std::invalid_argument);
}

TEST(CropResolutionMatching, TheSynthesisMatchesPairsWhenAskedAndSaysSo) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    SynthesisOptions o;
    o.crop = 32;
    o.protocolChangeFraction = 1.0;  // BL sliced along another axis than FU: a mismatch every pair
    o.sliceMinMm = 3.0;
    PairSynthesizer plain(atlas, o, torch::kCPU, 11);
    o.matchResolution = true;
    PairSynthesizer matched(atlas, o, torch::kCPU, 11);
    torch::manual_seed(5);
    const auto a = plain.next(6);
    torch::manual_seed(5);
    const auto b = matched.next(6);
    int described = 0;
    for (const auto& d : a.descriptions) EXPECT_EQ(d.find("matched"), std::string::npos) << d;
    for (const auto& d : b.descriptions) described += d.find("; matched (sigma z/y/x) BL ") != std::string::npos;
    EXPECT_GE(described, 4) << "of 6 pairs sliced along different axes";
    // Matching only blurs: the targets are the same pairs' targets, the images a little smoother.
    EXPECT_TRUE(torch::equal(a.target, b.target));
    const auto detail = [](const torch::Tensor& x) {
        return (x.narrow(2, 1, x.size(2) - 1) - x.narrow(2, 0, x.size(2) - 1)).square().mean().item<double>() +
               (x.narrow(4, 1, x.size(4) - 1) - x.narrow(4, 0, x.size(4) - 1)).square().mean().item<double>();
    };
    EXPECT_LT(detail(b.bl) + detail(b.fu), detail(a.bl) + detail(a.fu));
}

}  // namespace
