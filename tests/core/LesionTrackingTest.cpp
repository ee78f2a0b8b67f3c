// Lesion identities through a course of intervals, on masks made here (1 mm grid, 40^3).
#include <gtest/gtest.h>

#include <cmath>

#include "TestImages.h"
#include "lesiondelta/core/LesionTracking.h"

using namespace lesiondelta;
using lesiondelta::test::makeImage;
using lesiondelta::test::paintBox;

namespace {

MaskVolume::Pointer emptyMask() { return makeImage<MaskVolume>({40, 40, 40}, {1, 1, 1}, {0, 0, 0}); }

/// A 3x3x3 (0.027 ml) block with its low corner at `at`.
void block(MaskVolume& m, std::array<long, 3> at, long side = 3) {
    paintBox(m, at, {at[0] + side - 1, at[1] + side - 1, at[2] + side - 1});
}

}  // namespace

TEST(LesionTracking, ALesionNewAtVisit1AndEnlargedAtVisit3IsOneRow) {
    // Interval 0 (visit 0 -> 1): lesions A and B appear. Interval 1: nothing. Interval 2: A grows
    // at its edge (a rim touching it) and C appears far away.
    auto i0 = emptyMask(), i1 = emptyMask(), i2 = emptyMask();
    block(*i0, {5, 5, 5});       // A
    block(*i0, {25, 25, 25});    // B
    block(*i2, {8, 5, 5});       // A's rim, adjacent to A's footprint
    block(*i2, {5, 30, 10}, 4);  // C, 0.064 ml
    const auto course = trackLesions({i0.GetPointer(), i1.GetPointer(), i2.GetPointer()});
    ASSERT_EQ(course.lesions.size(), 3u);
    const auto& a = course.lesions[0];
    const auto& b = course.lesions[1];
    const auto& c = course.lesions[2];
    EXPECT_EQ(a.firstInterval, 0);
    EXPECT_EQ(b.firstInterval, 0);
    EXPECT_EQ(c.firstInterval, 2);
    EXPECT_EQ(c.id, 3u);
    EXPECT_NEAR(a.changeMl[0], 0.027, 1e-9);
    EXPECT_EQ(a.changeMl[1], 0.0);
    EXPECT_NEAR(a.changeMl[2], 0.027, 1e-9);
    EXPECT_EQ(a.activeAgain(), std::vector<int>{2});
    EXPECT_TRUE(b.activeAgain().empty());
    EXPECT_NEAR(c.changeMl[2], 0.064, 1e-9);
    EXPECT_EQ(c.changeMl[0], 0.0);
    // The identity map carries A's id on its rim too, C's on C.
    const auto* ids = course.identities->GetBufferPointer();
    auto at = [&](long x, long y, long z) { return ids[x + 40 * (y + 40 * z)]; };
    EXPECT_EQ(at(6, 6, 6), a.id);
    EXPECT_EQ(at(9, 6, 6), a.id);
    EXPECT_EQ(at(6, 31, 11), c.id);
    EXPECT_EQ(at(20, 20, 20), 0u);
    // Centroid of the first appearance, reference LPS mm (1 mm voxels at origin 0).
    EXPECT_NEAR(c.centroidLpsMm[0], 6.5, 1e-9);
}

TEST(LesionTracking, AFindingBeyondTheToleranceIsANewLesion) {
    auto i0 = emptyMask(), i1 = emptyMask();
    block(*i0, {5, 5, 5});   // occupies x 5..7
    block(*i1, {10, 5, 5});  // x 10..12: 2 voxels of gap (3 mm between centres of the nearest voxels)
    TrackingOptions options;
    options.matchMm = 1.5;
    auto course = trackLesions({i0.GetPointer(), i1.GetPointer()}, options);
    EXPECT_EQ(course.lesions.size(), 2u);
    options.matchMm = 3.0;  // a wider tolerance takes it as the same lesion
    course = trackLesions({i0.GetPointer(), i1.GetPointer()}, options);
    ASSERT_EQ(course.lesions.size(), 1u);
    EXPECT_EQ(course.lesions[0].activeAgain(), std::vector<int>{1});
}

TEST(LesionTracking, AnUnmeasuredIntervalIsNaNAndTheOthersStillMatch) {
    auto i0 = emptyMask(), i2 = emptyMask();
    block(*i0, {5, 5, 5});
    block(*i2, {5, 5, 8});  // touches the first lesion's footprint from above
    const auto course = trackLesions({i0.GetPointer(), nullptr, i2.GetPointer()});
    ASSERT_EQ(course.lesions.size(), 1u);
    EXPECT_TRUE(std::isnan(course.lesions[0].changeMl[1]));
    EXPECT_GT(course.lesions[0].changeMl[2], 0.0);
}

TEST(LesionTracking, SpecksUnderTheMinimumAreNotLesionsAndAQuietCourseHasNone) {
    auto i0 = emptyMask(), i1 = emptyMask();
    block(*i0, {5, 5, 5}, 2);  // 0.008 ml < 0.01 ml
    const auto course = trackLesions({i0.GetPointer(), i1.GetPointer()});
    EXPECT_TRUE(course.lesions.empty());
}

TEST(LesionTracking, MasksOnDifferentGridsOrNoneMeasuredAreRefused) {
    auto a = emptyMask();
    auto b = makeImage<MaskVolume>({40, 40, 40}, {1, 1, 2}, {0, 0, 0});
    EXPECT_THROW(trackLesions({a.GetPointer(), b.GetPointer()}), std::invalid_argument);
    EXPECT_THROW(trackLesions({nullptr, nullptr}), std::invalid_argument);
}

TEST(LesionTracking, TwoFindingsOfOneIntervalNeverMergeEachOther) {
    // Two separate new lesions 2 mm apart in the same interval stay two lesions.
    auto i0 = emptyMask();
    block(*i0, {5, 5, 5});
    block(*i0, {10, 5, 5});
    const auto course = trackLesions({i0.GetPointer()}, {.minLesionMl = 0.01, .matchMm = 3.0});
    EXPECT_EQ(course.lesions.size(), 2u);
}
