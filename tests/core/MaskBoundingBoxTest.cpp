// maskBoundingBox: the box around a mask's voxels, widened and clipped to the grid.
#include <gtest/gtest.h>

#include "TestImages.h"
#include "lesiondelta/core/MaskBoundingBox.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

TEST(MaskBoundingBox, HoldsEveryVoxelWidenedByTheMarginAndClippedToTheGrid) {
    auto mask = makeImage<MaskVolume>({20, 30, 10}, {1, 1, 1});
    mask->SetPixel({{4, 7, 2}}, 1);
    mask->SetPixel({{9, 28, 5}}, 1);
    const auto tight = maskBoundingBox(*mask);
    EXPECT_EQ(tight.GetIndex()[0], 4);
    EXPECT_EQ(tight.GetIndex()[1], 7);
    EXPECT_EQ(tight.GetIndex()[2], 2);
    EXPECT_EQ(tight.GetSize()[0], 6u);
    EXPECT_EQ(tight.GetSize()[1], 22u);
    EXPECT_EQ(tight.GetSize()[2], 4u);
    const auto wide = maskBoundingBox(*mask, 3);  // clipped at z = 0 and at y = 29 (the grid's ends)
    EXPECT_EQ(wide.GetIndex()[0], 1);
    EXPECT_EQ(wide.GetIndex()[1], 4);
    EXPECT_EQ(wide.GetIndex()[2], 0);
    EXPECT_EQ(wide.GetSize()[0], 12u);
    EXPECT_EQ(wide.GetSize()[1], 26u);  // 4..29, not 4..31
    EXPECT_EQ(wide.GetSize()[2], 9u);   // 0..8
}

TEST(MaskBoundingBox, AnEmptyMaskHasAnEmptyBox) {
    const auto mask = makeImage<MaskVolume>({8, 8, 8}, {1, 1, 1});
    EXPECT_EQ(maskBoundingBox(*mask, 4).GetNumberOfPixels(), 0u);
}
