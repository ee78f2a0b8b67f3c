// Lesion-wise metrics on hand-made maps (1 mm voxels: 0.01 ml = 10 voxels).
#include <gtest/gtest.h>

#include "TestImages.h"
#include "lesiondelta/core/LesionMetrics.h"
#include "lesiondelta/core/VolumeError.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

MaskVolume::Pointer emptyMap() { return makeImage<MaskVolume>({20, 20, 20}, {1, 1, 1}); }

// Reference: three lesions of 18 voxels (A, B, C).
MaskVolume::Pointer referenceMap() {
    auto m = emptyMap();
    paintBox(*m, {2, 2, 2}, {4, 4, 3});      // A
    paintBox(*m, {10, 2, 2}, {12, 4, 3});    // B
    paintBox(*m, {2, 10, 10}, {4, 12, 11});  // C
    return m;
}

// Prediction: P1 overlaps A by 12 voxels, P2 lies far from everything, P3 (5 voxels) touches C
// but is below 0.01 ml and so does not count.
MaskVolume::Pointer predictionMap() {
    auto m = emptyMap();
    paintBox(*m, {3, 2, 2}, {5, 4, 3});        // P1: 18 voxels, 12 shared with A
    paintBox(*m, {15, 15, 15}, {17, 17, 16});  // P2: false positive
    paintBox(*m, {2, 10, 10}, {2, 10, 14});    // P3: 5 voxels
    return m;
}

TEST(LesionMetrics, HandMadeMapsGiveHandComputedValues) {
    const auto m = compareLesions(*predictionMap(), *referenceMap());
    EXPECT_EQ(m.referenceLesions, 3u);
    EXPECT_EQ(m.predictedLesions, 2u);
    EXPECT_EQ(m.detectedReference, 1u);
    EXPECT_EQ(m.falsePositives, 1u);
    ASSERT_TRUE(m.sensitivity && m.fpr && m.dice);
    EXPECT_DOUBLE_EQ(*m.sensitivity, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(*m.fpr, 1.0 / 3.0);
    // Matched lesions only: A and P1. TP 12, FP 6, FN 6 -> 24 / 36.
    EXPECT_DOUBLE_EQ(*m.dice, 2.0 / 3.0);
}

TEST(LesionMetrics, WithoutReferenceLesionsOnlyTheFpCountIsDefined) {
    const auto m = compareLesions(*predictionMap(), *emptyMap());
    EXPECT_EQ(m.referenceLesions, 0u);
    EXPECT_EQ(m.falsePositives, 2u);
    EXPECT_FALSE(m.sensitivity.has_value());
    EXPECT_FALSE(m.fpr.has_value());
    EXPECT_FALSE(m.dice.has_value());
}

TEST(LesionMetrics, MissingEveryReferenceLesionGivesZeroSensitivityAndZeroDice) {
    auto pred = emptyMap();
    paintBox(*pred, {15, 15, 15}, {17, 17, 16});
    const auto m = compareLesions(*pred, *referenceMap());
    EXPECT_DOUBLE_EQ(*m.sensitivity, 0.0);
    EXPECT_DOUBLE_EQ(*m.dice, 0.0);
    EXPECT_DOUBLE_EQ(*m.fpr, 1.0 / 3.0);
}

TEST(LesionMetrics, OneLargePredictionOverlappingTwoReferenceLesionsDetectsBoth) {
    auto pred = emptyMap();
    paintBox(*pred, {2, 2, 2}, {12, 2, 2});  // a bar through A and B
    const auto m = compareLesions(*pred, *referenceMap());
    EXPECT_EQ(m.detectedReference, 2u);
    EXPECT_EQ(m.falsePositives, 0u);
}

TEST(LesionMetrics, AveragesSkipUndefinedValuesButCountEveryFp) {
    LesionMetrics a, b;
    a.sensitivity = 0.5;
    a.dice = 0.4;
    a.fpr = 1.0;
    a.falsePositives = 2;
    b.falsePositives = 1;  // a rater without lesions: only FP defined
    const auto avg = averageMetrics({a, b});
    EXPECT_DOUBLE_EQ(*avg.sensitivity, 0.5);
    EXPECT_DOUBLE_EQ(*avg.dice, 0.4);
    EXPECT_DOUBLE_EQ(avg.falsePositives, 1.5);
    EXPECT_FALSE(averageMetrics({b}).sensitivity.has_value());
}

TEST(LesionMetrics, InterRaterUsesEveryOrderedPairOfRaters) {
    const auto r1 = referenceMap();  // A, B, C
    auto r2 = emptyMap();
    paintBox(*r2, {2, 2, 2}, {4, 4, 3});  // A only
    const auto ir = interRater({r1.GetPointer(), r2.GetPointer()});
    // r1 vs r2 (r2 as reference): sensitivity 1, FP 2, FPR 2. r2 vs r1: sensitivity 1/3, FP 0.
    EXPECT_EQ(ir.comparisons, 2u);
    EXPECT_DOUBLE_EQ(*ir.sensitivity, (1.0 + 1.0 / 3.0) / 2);
    EXPECT_DOUBLE_EQ(ir.falsePositives, 1.0);
    EXPECT_DOUBLE_EQ(*ir.fpr, (2.0 + 0.0) / 2);
    EXPECT_DOUBLE_EQ(*ir.dice, 1.0);
}

TEST(LesionMetrics, MapsOnDifferentGridsAreRefused) {
    auto other = makeImage<MaskVolume>({20, 20, 10}, {1, 1, 2});
    EXPECT_THROW(compareLesions(*predictionMap(), *other), VolumeError);
}

}  // namespace
