#include <gtest/gtest.h>

#include <fstream>

#include "TestImages.h"
#include "lesiondelta/core/ChangeDirection.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/TransformIO.h"
#include "lesiondelta/core/VolumeError.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

TEST(ChangeDirection, KeepsOnlyComponentsThatGotBrighterInFollowUp) {
    auto grid = [] { return makeImage<ImageVolume>({60, 60, 30}, {2, 2, 4}, {-60, -60, -60}); };
    auto bl = grid(), fu = grid();
    fillPhysical(*bl, [](const PhysicalPointLps& p) { return headPhantom(p); });
    // FU: twice as bright overall; box A brighter than that, box B darker.
    fillPhysical(*fu, [](const PhysicalPointLps& p) { return 2.0 * headPhantom(p); });
    paintBox(*fu, {20, 20, 10}, {22, 22, 11}, fu->GetPixel({{21, 21, 10}}) + 400.0f);
    paintBox(*fu, {35, 35, 15}, {37, 37, 16}, fu->GetPixel({{36, 36, 15}}) * 0.6f);
    auto change = makeImage<MaskVolume>({60, 60, 30}, {2, 2, 4}, {-60, -60, -60});
    paintBox(*change, {20, 20, 10}, {22, 22, 11});
    paintBox(*change, {35, 35, 15}, {37, 37, 16});
    const auto split = splitChangeByDirection(*change, *bl, *fu);
    EXPECT_EQ(split.increasing, 1u);
    EXPECT_EQ(split.decreasing, 1u);
    EXPECT_EQ(split.increase->GetPixel({{21, 21, 10}}), 1);
    EXPECT_EQ(split.increase->GetPixel({{36, 36, 15}}), 0);
    EXPECT_NEAR(split.gain, 2.0, 0.05);  // FU is BL at twice the scale
}

TEST(TransformIO, ReadsWhatWasWrittenAndInvertsIt) {
    TempDir dir;
    auto t = RigidTransform::New();
    itk::Vector<double, 3> axis;
    axis[0] = 0;
    axis[1] = 0;
    axis[2] = 1;
    t->SetRotation(axis, 0.1);
    itk::Vector<double, 3> shift;
    shift[0] = 5;
    shift[1] = -2;
    shift[2] = 1;
    t->SetTranslation(shift);
    writeTransform(*t, dir.file("t.tfm"));
    PhysicalPointLps p;
    p[0] = 10;
    p[1] = 20;
    p[2] = 30;
    const auto forward = readTransform(dir.file("t.tfm"));
    const auto back = readTransform(dir.file("t.tfm"), true);
    EXPECT_LT(forward->TransformPoint(p).EuclideanDistanceTo(t->TransformPoint(p)), 1e-9);
    EXPECT_LT(back->TransformPoint(forward->TransformPoint(p)).EuclideanDistanceTo(p), 1e-9);
}

TEST(TransformIO, MissingOrUnreadableFilesAreNamed) {
    TempDir dir;
    EXPECT_THROW(readTransform(dir.file("absent.tfm")), VolumeError);
    std::ofstream(dir.file("junk.tfm")) << "not a transform";
    try {
        readTransform(dir.file("junk.tfm"));
        FAIL();
    } catch (const VolumeError& e) {
        EXPECT_NE(std::string(e.what()).find("junk.tfm"), std::string::npos);
    }
}

}  // namespace
