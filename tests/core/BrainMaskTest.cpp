#include <gtest/gtest.h>
#include <itkSignedMaurerDistanceMapImageFilter.h>

#include <cmath>
#include <random>

#include "TestImages.h"
#include "lesiondelta/core/BiasCorrection.h"
#include "lesiondelta/core/BrainMask.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

double radius(const PhysicalPointLps& p) { return std::sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]); }

/// A FLAIR-like head on a 1 mm grid: brain (r < 40 mm, bright) with a dark ventricle (r < 8),
/// a dark band of CSF and skull (40-47), a bright scalp shell (47-53), air outside; and a 2 mm
/// wide bright bridge joining brain and scalp along +x (as the optic nerves or vessels do).
ImageVolume::Pointer flairLikeHead() {
    auto image = makeImage<ImageVolume>({128, 128, 128}, {1, 1, 1}, {-64, -64, -64});
    fillPhysical(*image, [](const PhysicalPointLps& p) {
        const double r = radius(p);
        if (r < 8) return 30.0;
        if (r < 40) return 300.0;
        const bool bridge = p[0] > 0 && std::abs(p[1]) < 1.0 && std::abs(p[2]) < 1.0;
        if (r < 47) return bridge ? 300.0 : 20.0;
        if (r < 53) return 250.0;
        return 2.0;
    });
    return image;
}

std::size_t count(const MaskVolume& m) {
    std::size_t n = 0;
    const auto* b = m.GetBufferPointer();
    for (std::size_t i = 0; i < m.GetLargestPossibleRegion().GetNumberOfPixels(); ++i) n += b[i] != 0;
    return n;
}

TEST(BrainMask, KeepsTheBrainWithItsVentriclesAndDropsScalpAndBridge) {
    const auto head = flairLikeHead();
    const auto brain = brainMask(*head);
    auto at = [&](double x, double y, double z) {
        itk::Index<3> i;
        head->TransformPhysicalPointToIndex(PhysicalPointLps{{x, y, z}}, i);
        return brain->GetPixel(i) != 0;
    };
    EXPECT_TRUE(at(0, 0, 0));    // ventricle (dark, enclosed): filled
    EXPECT_TRUE(at(20, 0, 0));   // white matter
    EXPECT_TRUE(at(0, 38, 0));   // near the brain surface
    EXPECT_FALSE(at(0, 50, 0));  // scalp
    EXPECT_FALSE(at(0, 0, 50));
    EXPECT_FALSE(at(44, 0, 0));  // the bridge through the skull
    const double sphere = 4.0 / 3.0 * M_PI * 40 * 40 * 40;
    EXPECT_NEAR(double(count(*brain)), sphere, 0.05 * sphere);
}

TEST(BrainMask, ASkullStrippedScanIsAllBrain) {
    auto image = makeImage<ImageVolume>({96, 96, 96}, {1, 1, 1}, {-48, -48, -48});
    fillPhysical(*image, [](const PhysicalPointLps& p) { return radius(p) < 40 ? 300.0 : 0.0; });
    const auto brain = brainMask(*image);
    const double sphere = 4.0 / 3.0 * M_PI * 40 * 40 * 40;
    EXPECT_NEAR(double(count(*brain)), sphere, 0.03 * sphere);
}

TEST(BrainMask, RimIsMeasuredInMillimetresOnAnisotropicGrids) {
    // 1 x 1 x 3 mm voxels; a 30 mm ball without its outer 6 mm is a 24 mm ball.
    auto mask = makeImage<MaskVolume>({80, 80, 28}, {1, 1, 3}, {-40, -40, -42});
    fillPhysical(*mask, [](const PhysicalPointLps& p) { return radius(p) < 30 ? 1.0 : 0.0; });
    const auto inner = withoutRim(*mask, 6.0);
    auto at = [&](double x, double y, double z) {
        itk::Index<3> i;
        mask->TransformPhysicalPointToIndex(PhysicalPointLps{{x, y, z}}, i);
        return inner->GetPixel(i) != 0;
    };
    EXPECT_TRUE(at(0, 0, 0));
    EXPECT_TRUE(at(21, 0, 0));
    EXPECT_FALSE(at(26, 0, 0));
    EXPECT_TRUE(at(0, 0, 18));  // voxel centres lie every 3 mm in z
    EXPECT_FALSE(at(0, 0, 27));
    EXPECT_EQ(count(*withoutRim(*mask, 0.0)), count(*mask));
}

