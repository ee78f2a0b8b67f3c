#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "lesiondelta/ml/ChangeSegmenter.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/SlidingWindow.h"

using namespace lesiondelta::ml;

namespace {

VolumeBuffer ramp(std::array<int64_t, 3> size) {
    VolumeBuffer v;
    v.size = size;
    v.voxels.resize(v.count());
    for (int64_t i = 0; i < v.count(); ++i) v.voxels[i] = float((i * 7919) % 1000) / 1000.0f;
    return v;
}

TEST(SlidingWindow, CropStartsAreEvenlySpacedAndCoverTheAxis) {
    EXPECT_EQ(cropStarts(200, 128, 3), (std::vector<int64_t>{0, 36, 72}));
    EXPECT_EQ(cropStarts(129, 128, 3), (std::vector<int64_t>{0, 1}));  // duplicates removed
    EXPECT_EQ(cropStarts(128, 128, 3), (std::vector<int64_t>{0}));
    EXPECT_EQ(cropStarts(90, 128, 3), (std::vector<int64_t>{0}));                 // shorter than a crop: padded
    EXPECT_EQ(cropStarts(400, 128, 3), (std::vector<int64_t>{0, 91, 181, 272}));  // no gaps
}

TEST(SlidingWindow, TileStartsCoverTheRegionWithMarginUsingTheFewestCrops) {
    EXPECT_EQ(tileStarts(230, 40, 180, 128, 16), (std::vector<int64_t>{24, 68}));  // [24, 196): two crops
    EXPECT_EQ(tileStarts(230, 100, 150, 128, 16), (std::vector<int64_t>{61}));     // one crop, centred
    EXPECT_EQ(tileStarts(230, 0, 50, 128, 16), (std::vector<int64_t>{0}));         // clipped at the border
    EXPECT_EQ(tileStarts(128, 0, 128, 128, 16), (std::vector<int64_t>{0}));
    EXPECT_EQ(tileStarts(400, 0, 400, 128, 16), (std::vector<int64_t>{0, 91, 181, 272}));
    EXPECT_TRUE(tileStarts(230, 50, 50, 128, 16).empty());  // empty region: nothing to search
    EXPECT_THROW(tileStarts(230, 0, 230, 128, 64), std::invalid_argument);
    // Every region voxel plus its margin is covered, neighbours overlap by >= 2 x margin, and one
    // crop fewer could not cover the span with that overlap.
    for (int64_t n : {129, 160, 230, 300}) {
        for (int64_t lo = 0; lo < n; lo += 7) {
            for (int64_t hi = lo + 1; hi <= n; hi += 11) {
                const auto s = tileStarts(n, lo, hi, 128, 16);
                ASSERT_FALSE(s.empty());
                const int64_t a = std::max<int64_t>(0, lo - 16), b = std::min(n, hi + 16);
                EXPECT_LE(s.front(), a) << n << " " << lo << " " << hi;
                EXPECT_GE(s.back() + 128, b) << n << " " << lo << " " << hi;
                EXPECT_GE(s.front(), 0);
                EXPECT_LE(s.back() + 128, n);
                for (std::size_t i = 1; i < s.size(); ++i) EXPECT_GE(s[i - 1] + 128 - s[i], 32);
                if (s.size() > 1) {
                    EXPECT_LT(128 + int64_t(s.size() - 2) * 96, b - a) << "one crop fewer would do";
                }
            }
        }
    }
}

TEST(SlidingWindow, TilesPlacementCoversTheSearchRegionWithFewCrops) {
    const auto fu = ramp({60, 40, 30});
    std::vector<std::uint8_t> region(fu.count(), 0);
    for (int64_t z = 5; z < 15; ++z)
        for (int64_t y = 10; y < 20; ++y)
            for (int64_t x = 20; x < 40; ++x) region[x + 60 * (y + 40 * z)] = 1;
    SlidingWindowOptions o;
    o.patch = 16;
    o.margin = 2;
    o.placement = CropPlacement::Tiles;
    o.searchRegion = &region;
    const auto r = slidingWindow(
        fu, fu, [](const torch::Tensor&, const torch::Tensor& f) { return f; }, o);
    EXPECT_EQ(r.cropsRun, 2 * 1 * 1);  // x: [18, 42) needs two crops of 16; y and z one each
    for (int64_t i = 0; i < fu.count(); ++i) {
        if (region[i]) {
            ASSERT_FLOAT_EQ(r.probability[i], fu.voxels[i]) << i;
        }
    }
    o.placement = CropPlacement::Paper;  // the same region, published placement: the whole grid
    EXPECT_EQ(slidingWindow(
                  fu, fu, [](const torch::Tensor&, const torch::Tensor& f) { return f; }, o)
                  .cropsRun,
              4 * 3 * 3);
    std::vector<std::uint8_t> wrongSize(7, 1);
    o.searchRegion = &wrongSize;
    EXPECT_THROW(slidingWindow(
                     fu, fu, [](const torch::Tensor&, const torch::Tensor& f) { return f; }, o),
                 std::invalid_argument);
    EXPECT_EQ(parseCropPlacement("tiles"), CropPlacement::Tiles);
    EXPECT_EQ(cropPlacementName(parseCropPlacement("paper")), "paper");
    EXPECT_THROW(parseCropPlacement("all"), std::invalid_argument);
}

TEST(SlidingWindow, IdentityPredictorReproducesTheInputSoCropsArePlacedCorrectly) {
    const auto fu = ramp({50, 37, 29});
    const auto bl = ramp({50, 37, 29});
    SlidingWindowOptions o;
    o.patch = 16;
    const auto r = slidingWindow(
        bl, fu, [](const torch::Tensor&, const torch::Tensor& f) { return f; }, o);
    EXPECT_EQ(r.cropsRun, 4 * 3 * 3);  // 50 voxels need 4 crops of 16 along x
    for (int64_t i = 0; i < fu.count(); ++i) ASSERT_FLOAT_EQ(r.probability[i], fu.voxels[i]) << i;
}

TEST(SlidingWindow, OverlapsAreMergedByTheMean) {
    // Two crops along x (n = 24, patch 16: starts 0 and 8); crop k predicts the constant k + 1.
    VolumeBuffer v;
    v.size = {24, 16, 16};
    v.voxels.assign(v.count(), 0.0f);
    int calls = 0;
    SlidingWindowOptions o;
    o.patch = 16;
    o.cropsPerAxis = 2;
    o.threshold = 1.4;
    const auto r = slidingWindow(
        v, v, [&](const torch::Tensor& b, const torch::Tensor&) { return torch::full_like(b, float(++calls)); }, o);
    EXPECT_FLOAT_EQ(r.probability[0], 1.0f);   // x = 0: first crop only
    EXPECT_FLOAT_EQ(r.probability[10], 1.5f);  // x = 10: both
    EXPECT_FLOAT_EQ(r.probability[20], 2.0f);  // x = 20: second only
    EXPECT_EQ(r.mask[0], 0);
    EXPECT_EQ(r.mask[10], 1);
}

TEST(SlidingWindow, CropsWithoutHeadAreSkipped) {
    const auto v = ramp({32, 16, 16});
    std::vector<std::uint8_t> head(v.count(), 0);
    for (int64_t z = 0; z < 16; ++z)
        for (int64_t y = 0; y < 16; ++y)
            for (int64_t x = 0; x < 10; ++x) head[x + 32 * (y + 16 * z)] = 1;  // head only at x < 10
    SlidingWindowOptions o;
    o.patch = 16;
    o.headMask = &head;
    const auto r = slidingWindow(
        v, v, [](const torch::Tensor& b, const torch::Tensor&) { return torch::ones_like(b); }, o);
    EXPECT_EQ(r.cropsSkipped, 1);  // the crop at x 16..31
    EXPECT_EQ(r.cropsRun, 2);
    EXPECT_FLOAT_EQ(r.probability[31], 0.0f);
    EXPECT_FLOAT_EQ(r.probability[0], 1.0f);
}

TEST(SlidingWindow, CancellingBetweenCropsStopsWithoutAResult) {
    const auto v = ramp({40, 40, 40});
    SlidingWindowOptions o;
    o.patch = 16;
    int reports = 0;
    o.progress = [&](double, const std::string&) { return ++reports < 3; };
    int predicted = 0;
    EXPECT_THROW(slidingWindow(
                     v, v,
                     [&](const torch::Tensor& b, const torch::Tensor&) {
                         ++predicted;
                         return b;
                     },
                     o),
                 InferenceCancelled);
    EXPECT_EQ(predicted, 2);
}

TEST(SlidingWindow, BadInputIsRefusedWithAClearMessage) {
    auto v = ramp({20, 20, 20});
    auto w = ramp({20, 20, 21});
    auto identity = [](const torch::Tensor& b, const torch::Tensor&) { return b; };
    SlidingWindowOptions o;
    o.patch = 16;
    EXPECT_THROW(slidingWindow(v, w, identity, o), std::invalid_argument);
    v.voxels[5] = std::numeric_limits<float>::quiet_NaN();
    try {
        slidingWindow(v, v, identity, o);
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("NaN"), std::string::npos);
    }
}

