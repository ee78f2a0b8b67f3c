#include <gtest/gtest.h>

#include "TestImages.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/VolumeError.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

template <typename TImage>
typename TImage::Pointer centredImage(std::array<unsigned, 3> size, std::array<double, 3> spacing,
                                      std::array<double, 3> shift = {0, 0, 0}) {
    std::array<double, 3> origin;
    for (int d = 0; d < 3; ++d) origin[d] = -(double(size[d]) - 1) * spacing[d] / 2 + shift[d];
    return makeImage<TImage>(size, spacing, origin);
}

// A pair made from the phantom: FU(p) = f(p), BL(q) = 2 f(T^-1 q) + 50 on another grid, so that
// the true FU -> BL mapping is T.
struct SyntheticPair {
    ImageVolume::Pointer fu, bl;
    RigidTransform::Pointer truth;
};

SyntheticPair makePair() {
    SyntheticPair pair;
    pair.truth = RigidTransform::New();
    itk::Vector<double, 3> axis;
    axis[0] = 0.3;
    axis[1] = 0.2;
    axis[2] = 1.0;
    pair.truth->SetRotation(axis, 6.0 * M_PI / 180.0);
    itk::Vector<double, 3> t;
    t[0] = 4.0;
    t[1] = -3.0;
    t[2] = 5.0;
    pair.truth->SetTranslation(t);
    auto inverse = RigidTransform::New();
    pair.truth->GetInverse(inverse);

    pair.fu = centredImage<ImageVolume>({128, 128, 40}, {1.25, 1.25, 3.0});
    fillPhysical(*pair.fu, headPhantom);
    pair.bl = centredImage<ImageVolume>({96, 110, 64}, {1.7, 1.5, 2.2}, {3, -4, 6});
    fillPhysical(*pair.bl,
                 [&](const PhysicalPointLps& q) { return 2.0 * headPhantom(inverse->TransformPoint(q)) + 50; });
    return pair;
}

double rotationDifferenceDeg(const RigidTransform& a, const RigidTransform& b) {
    const auto d = a.GetVersor().GetConjugate() * b.GetVersor();
    return d.GetAngle() * 180.0 / M_PI;
}

TEST(RigidRegistration, RecoversAKnownRotationAndShiftWithinHalfAMillimetreAndHalfADegree) {
    const auto pair = makePair();
    const auto result = registerRigid(*pair.fu, *pair.bl);

    double worst = 0.0;
    for (double x = -45; x <= 45; x += 15)
        for (double y = -55; y <= 55; y += 15)
            for (double z = -35; z <= 35; z += 10) {
                PhysicalPointLps p;
                p[0] = x;
                p[1] = y;
                p[2] = z;
                worst = std::max(worst,
                                 result.fuToBl->TransformPoint(p).EuclideanDistanceTo(pair.truth->TransformPoint(p)));
            }
    const double angle = rotationDifferenceDeg(*result.fuToBl, *pair.truth);
    std::cout << "worst point error " << worst << " mm, rotation error " << angle << " deg, " << result.seconds
              << " s, metric " << result.finalMetric << "\n";
    EXPECT_LT(worst, 0.5);
    EXPECT_LT(angle, 0.5);
    EXPECT_LT(result.finalMetric, 0.0);
}

TEST(RigidRegistration, ReportsProgressAndStopsWhenCancelled) {
    const auto pair = makePair();
    RegistrationOptions options;
    std::vector<double> seen;
    options.progress = [&](double fraction, const std::string& stage) {
        EXPECT_EQ(stage, "registration");
        seen.push_back(fraction);
        return seen.size() < 5;  // cancel at the fifth report
    };
    EXPECT_THROW(registerRigid(*pair.fu, *pair.bl, options), Cancelled);
    ASSERT_EQ(seen.size(), 5u);
    for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i], seen[i - 1]);
}

TEST(RigidRegistration, IsRepeatableForTheSameInput) {
    // Sampling is seeded; only the order of multithreaded sums may differ between runs.
    const auto pair = makePair();
    const auto a = registerRigid(*pair.fu, *pair.bl);
    const auto b = registerRigid(*pair.fu, *pair.bl);
    PhysicalPointLps p;
    p[0] = 40;
    p[1] = -50;
    p[2] = 30;
    EXPECT_LT(a.fuToBl->TransformPoint(p).EuclideanDistanceTo(b.fuToBl->TransformPoint(p)), 0.01);
}

TEST(RigidRegistration, NormalisedCorrelationIsOneForAScaledCopyAndLowerForAShiftedOne) {
    auto a = centredImage<ImageVolume>({40, 40, 20}, {4, 4, 8});
    fillPhysical(*a, headPhantom);
    auto b = centredImage<ImageVolume>({40, 40, 20}, {4, 4, 8});
    fillPhysical(*b, [](const PhysicalPointLps& p) { return 0.5 * headPhantom(p) + 10; });
    auto c = centredImage<ImageVolume>({40, 40, 20}, {4, 4, 8});
    fillPhysical(*c, [](const PhysicalPointLps& p) {
        PhysicalPointLps q = p;
        q[0] += 12;
        return headPhantom(q);
    });
    EXPECT_NEAR(normalisedCorrelation(*a, *b), 1.0, 1e-6);
    EXPECT_LT(normalisedCorrelation(*a, *c), 0.95);
}

}  // namespace

TEST(RigidRegistration, ComposingThroughAReferenceMapsBsPointsToAs) {
    auto referenceToA = RigidTransform::New(), referenceToB = RigidTransform::New();
    itk::Vector<double, 3> axis, t;
    axis[0] = 0.1, axis[1] = 1.0, axis[2] = 0.4;
    referenceToA->SetRotation(axis, 0.12);
    t[0] = 3, t[1] = -7, t[2] = 1.5;
    referenceToA->SetTranslation(t);
    axis[0] = -0.6, axis[1] = 0.2, axis[2] = 1.0;
    referenceToB->SetRotation(axis, -0.08);
    t[0] = -2, t[1] = 4, t[2] = 9;
    referenceToB->SetTranslation(t);
    const auto bToA = composeThroughReference(referenceToA, referenceToB);
    for (const auto& q : {std::array<double, 3>{0, 0, 0}, {40, -25, 60}, {-80, 90, -30}}) {
        RigidTransform::InputPointType reference;
        for (int d = 0; d < 3; ++d) reference[d] = q[d];
        const auto inA = referenceToA->TransformPoint(reference);
        const auto inB = referenceToB->TransformPoint(reference);
        const auto mapped = bToA->TransformPoint(inB);
        for (int d = 0; d < 3; ++d) EXPECT_NEAR(mapped[d], inA[d], 1e-9);
    }
    // The reference itself (null) is the identity on its side.
    const auto toA = composeThroughReference(referenceToA, nullptr);
    RigidTransform::InputPointType p;
    p[0] = 12, p[1] = -3, p[2] = 7;
    const auto a = referenceToA->TransformPoint(p), b = toA->TransformPoint(p);
    for (int d = 0; d < 3; ++d) EXPECT_NEAR(a[d], b[d], 1e-9);
    // A scaling transform is not rigid: refused with a message.
    auto scaling = itk::MatrixOffsetTransformBase<double, 3, 3>::New();
    auto m = scaling->GetMatrix();
    m(0, 0) = 2.0;
    scaling->SetMatrix(m);
    EXPECT_THROW(composeThroughReference(scaling, referenceToB), VolumeError);
}
