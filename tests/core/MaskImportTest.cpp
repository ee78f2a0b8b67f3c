#include <gtest/gtest.h>

#include "TestImages.h"
#include "lesiondelta/core/MaskImport.h"
#include "lesiondelta/core/VolumeError.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

TEST(LstImport, OnlyLabelThreeIsNewOrEnlarged) {
    auto labels = makeImage<LabelVolume>({6, 6, 6}, {1, 1, 1});
    labels->SetPixel({{1, 1, 1}}, 1);  // decrease
    labels->SetPixel({{2, 2, 2}}, 2);  // no change
    labels->SetPixel({{3, 3, 3}}, 3);  // increase
    const auto mask = lstIncreaseMask(*labels);
    EXPECT_EQ(mask->GetPixel({{1, 1, 1}}), 0);
    EXPECT_EQ(mask->GetPixel({{2, 2, 2}}), 0);
    EXPECT_EQ(mask->GetPixel({{3, 3, 3}}), 1);
}

TEST(MaskMapping, MaskOnTheSameGridIsUsedAsItIsWithoutWarning) {
    auto grid = makeImage<ImageVolume>({10, 10, 10}, {1, 1, 2});
    auto mask = makeImage<MaskVolume>({10, 10, 10}, {1, 1, 2});
    const auto mapped = mapMaskToGrid(*mask, *grid, "rater.nii.gz");
    EXPECT_EQ(mapped.mask.GetPointer(), mask.GetPointer());
    EXPECT_TRUE(mapped.warning.empty());
}

TEST(MaskMapping, MaskOnAnotherGridIsResampledByPhysicalPositionWithAWarning) {
    auto grid = makeImage<ImageVolume>({20, 20, 10}, {1, 1, 2});
    // The mask's grid is 0.5 mm voxels starting 4 mm further along x.
    auto mask = makeImage<MaskVolume>({30, 40, 20}, {0.5, 0.5, 1.0}, {4, 0, 0});
    paintBox(*mask, {10, 10, 6}, {13, 13, 9});  // physical x 9..10.5, y 5..6.5, z 6..9
    const auto mapped = mapMaskToGrid(*mask, *grid, "rater.nii.gz");
    EXPECT_NE(mapped.warning.find("rater.nii.gz"), std::string::npos);
    EXPECT_EQ(mapped.mask->GetPixel({{10, 6, 4}}), 1);  // physical (10, 6, 8)
    EXPECT_EQ(mapped.mask->GetPixel({{4, 6, 4}}), 0);
}

TEST(MaskMapping, MaskThatDoesNotOverlapTheImageCannotBeMapped) {
    auto grid = makeImage<ImageVolume>({10, 10, 10}, {1, 1, 1});
    auto mask = makeImage<MaskVolume>({10, 10, 10}, {1, 1, 1}, {500, 0, 0});
    try {
        mapMaskToGrid(*mask, *grid, "far.nii.gz");
        FAIL();
    } catch (const VolumeError& e) {
        EXPECT_NE(std::string(e.what()).find("far.nii.gz"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("cannot be mapped"), std::string::npos);
    }
}

}  // namespace