TEST(SlidingWindow, VolumeSmallerThanACropIsPaddedAndKeepsItsSize) {
    const auto v = ramp({10, 12, 7});
    SlidingWindowOptions o;
    o.patch = 16;
    const auto r = slidingWindow(
        v, v, [](const torch::Tensor&, const torch::Tensor& f) { return f; }, o);
    EXPECT_EQ(r.cropsRun, 1);
    ASSERT_EQ(r.probability.size(), v.voxels.size());
    EXPECT_FLOAT_EQ(r.probability[v.count() - 1], v.voxels.back());
}

TEST(ChangeSegmenter, RealNetworkOnCpuIsBitIdenticalAcrossRuns) {
    torch::manual_seed(5);
    NetworkConfig c;
    c.baseWidth = 4;
    LoadedModel model{LesionChangeNet(c), {}};
    ChangeSegmenter segmenter(model, chooseDevice("cpu"));
    const auto bl = ramp({40, 36, 20}), fu = ramp({40, 36, 20});
    SlidingWindowOptions o;
    o.patch = 32;
    const auto a = segmenter.segment(bl, fu, o), b = segmenter.segment(bl, fu, o);
    EXPECT_EQ(a.probability, b.probability);
    EXPECT_EQ(a.mask, b.mask);
}

TEST(ComputeDevice, CudaRequestedWithoutCudaIsAClearError) {
    if (torch::cuda::is_available()) GTEST_SKIP() << "this machine has CUDA";
    try {
        chooseDevice("cuda");
        FAIL();
    } catch (const DeviceError& e) {
        EXPECT_NE(std::string(e.what()).find("CUDA was requested"), std::string::npos);
    }
    EXPECT_TRUE(chooseDevice("auto").is_cpu());
    EXPECT_THROW(chooseDevice("tpu"), DeviceError);
}

}  // namespace
