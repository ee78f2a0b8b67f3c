#include <gtest/gtest.h>
#include <itkImageRegionIterator.h>

#include <random>

#include "TestImages.h"
#include "lesiondelta/core/LesionMetrics.h"
#include "lesiondelta/core/SubtractionDetector.h"
#include "lesiondelta/core/VolumeError.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

double blob(const PhysicalPointLps& p, double cx, double cy, double cz, double radius) {
    const double d = std::sqrt((p[0] - cx) * (p[0] - cx) + (p[1] - cy) * (p[1] - cy) + (p[2] - cz) * (p[2] - cz));
    return smoothStep((radius - d) * 2.0);
}

struct Case {
    ImageVolume::Pointer bl, fu;
    MaskVolume::Pointer newLesion, shrunkLesion;
};

// BL: phantom + a lesion that later shrinks away. FU: 1.3 x (phantom + a new lesion), other noise.
Case makeCase() {
    Case c;
    auto grid = [] { return makeImage<ImageVolume>({100, 120, 50}, {1.5, 1.5, 3.0}, {-75, -90, -75}); };
    c.bl = grid();
    c.fu = grid();
    fillPhysical(*c.bl, [](const PhysicalPointLps& p) { return headPhantom(p) + 250 * blob(p, -20, 10, -5, 4); });
    fillPhysical(*c.fu,
                 [](const PhysicalPointLps& p) { return 1.3 * (headPhantom(p) + 250 * blob(p, 15, -10, 5, 4)); });
    std::mt19937 rng(4);
    std::normal_distribution<float> noise(0.0f, 10.0f);
    for (auto* image : {c.bl.GetPointer(), c.fu.GetPointer()}) {
        for (itk::ImageRegionIterator<ImageVolume> it(image, image->GetBufferedRegion()); !it.IsAtEnd(); ++it) {
            it.Set(it.Get() + noise(rng));
        }
    }
    auto truth = [](double cx, double cy, double cz) {
        auto m = makeImage<MaskVolume>({100, 120, 50}, {1.5, 1.5, 3.0}, {-75, -90, -75});
        fillPhysical(*m, [&](const PhysicalPointLps& p) { return blob(p, cx, cy, cz, 4) > 0.5 ? 1 : 0; });
        return m;
    };
    c.newLesion = truth(15, -10, 5);
    c.shrunkLesion = truth(-20, 10, -5);
    return c;
}

TEST(SubtractionDetector, FindsANewLesionDespiteAGlobalIntensityChangeAndNothingElse) {
    const auto c = makeCase();
    const auto r = detectBySubtraction(*c.bl, *c.fu);
    const auto m = compareLesions(*r.newLesions, *c.newLesion);
    EXPECT_EQ(m.detectedReference, 1u);
    EXPECT_EQ(m.falsePositives, 0u);
    EXPECT_GT(*m.dice, 0.5);
}

TEST(SubtractionDetector, DoesNotMarkALesionThatShrankAway) {
    const auto c = makeCase();
    const auto r = detectBySubtraction(*c.bl, *c.fu);
    EXPECT_EQ(compareLesions(*r.newLesions, *c.shrunkLesion).detectedReference, 0u);
}

TEST(SubtractionDetector, IdenticalScansGiveNoLesion) {
    const auto c = makeCase();
    const auto r = detectBySubtraction(*c.fu, *c.fu);
    unsigned int n = 0;
    labelLesions(*r.newLesions, kMinLesionMl, &n);
    EXPECT_EQ(n, 0u);
}

TEST(SubtractionDetector, BaselineOnAnotherGridIsRefused) {
    const auto c = makeCase();
    auto other = makeImage<ImageVolume>({50, 60, 25}, {3, 3, 6});
    EXPECT_THROW(detectBySubtraction(*other, *c.fu), VolumeError);
}

}  // namespace
