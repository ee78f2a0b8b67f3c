#include <gtest/gtest.h>

#include "TestImages.h"
#include "lesiondelta/core/Resampling.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

TEST(Resampling, IsotropicGridCoversTheSamePhysicalExtentWithOneMillimetreVoxels) {
    auto image = makeImage<ImageVolume>({100, 80, 20}, {0.5, 0.5, 3.0}, {10, 20, 30});
    const auto grid = isotropicGridLike(*image, 1.0);
    const auto size = grid->GetLargestPossibleRegion().GetSize();
    EXPECT_EQ(size[0], 50u);
    EXPECT_EQ(size[1], 40u);
    EXPECT_EQ(size[2], 60u);
    for (int d = 0; d < 3; ++d) EXPECT_DOUBLE_EQ(grid->GetSpacing()[d], 1.0);
    // The outer corner of the first voxel stays where it was.
    EXPECT_NEAR(grid->GetOrigin()[0] - 0.5, 10 - 0.25, 1e-9);
    EXPECT_NEAR(grid->GetOrigin()[2] - 0.5, 30 - 1.5, 1e-9);
}

TEST(Resampling, LinearResamplingReproducesALinearRampAtTheSamePhysicalPoints) {
    auto image = makeImage<ImageVolume>({60, 60, 16}, {0.7, 0.7, 3.0}, {-20, -20, -20});
    auto ramp = [](const PhysicalPointLps& p) { return 3 * p[0] - p[1] + 2 * p[2] + 100; };
    fillPhysical(*image, ramp);
    const auto iso = resampleToIsotropic(*image, 1.0);
    // Interior voxels (away from the edge, where values fall to the outside value).
    itk::ImageRegionConstIteratorWithIndex<ImageVolume> it(iso, iso->GetBufferedRegion());
    double worst = 0.0;
    const auto size = iso->GetLargestPossibleRegion().GetSize();
    for (; !it.IsAtEnd(); ++it) {
        const auto idx = it.GetIndex();
        bool interior = true;
        for (int d = 0; d < 3; ++d) interior &= idx[d] >= 3 && idx[d] + 3 < long(size[d]);
        if (!interior) continue;
        PhysicalPointLps p;
        iso->TransformIndexToPhysicalPoint(idx, p);
        worst = std::max(worst, std::abs(it.Get() - ramp(p)));
    }
    EXPECT_LT(worst, 1e-2);
}

TEST(Resampling, NearestNeighbourKeepsMaskValuesBinaryAndInPlace) {
    auto mask = makeImage<MaskVolume>({40, 40, 10}, {0.5, 0.5, 3.0});
    paintBox(*mask, {10, 10, 3}, {19, 19, 5});  // 5 x 5 x 9 mm at x,y 5..9.5 mm, z 9..15 mm
    auto grid = makeImage<MaskVolume>({20, 20, 30}, {1, 1, 1});
    const auto out = resampleNearest(*mask, *grid);
    EXPECT_EQ(out->GetPixel({{7, 7, 12}}), 1);
    EXPECT_EQ(out->GetPixel({{2, 2, 12}}), 0);
    EXPECT_EQ(out->GetPixel({{7, 7, 20}}), 0);
    itk::ImageRegionConstIterator<MaskVolume> it(out, out->GetBufferedRegion());
    for (; !it.IsAtEnd(); ++it) ASSERT_LE(it.Get(), 1);
}

TEST(Resampling, ToOneMillimetreAndBackKeepsASmoothImage) {
    auto image = makeImage<ImageVolume>({64, 64, 20}, {0.9, 0.9, 2.5}, {-28.8, -28.8, -25});
    fillPhysical(*image, [](const PhysicalPointLps& p) {
        return 100 * std::exp(-(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]) / 400);
    });
    const auto iso = resampleToIsotropic(*image, 1.0);
    const auto back = resampleLinear(*iso, *image);
    double worst = 0.0;
    for (long k = 4; k < 16; ++k)
        for (long j = 8; j < 56; ++j)
            for (long i = 8; i < 56; ++i)
                worst = std::max(worst, double(std::abs(back->GetPixel({{i, j, k}}) - image->GetPixel({{i, j, k}}))));
    EXPECT_LT(worst, 2.0);  // of a peak of 100
}

}  // namespace
