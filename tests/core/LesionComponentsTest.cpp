#include <gtest/gtest.h>

#include "TestImages.h"
#include "lesiondelta/core/LesionComponents.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

TEST(LesionComponents, TwoCubesTouchingOnlyAtACornerAreOneLesion) {
    auto mask = makeImage<MaskVolume>({20, 20, 20}, {1, 1, 1});
    paintBox(*mask, {2, 2, 2}, {5, 5, 5});
    paintBox(*mask, {6, 6, 6}, {9, 9, 9});  // shares only the corner (5,5,5)-(6,6,6)
    unsigned int n = 0;
    labelLesions(*mask, 0.0, &n);
    EXPECT_EQ(n, 1u);
}

TEST(LesionComponents, CubesOneVoxelApartAreTwoLesions) {
    auto mask = makeImage<MaskVolume>({20, 20, 20}, {1, 1, 1});
    paintBox(*mask, {2, 2, 2}, {5, 5, 5});
    paintBox(*mask, {7, 2, 2}, {9, 5, 5});
    unsigned int n = 0;
    labelLesions(*mask, 0.0, &n);
    EXPECT_EQ(n, 2u);
}

TEST(LesionComponents, A0009mlComponentIsDroppedAndA0011mlComponentIsKept) {
    auto mask = makeImage<MaskVolume>({30, 30, 30}, {1, 1, 1});
    paintBox(*mask, {1, 1, 1}, {9, 1, 1});       // 9 voxels = 0.009 ml
    paintBox(*mask, {1, 10, 10}, {11, 10, 10});  // 11 voxels = 0.011 ml
    const auto table = lesionTable(*mask);
    ASSERT_EQ(table.size(), 1u);
    EXPECT_EQ(table[0].voxels, 11u);
    EXPECT_NEAR(table[0].volumeMl, 0.011, 1e-12);
}

TEST(LesionComponents, MinimumSizeFollowsTheVoxelSpacing) {
    // 0.5 x 0.5 x 2 mm = 0.0005 ml per voxel: 18 voxels = 0.009 ml, 22 voxels = 0.011 ml.
    auto mask = makeImage<MaskVolume>({40, 40, 10}, {0.5, 0.5, 2.0});
    paintBox(*mask, {1, 1, 1}, {17, 1, 1});
    paintBox(*mask, {1, 20, 5}, {21, 20, 5});
    const auto kept = removeSmallLesions(*mask);
    EXPECT_EQ(kept->GetPixel({{5, 1, 1}}), 0);
    EXPECT_EQ(kept->GetPixel({{5, 20, 5}}), 1);
    unsigned int n = 0;
    labelLesions(*mask, kMinLesionMl, &n);
    EXPECT_EQ(n, 1u);
}

TEST(LesionComponents, TableGivesVolumeCentroidBoxAndMeansLargestFirst) {
    auto mask = makeImage<MaskVolume>({30, 30, 10}, {0.5, 0.5, 2.0}, {100, -50, 20});
    paintBox(*mask, {2, 4, 1}, {5, 7, 3});      // 4x4x3 = 48 voxels
    paintBox(*mask, {10, 10, 5}, {19, 19, 6});  // 10x10x2 = 200 voxels
    auto bl = makeImage<ImageVolume>({30, 30, 10}, {0.5, 0.5, 2.0}, {100, -50, 20});
    auto fu = makeImage<ImageVolume>({30, 30, 10}, {0.5, 0.5, 2.0}, {100, -50, 20});
    bl->FillBuffer(10.0f);
    fu->FillBuffer(30.0f);
    const auto table = lesionTable(*mask, 0.01, bl, fu);
    ASSERT_EQ(table.size(), 2u);
    EXPECT_EQ(table[0].id, 1u);
    EXPECT_EQ(table[0].voxels, 200u);
    EXPECT_NEAR(table[0].volumeMl, 0.1, 1e-12);
    EXPECT_NEAR(table[0].centroidIndex[0], 14.5, 1e-9);
    EXPECT_NEAR(table[0].centroidIndex[2], 5.5, 1e-9);
    EXPECT_NEAR(table[0].centroidLpsMm[0], 100 + 14.5 * 0.5, 1e-9);
    EXPECT_NEAR(table[0].centroidLpsMm[1], -50 + 14.5 * 0.5, 1e-9);
    EXPECT_NEAR(table[0].centroidLpsMm[2], 20 + 5.5 * 2.0, 1e-9);
    EXPECT_EQ(table[0].boxMinIndex, (std::array<long, 3>{10, 10, 5}));
    EXPECT_EQ(table[0].boxMaxIndex, (std::array<long, 3>{19, 19, 6}));
    EXPECT_DOUBLE_EQ(table[0].meanBl, 10.0);
    EXPECT_DOUBLE_EQ(table[0].meanFu, 30.0);
    EXPECT_EQ(table[1].voxels, 48u);
    EXPECT_TRUE(std::isnan(lesionTable(*mask)[0].meanBl));
}

}  // namespace
