// Matching the effective resolution of BL and FU (core/ResolutionMatching) on textured phantoms
// whose visits are blurred along different axes, as thick slices along different axes blur them.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "TestImages.h"
#include "lesiondelta/core/ResolutionMatching.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

constexpr unsigned kN = 64;

// Many small soft spheres of random brightness on a flat background: detail along every axis,
// with edges about as soft as a 1 mm MRI acquisition makes them (the measure assumes that).
ImageVolume::Pointer texturedPhantom(unsigned seed) {
    auto image = makeImage<ImageVolume>({kN, kN, kN}, {1, 1, 1});
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> pos(4, kN - 4), radius(1.2, 3.0), bright(0.5, 2.0);
    float* v = image->GetBufferPointer();
    for (int s = 0; s < 400; ++s) {
        const double cx = pos(rng), cy = pos(rng), cz = pos(rng), r = radius(rng), b = bright(rng);
        for (unsigned k = 0; k < kN; ++k)
            for (unsigned j = 0; j < kN; ++j)
                for (unsigned i = 0; i < kN; ++i) {
                    const double d = std::sqrt((i - cx) * (i - cx) + (j - cy) * (j - cy) + (k - cz) * (k - cz));
                    if (d < r + 6) v[i + kN * (j + kN * k)] += float(b * smoothStep((r - d) * 1.5));
                }
    }
    return image;
}

// A copy blurred along one grid axis (sampled Gaussian, sigma in voxels) plus white noise of `sd`.
ImageVolume::Pointer acquire(const ImageVolume& truth, int axis, double sigma, double sd, unsigned seed) {
    auto out = makeImage<ImageVolume>({kN, kN, kN}, {1, 1, 1});
    const float* in = truth.GetBufferPointer();
    float* o = out->GetBufferPointer();
    const int radius = int(std::ceil(3 * sigma));
    std::vector<double> w;
    for (int t = -radius; t <= radius; ++t) w.push_back(sigma > 0 ? std::exp(-0.5 * t * t / (sigma * sigma)) : 1.0);
    double sum = 0;
    for (double x : w) sum += x;
    const unsigned stride[3] = {1, kN, kN * kN};
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, sd);
    for (unsigned k = 0; k < kN; ++k)
        for (unsigned j = 0; j < kN; ++j)
            for (unsigned i = 0; i < kN; ++i) {
                const unsigned at = i + kN * (j + kN * k), pos[3] = {i, j, k};
                double acc = 0;
                for (int t = -radius; t <= radius; ++t) {
                    const long q = std::clamp(long(pos[axis]) + t, 0L, long(kN) - 1);
                    acc += w[t + radius] * in[at + (q - long(pos[axis])) * long(stride[axis])];
                }
                o[at] = float(acc / sum + (sd > 0 ? noise(rng) : 0.0));
            }
    return out;
}

MaskVolume::Pointer inner() {
    auto mask = makeImage<MaskVolume>({kN, kN, kN}, {1, 1, 1});
    paintBox(*mask, {6, 6, 6}, {kN - 7, kN - 7, kN - 7});
    return mask;
}

}  // namespace

TEST(ResolutionMatching, SharpnessFallsAlongTheBlurredAxisAndIgnoresWhiteNoise) {
    const auto truth = texturedPhantom(1);
    const auto mask = inner();
    const auto clean = axisSharpness(*acquire(*truth, 2, 1.0, 0.0, 2), *mask);
    // The 1 mm pre-smoothing shared by every axis narrows the gap; still past the tolerance.
    EXPECT_LT(clean[2], clean[0] / (1 + kDefaultResolutionTolerance));
    EXPECT_LT(clean[2], clean[1] / (1 + kDefaultResolutionTolerance));
    EXPECT_NEAR(clean[0] / clean[1], 1.0, 0.15);
    const auto noisy = axisSharpness(*acquire(*truth, 2, 1.0, 0.1, 3), *mask);
    for (int a = 0; a < 3; ++a) EXPECT_NEAR(noisy[a] / clean[a], 1.0, 0.1) << "axis " << a;
}

TEST(ResolutionMatching, VisitsSlicedAlongDifferentAxesAreBlurredToOneResolution) {
    const auto truth = texturedPhantom(4);
    const auto mask = inner();
    auto bl = acquire(*truth, 2, 1.0, 0.05, 5);  // BL thick along z
    auto fu = acquire(*truth, 0, 0.8, 0.02, 6);  // FU thick along x, less noise
    const auto r = matchResolution(bl, fu, *mask);
    ASSERT_TRUE(r.changed());
    EXPECT_GT(r.blSigmaMm[0], 0.4);  // BL blurred along x as FU is
    EXPECT_LT(r.blSigmaMm[0], 1.3);
    EXPECT_GT(r.fuSigmaMm[2], 0.5);  // FU blurred along z as BL is
    EXPECT_LT(r.fuSigmaMm[2], 1.5);
    EXPECT_EQ(r.blSigmaMm[1], 0.0);
    EXPECT_EQ(r.fuSigmaMm[1], 0.0);
    EXPECT_EQ(r.blSigmaMm[2], 0.0);
    EXPECT_EQ(r.fuSigmaMm[0], 0.0);
    EXPECT_LT(r.ratioBefore[0], r.ratioBefore[1] / 1.15);
    EXPECT_GT(r.ratioBefore[2], r.ratioBefore[1] * 1.15);
    for (int a = 0; a < 3; ++a) EXPECT_NEAR(r.ratioAfter[a] / r.ratioAfter[1], 1.0, 0.1) << "axis " << a;
}

