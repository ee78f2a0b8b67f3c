#include <gtest/gtest.h>
#include <itkImageIOFactory.h>

#include "RawNifti.h"
#include "TestImages.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

itk::Matrix<double, 3, 3> obliqueDirection() {
    // A rotation of 20 degrees about z then 10 about x: non-trivial direction cosines.
    const double a = 20 * M_PI / 180, b = 10 * M_PI / 180;
    itk::Matrix<double, 3, 3> rz, rx;
    rz.SetIdentity();
    rx.SetIdentity();
    rz(0, 0) = std::cos(a);
    rz(0, 1) = -std::sin(a);
    rz(1, 0) = std::sin(a);
    rz(1, 1) = std::cos(a);
    rx(1, 1) = std::cos(b);
    rx(1, 2) = -std::sin(b);
    rx(2, 1) = std::sin(b);
    rx(2, 2) = std::cos(b);
    return rz * rx;
}

itk::IOComponentEnum storedComponentType(const std::string& path) {
    auto io = itk::ImageIOFactory::CreateImageIO(path.c_str(), itk::IOFileModeEnum::ReadMode);
    io->SetFileName(path);
    io->ReadImageInformation();
    return io->GetComponentType();
}

class RoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(RoundTrip, KeepsThePhysicalPositionOfEveryVoxelAndItsValue) {
    TempDir dir;
    const auto direction = obliqueDirection();
    auto image = makeImage<ImageVolume>({13, 11, 7}, {0.72, 0.8, 3.0}, {-90.5, 120.25, -33.0}, &direction);
    fillPhysical(*image, [](const PhysicalPointLps& p) { return p[0] + 2 * p[1] - 0.5 * p[2]; });
    const std::string path = dir.file("volume" + GetParam());
    writeVolume(*image, path);
    const auto back = readVolume(path);

    ASSERT_EQ(back->GetLargestPossibleRegion().GetSize(), image->GetLargestPossibleRegion().GetSize());
    for (long k : {0L, 6L})
        for (long j : {0L, 10L})
            for (long i : {0L, 12L}) {
                PhysicalPointLps a, b;
                image->TransformIndexToPhysicalPoint({{i, j, k}}, a);
                back->TransformIndexToPhysicalPoint({{i, j, k}}, b);
                EXPECT_LT(a.EuclideanDistanceTo(b), 1e-3) << "voxel " << i << "," << j << "," << k;
                EXPECT_NEAR(back->GetPixel({{i, j, k}}), image->GetPixel({{i, j, k}}), 1e-3);
            }
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTrip, ::testing::Values(".nii.gz", ".nii", ".nrrd", ".mha"));

TEST(VolumeIO, WritesMasksAsUint8AndImagesAsFloat32) {
    TempDir dir;
    auto mask = makeImage<MaskVolume>({5, 5, 5}, {1, 1, 1});
    mask->SetPixel({{2, 2, 2}}, 1);
    auto image = makeImage<ImageVolume>({5, 5, 5}, {1, 1, 1});
    image->SetPixel({{1, 2, 3}}, 0.25f);
    writeMask(*mask, dir.file("m.nii.gz"));
    writeVolume(*image, dir.file("p.nii.gz"));
    EXPECT_EQ(storedComponentType(dir.file("m.nii.gz")), itk::IOComponentEnum::UCHAR);
    EXPECT_EQ(storedComponentType(dir.file("p.nii.gz")), itk::IOComponentEnum::FLOAT);
    EXPECT_EQ(readMask(dir.file("m.nii.gz"))->GetPixel({{2, 2, 2}}), 1);
    EXPECT_FLOAT_EQ(readVolume(dir.file("p.nii.gz"))->GetPixel({{1, 2, 3}}), 0.25f);
}

TEST(VolumeIO, ReadMaskTurnsEveryPositiveValueIntoOne) {
    TempDir dir;
    auto image = makeImage<ImageVolume>({4, 4, 4}, {1, 1, 1});
    image->SetPixel({{0, 0, 0}}, 7.0f);
    image->SetPixel({{1, 0, 0}}, 0.5f);
    image->SetPixel({{2, 0, 0}}, -3.0f);
    writeVolume(*image, dir.file("m.nii.gz"));
    const auto mask = readMask(dir.file("m.nii.gz"));
    EXPECT_EQ(mask->GetPixel({{0, 0, 0}}), 1);
    EXPECT_EQ(mask->GetPixel({{1, 0, 0}}), 1);
    EXPECT_EQ(mask->GetPixel({{2, 0, 0}}), 0);
}

TEST(VolumeIO, FailedWriteLeavesThePreviousFileIntactAndNoTemporaryFile) {
    TempDir dir;
    auto image = makeImage<ImageVolume>({4, 4, 4}, {1, 1, 1});
    image->FillBuffer(3.0f);
    const std::string path = dir.file("keep.nii.gz");
    writeVolume(*image, path);
    // An unknown extension makes ITK's writer fail after the temporary name was chosen.
    EXPECT_THROW(writeVolume(*image, dir.file("bad.unknown-format")), VolumeError);
    EXPECT_FLOAT_EQ(readVolume(path)->GetPixel({{1, 1, 1}}), 3.0f);
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
        (void)e;
        ++files;
    }
    EXPECT_EQ(files, 1u);
}

TEST(VolumeIO, FourDimensionalFileWithOneVolumeIsAccepted) {
    TempDir dir;
    RawNiftiHeader h;
    h.dim = {4, 3, 3, 3, 1, 1, 1, 1};
    writeRawNifti(dir.file("one.nii"), h, floatBytes(std::vector<float>(27, 2.0f)));
    const auto v = readVolume(dir.file("one.nii"));
    EXPECT_EQ(v->GetLargestPossibleRegion().GetSize()[2], 3u);
    EXPECT_FLOAT_EQ(v->GetPixel({{1, 1, 1}}), 2.0f);
}

TEST(VolumeIO, LabelsAreReadAsIntegers) {
    TempDir dir;
    auto labels = makeImage<LabelVolume>({4, 4, 4}, {1, 1, 1});
    labels->SetPixel({{1, 1, 1}}, 3);
    labels->SetPixel({{2, 1, 1}}, 2);
    writeLabels(*labels, dir.file("lst.nii.gz"));
    const auto back = readLabels(dir.file("lst.nii.gz"));
    EXPECT_EQ(back->GetPixel({{1, 1, 1}}), 3u);
    EXPECT_EQ(back->GetPixel({{2, 1, 1}}), 2u);
}

}  // namespace
