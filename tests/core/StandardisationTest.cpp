#include <gtest/gtest.h>

#include <random>

#include "TestImages.h"
#include "lesiondelta/core/Standardisation.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

TEST(Standardisation, MeanAndSdComeFromTheHeadNotTheBackground) {
    // 80 % background near 0, a "head" of mean 400 and sd 50.
    auto image = makeImage<ImageVolume>({50, 50, 20}, {1, 1, 1});
    std::mt19937 rng(7);
    std::normal_distribution<double> head(400, 50), air(5, 2);
    itk::ImageRegionIteratorWithIndex<ImageVolume> it(image, image->GetBufferedRegion());
    for (; !it.IsAtEnd(); ++it) {
        const auto i = it.GetIndex();
        const bool inHead = i[0] >= 14 && i[0] < 36 && i[1] >= 14 && i[1] < 36 && i[2] >= 4 && i[2] < 16;
        it.Set(float(inHead ? head(rng) : std::abs(air(rng))));
    }
    StandardisationStats stats;
    const auto z = standardise(*image, &stats);
    EXPECT_NEAR(stats.mean, 400, 5);
    EXPECT_NEAR(stats.sd, 50, 3);
    EXPECT_NEAR(double(stats.foregroundVoxels), 22.0 * 22 * 12, 5);  // a rare head voxel may fall below Otsu
    // A head voxel maps to (v - 400) / 50; background to about -8.
    EXPECT_NEAR(z->GetPixel({{20, 20, 10}}), (image->GetPixel({{20, 20, 10}}) - stats.mean) / stats.sd, 1e-4);
    EXPECT_LT(z->GetPixel({{2, 2, 2}}), -7.0f);
}

TEST(Standardisation, IsInvariantToAGlobalIntensityScale) {
    auto a = makeImage<ImageVolume>({40, 40, 20}, {4, 4, 8}, {-80, -80, -80});
    fillPhysical(*a, headPhantom);
    auto b = makeImage<ImageVolume>({40, 40, 20}, {4, 4, 8}, {-80, -80, -80});
    fillPhysical(*b, [](const PhysicalPointLps& p) { return 3.5 * headPhantom(p); });
    const auto za = standardise(*a), zb = standardise(*b);
    EXPECT_NEAR(za->GetPixel({{20, 20, 10}}), zb->GetPixel({{20, 20, 10}}), 1e-3);
    EXPECT_NEAR(za->GetPixel({{25, 12, 8}}), zb->GetPixel({{25, 12, 8}}), 1e-3);
}

}  // namespace
