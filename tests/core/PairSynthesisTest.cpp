#include <gtest/gtest.h>

#include <itkImageRegionConstIterator.h>

#include "TestImages.h"
#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/PairSynthesis.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

// The phantom's three bright spots (see headPhantom) as a lesion mask.
bool inSpot(const PhysicalPointLps& p) {
    auto e = [&](double cx, double cy, double cz, double ax, double ay, double az) {
        const double x = (p[0] - cx) / ax, y = (p[1] - cy) / ay, z = (p[2] - cz) / az;
        return x * x + y * y + z * z < 0.8;
    };
    return e(25, 20, -12, 8, 6, 5) || e(-30, -28, 15, 5, 9, 6) || e(5, 40, 25, 10, 5, 7);
}

struct Scan {
    ImageVolume::Pointer flair;
    MaskVolume::Pointer lesions;
};

const Scan& scan() {
    static const Scan s = [] {
        Scan x;
        x.flair = makeImage<ImageVolume>({80, 96, 70}, {1.6, 1.6, 1.6}, {-64, -77, -56});
        fillPhysical(*x.flair, headPhantom);
        x.lesions = makeImage<MaskVolume>({80, 96, 70}, {1.6, 1.6, 1.6}, {-64, -77, -56});
        fillPhysical(*x.lesions, [](const PhysicalPointLps& p) { return inSpot(p) ? 1 : 0; });
        return x;
    }();
    return s;
}

SynthesisOptions quiet(unsigned seed) {
    SynthesisOptions o;
    o.seed = seed;
    o.nuisance = false;
    o.insertMin = o.insertMax = 0;
    o.removeFraction = o.enlargeFraction = o.shrinkFraction = 0;
    return o;
}

std::size_t count(const MaskVolume& m) {
    std::size_t n = 0;
    for (itk::ImageRegionConstIterator<MaskVolume> it(&m, m.GetBufferedRegion()); !it.IsAtEnd(); ++it) n += it.Get();
    return n;
}

bool equalImages(const ImageVolume& a, const ImageVolume& b) {
    const auto n = a.GetLargestPossibleRegion().GetNumberOfPixels();
    return std::equal(a.GetBufferPointer(), a.GetBufferPointer() + n, b.GetBufferPointer());
}

TEST(PairSynthesis, SameSeedGivesTheSamePairAndAnotherSeedAnotherOne) {
    SynthesisOptions o;  // everything on
    const auto shapes = extractLesionShapes(*scan().flair, *scan().lesions);
    o.seed = 7;
    const auto a = synthesisePair(*scan().flair, scan().lesions, shapes, o);
    const auto b = synthesisePair(*scan().flair, scan().lesions, shapes, o);
    o.seed = 8;
    const auto c = synthesisePair(*scan().flair, scan().lesions, shapes, o);
    EXPECT_TRUE(equalImages(*a.bl, *b.bl));
    EXPECT_TRUE(equalImages(*a.fu, *b.fu));
    EXPECT_FALSE(equalImages(*a.fu, *c.fu));
}

TEST(PairSynthesis, RemovedLesionsAreInpaintedInBaselineAndAreTheTarget) {
    auto o = quiet(3);
    o.removeFraction = 1.0;
    const auto p = synthesisePair(*scan().flair, scan().lesions, {}, o);
    EXPECT_EQ(p.removed, 3);
    EXPECT_EQ(count(*p.newLesions), count(*scan().lesions));
    EXPECT_TRUE(equalImages(*p.fu, *scan().flair));  // FU is the real scan
    // Spot centre: bright (~1200) in FU, normal tissue (~750) in BL.
    PhysicalPointLps c;
    c[0] = 25; c[1] = 20; c[2] = -12;
    itk::Index<3> i;
    ASSERT_TRUE(p.fu->TransformPhysicalPointToIndex(c, i));
    EXPECT_GT(p.fu->GetPixel(i), 1000.0f);
    EXPECT_LT(p.bl->GetPixel(i), 850.0f);
}

TEST(PairSynthesis, InsertedLesionsAreBrighterInFollowUpAndMarked) {
    auto o = quiet(5);
    o.insertMin = o.insertMax = 3;
    o.insertMinMl = 0.05;
    o.insertMaxMl = 0.3;
    const auto shapes = extractLesionShapes(*scan().flair, *scan().lesions);
    ASSERT_EQ(shapes.size(), 3u);
    const auto p = synthesisePair(*scan().flair, nullptr, shapes, o);
    EXPECT_GE(p.inserted, 1);
    ASSERT_GT(count(*p.newLesions), 0u);
    std::size_t brighter = 0, marked = 0;
    itk::ImageRegionConstIterator<MaskVolume> m(p.newLesions, p.newLesions->GetBufferedRegion());
    itk::ImageRegionConstIterator<ImageVolume> f(p.fu, p.fu->GetBufferedRegion()), b(p.bl, p.bl->GetBufferedRegion());
    for (; !m.IsAtEnd(); ++m, ++f, ++b) {
        if (!m.Get()) continue;
        ++marked;
        brighter += f.Get() > b.Get();
    }
    EXPECT_GT(double(brighter) / marked, 0.9);
}

TEST(PairSynthesis, ShrinkingLesionsAreNotMarked) {
    auto o = quiet(9);
    o.shrinkFraction = 1.0;
    const auto p = synthesisePair(*scan().flair, scan().lesions, {}, o);
    EXPECT_GT(p.shrunk, 0);
    EXPECT_EQ(count(*p.newLesions), 0u);
    EXPECT_FALSE(equalImages(*p.fu, *scan().flair));
}

TEST(PairSynthesis, EnlargementMarksOnlyTheNewRim) {
    auto o = quiet(11);
    o.enlargeFraction = 1.0;
    const auto p = synthesisePair(*scan().flair, scan().lesions, {}, o);
    EXPECT_EQ(p.enlarged, 3);
    ASSERT_GT(count(*p.newLesions), 0u);
    itk::ImageRegionConstIterator<MaskVolume> m(p.newLesions, p.newLesions->GetBufferedRegion());
    itk::ImageRegionConstIterator<MaskVolume> l(scan().lesions, scan().lesions->GetBufferedRegion());
    for (; !m.IsAtEnd(); ++m, ++l) ASSERT_FALSE(m.Get() && l.Get()) << "old lesion tissue marked";
}

TEST(PairSynthesis, MisregistrationStaysWithinTwoMillimetresAndTwoDegrees) {
    for (unsigned seed = 1; seed <= 3; ++seed) {
        auto o = quiet(seed);
        o.nuisance = true;
        const auto p = synthesisePair(*scan().flair, scan().lesions, {}, o);
        const double shift = std::sqrt(p.shiftMm[0] * p.shiftMm[0] + p.shiftMm[1] * p.shiftMm[1] + p.shiftMm[2] * p.shiftMm[2]);
        EXPECT_LE(shift, 2.0 + 1e-9);
        EXPECT_LE(p.rotationDeg, 2.0);
        EXPECT_FALSE(equalImages(*p.bl, *p.fu));
    }
}

}  // namespace