TEST(BrainMask, RimOverTheMasksBoxEqualsTheRimOverTheWholeGrid) {
    // An irregular mask off the grid's centre: two overlapping balls, a hole, and a slab that
    // touches the grid's +x face; the rim is computed over the mask's box only and must equal
    // the distance map over the whole grid, voxel for voxel.
    auto mask = makeImage<MaskVolume>({90, 70, 40}, {1, 1, 2}, {-45, -35, -40});
    fillPhysical(*mask, [](const PhysicalPointLps& p) {
        const double a = std::hypot(p[0] + 10, p[1] - 5, p[2]);
        const double b = std::hypot(p[0] - 8, p[1] + 3, p[2] - 6);
        const bool slab = p[0] > 20 && std::abs(p[1]) < 6 && std::abs(p[2]) < 8;
        const bool hole = std::hypot(p[0] + 12, p[1] - 6, p[2]) < 4;
        return ((a < 18 || b < 14 || slab) && !hole) ? 1.0 : 0.0;
    });
    auto distance = itk::SignedMaurerDistanceMapImageFilter<MaskVolume, ImageVolume>::New();
    distance->SetInput(mask);
    distance->SetUseImageSpacing(true);
    distance->SetSquaredDistance(false);
    distance->SetInsideIsPositive(true);
    distance->SetBackgroundValue(0);
    distance->Update();
    for (const double rim : {2.0, 5.0}) {
        const auto inner = withoutRim(*mask, rim);
        std::size_t kept = 0, differing = 0;
        const auto n = mask->GetLargestPossibleRegion().GetNumberOfPixels();
        for (std::size_t i = 0; i < n; ++i) {
            const bool expected = mask->GetBufferPointer()[i] && distance->GetOutput()->GetBufferPointer()[i] > rim;
            kept += expected;
            differing += expected != (inner->GetBufferPointer()[i] != 0);
        }
        EXPECT_GT(kept, 1000u) << rim;
        EXPECT_EQ(differing, 0u) << rim;
    }
    auto empty = makeImage<MaskVolume>({8, 8, 8}, {1, 1, 1}, {0, 0, 0});
    EXPECT_EQ(count(*withoutRim(*empty, 3.0)), 0u);
}

TEST(BiasCorrection, RemovesASmoothFieldAndKeepsLocalContrast) {
    // Uniform tissue (300) with a bright 6 mm "lesion" (+20 %), times a field from 0.75 to 1.25.
    auto image = makeImage<ImageVolume>({64, 64, 64}, {2, 2, 2}, {-64, -64, -64});
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(0.0, 3.0);
    fillPhysical(*image, [&](const PhysicalPointLps& p) {
        if (radius(p) >= 55) return 1.0;
        const double d = std::hypot(p[0] - 20, p[1], p[2]);
        const double tissue = d < 6 ? 360.0 : 300.0;
        return tissue * (1.0 + 0.25 * p[0] / 55.0) + noise(rng);
    });
    auto mask = makeImage<MaskVolume>({64, 64, 64}, {2, 2, 2}, {-64, -64, -64});
    fillPhysical(*mask, [](const PhysicalPointLps& p) { return radius(p) < 55 ? 1.0 : 0.0; });
    BiasCorrectionOptions options;
    options.shrinkFactor = 2;
    const auto corrected = correctBias(*image, *mask, options);
    auto value = [](const ImageVolume& v, double x) {
        itk::Index<3> i;
        v.TransformPhysicalPointToIndex(PhysicalPointLps{{x, 10, 0}}, i);
        return double(v.GetPixel(i));
    };
    // Before: the two sides of the brain differ by about 40 %; after, by under 8 %.
    const double before = value(*image, 40) / value(*image, -40);
    const double after = value(*corrected, 40) / value(*corrected, -40);
    EXPECT_GT(before, 1.35);
    EXPECT_LT(std::abs(after - 1.0), 0.08);
    // The lesion stays about 20 % brighter than tissue next to it.
    itk::Index<3> lesion, beside;
    corrected->TransformPhysicalPointToIndex(PhysicalPointLps{{20, 0, 0}}, lesion);
    corrected->TransformPhysicalPointToIndex(PhysicalPointLps{{20, 12, 0}}, beside);
    EXPECT_NEAR(corrected->GetPixel(lesion) / corrected->GetPixel(beside), 1.2, 0.05);
}

}  // namespace