TEST(ResolutionMatching, VisitsAlikeButForNoiseAndContrastAreLeftAlone) {
    const auto truth = texturedPhantom(7);
    const auto mask = inner();
    auto bl = acquire(*truth, 2, 0.8, 0.03, 8);
    auto fu = acquire(*truth, 2, 0.8, 0.08, 9);
    for (float* p = fu->GetBufferPointer(); p != fu->GetBufferPointer() + kN * kN * kN; ++p) *p *= 1.6f;
    const auto* blBefore = bl.GetPointer();
    const auto* fuBefore = fu.GetPointer();
    const auto r = matchResolution(bl, fu, *mask);
    EXPECT_FALSE(r.changed());
    EXPECT_EQ(bl.GetPointer(), blBefore);
    EXPECT_EQ(fu.GetPointer(), fuBefore);
}

TEST(ResolutionMatching, ScansOnDifferentGridsAreRefused) {
    auto bl = makeImage<ImageVolume>({16, 16, 16}, {1, 1, 1});
    auto fu = makeImage<ImageVolume>({16, 16, 12}, {1, 1, 1});
    auto mask = makeImage<MaskVolume>({16, 16, 16}, {1, 1, 1});
    EXPECT_THROW(matchResolution(bl, fu, *mask), std::invalid_argument);
}

TEST(ResolutionMatching, AHeadMaskOnAnotherGridIsRefused) {
    auto bl = makeImage<ImageVolume>({16, 16, 16}, {1, 1, 1});
    auto fu = makeImage<ImageVolume>({16, 16, 16}, {1, 1, 1});
    auto mask = makeImage<MaskVolume>({16, 16, 12}, {1, 1, 1});
    EXPECT_THROW(matchResolution(bl, fu, *mask), std::invalid_argument);
}

TEST(ResolutionMatching, AnEmptyHeadLeavesBothScansAlone) {
    auto bl = acquire(*texturedPhantom(10), 2, 1.0, 0.0, 11);
    auto fu = acquire(*texturedPhantom(10), 0, 1.0, 0.0, 12);
    const auto* blBefore = bl.GetPointer();
    const auto empty = makeImage<MaskVolume>({kN, kN, kN}, {1, 1, 1});
    const auto r = matchResolution(bl, fu, *empty);
    EXPECT_FALSE(r.changed());
    EXPECT_EQ(bl.GetPointer(), blBefore);
    EXPECT_EQ(r.ratioBefore[0], 1.0);
}

// The search runs on the head's bounding box: a head placed off-centre in a larger grid of
// background gets the sigmas it gets on a grid of its own size, and the whole grid is blurred.
TEST(ResolutionMatching, AHeadOffCentreInALargerGridIsMatchedAlike) {
    const auto truth = texturedPhantom(13);
    auto bl = acquire(*truth, 2, 1.0, 0.02, 14), fu = acquire(*truth, 0, 0.8, 0.02, 15);
    constexpr unsigned kBig = 112;
    const long offset[3] = {40, 4, 30};
    auto embed = [&](const ImageVolume& small) {
        auto big = makeImage<ImageVolume>({kBig, kBig, kBig}, {1, 1, 1});
        for (unsigned k = 0; k < kN; ++k)
            for (unsigned j = 0; j < kN; ++j)
                for (unsigned i = 0; i < kN; ++i)
                    big->GetBufferPointer()[(i + offset[0]) + kBig * ((j + offset[1]) + kBig * (k + offset[2]))] =
                        small.GetBufferPointer()[i + kN * (j + kN * k)];
        return big;
    };
    auto bigBl = embed(*bl), bigFu = embed(*fu);
    auto bigMask = makeImage<MaskVolume>({kBig, kBig, kBig}, {1, 1, 1});
    const long last = long(kN) - 7;
    paintBox(*bigMask, {6 + offset[0], 6 + offset[1], 6 + offset[2]},
             {last + offset[0], last + offset[1], last + offset[2]});
    const auto small = matchResolution(bl, fu, *inner());
    const auto big = matchResolution(bigBl, bigFu, *bigMask);
    ASSERT_TRUE(small.changed());
    for (int a = 0; a < 3; ++a) {
        EXPECT_NEAR(big.blSigmaMm[a], small.blSigmaMm[a], 0.1) << "axis " << a;
        EXPECT_NEAR(big.fuSigmaMm[a], small.fuSigmaMm[a], 0.1) << "axis " << a;
    }
    // The scans themselves are blurred on their whole grid, not cropped to the head.
    EXPECT_EQ(bigBl->GetLargestPossibleRegion().GetSize()[0], kBig);
    EXPECT_EQ(bigFu->GetLargestPossibleRegion().GetSize()[2], kBig);
}
