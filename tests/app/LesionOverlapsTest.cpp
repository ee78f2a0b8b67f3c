// Beside each CNN lesion: its mean probability and the other masks that overlap it
// (app/pipeline/LesionOverlaps), on masks made here.
#include <gtest/gtest.h>

#include "TestImages.h"
#include "lesiondelta/pipeline/LesionOverlaps.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

TEST(LesionOverlaps, MeanProbabilityAndTheMasksThatTouchEachLesion) {
    auto cnn = makeImage<MaskVolume>({40, 40, 20}, {1, 1, 1}, {0, 0, 0});
    paintBox(*cnn, {2, 2, 2}, {11, 11, 11});   // lesion 1: 1000 voxels (1 ml)
    paintBox(*cnn, {25, 25, 5}, {29, 29, 9});  // lesion 2: 125 voxels
    paintBox(*cnn, {35, 2, 2}, {35, 2, 2});    // a speck under 0.01 ml: not a lesion
    auto probability = makeImage<ImageVolume>({40, 40, 20}, {1, 1, 1}, {0, 0, 0});
    paintBox(*probability, {2, 2, 2}, {11, 11, 6}, 0.9f);   // half of lesion 1 at 0.9 ...
    paintBox(*probability, {2, 2, 7}, {11, 11, 11}, 0.5f);  // ... half at 0.5
    paintBox(*probability, {25, 25, 5}, {29, 29, 9}, 0.6f);
    auto lst = makeImage<MaskVolume>({40, 40, 20}, {1, 1, 1}, {0, 0, 0});
    paintBox(*lst, {11, 11, 11}, {13, 13, 13});  // touches lesion 1 in one corner voxel
    auto rater = makeImage<MaskVolume>({40, 40, 20}, {1, 1, 1}, {0, 0, 0});
    paintBox(*rater, {27, 27, 7}, {27, 27, 7});  // inside lesion 2
    paintBox(*rater, {35, 2, 2}, {35, 2, 2});    // on the speck only
    const auto lesions = lesionTable(*cnn);
    ASSERT_EQ(lesions.size(), 2u);
    const auto rows =
        lesionOverlaps(*cnn, lesions, probability.GetPointer(), {lst.GetPointer(), nullptr, rater.GetPointer()});
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].id, lesions[0].id);
    EXPECT_NEAR(rows[0].meanProbability, 0.7, 1e-6);
    EXPECT_EQ(rows[0].overlappedBy, std::vector<std::size_t>({0}));
    EXPECT_NEAR(rows[1].meanProbability, 0.6, 1e-6);
    EXPECT_EQ(rows[1].overlappedBy, std::vector<std::size_t>({2}));
    // Without a probability map: unknown, the overlaps still found.
    const auto noProbability = lesionOverlaps(*cnn, lesions, nullptr, {lst.GetPointer()});
    EXPECT_LT(noProbability[0].meanProbability, 0.0);
    EXPECT_EQ(noProbability[0].overlappedBy, std::vector<std::size_t>({0}));
    EXPECT_TRUE(noProbability[1].overlappedBy.empty());
}
