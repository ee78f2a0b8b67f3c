// Every bad input is a VolumeError whose one-line message names the file and the problem.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <limits>

#include "RawNifti.h"
#include "TestImages.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

void expectReadError(const std::string& path, const std::string& problem) {
    try {
        readVolume(path);
        FAIL() << "no error for " << path;
    } catch (const VolumeError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(path), std::string::npos) << message;
        EXPECT_NE(message.find(problem), std::string::npos) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << "not one line: " << message;
    }
}

RawNiftiHeader headerWithDims(std::array<std::int16_t, 8> dim) {
    RawNiftiHeader h;
    h.dim = dim;
    return h;
}

TEST(BadInput, MissingFileIsReportedAsNotFound) {
    TempDir dir;
    expectReadError(dir.file("nothing-here.nii.gz"), "file not found");
}

TEST(BadInput, EmptyFileIsReportedAsEmpty) {
    TempDir dir;
    std::ofstream(dir.file("empty.nii.gz")).close();
    expectReadError(dir.file("empty.nii.gz"), "empty file");
}

TEST(BadInput, TextFileNamedLikeAnImageIsNotAReadableImage) {
    TempDir dir;
    std::ofstream(dir.file("notes.nii.gz")) << "these are not voxels\n";
    expectReadError(dir.file("notes.nii.gz"), "not a readable image");
}

TEST(BadInput, TruncatedGzipIsReportedAsUnreadable) {
    TempDir dir;
    auto image = makeImage<ImageVolume>({40, 40, 20}, {1, 1, 1});
    fillPhysical(*image, [](const PhysicalPointLps& p) { return std::sin(p[0]) * 100 + p[1]; });
    writeVolume(*image, dir.file("whole.nii.gz"));
    const auto size = std::filesystem::file_size(dir.file("whole.nii.gz"));
    std::filesystem::copy_file(dir.file("whole.nii.gz"), dir.file("cut.nii.gz"));
    std::filesystem::resize_file(dir.file("cut.nii.gz"), size / 2);
    expectReadError(dir.file("cut.nii.gz"), "truncated");
}

TEST(BadInput, UncompressedFileShorterThanItsHeaderSaysIsUnreadable) {
    TempDir dir;
    writeRawNifti(dir.file("short.nii"), headerWithDims({3, 8, 8, 8, 1, 1, 1, 1}), floatBytes({1, 2, 3}));
    expectReadError(dir.file("short.nii"), "truncated");
}

TEST(BadInput, AHeaderWhoseBitpixUnderstatesTheDataIsStillCheckedForTruncation) {
    // Found by fuzzing: bitpix 0 made the expected payload 0 bytes, so a 600-byte file claiming
    // 64 million voxels reached ITK, which read it into a huge image.
    TempDir dir;
    RawNiftiHeader h = headerWithDims({3, 400, 400, 400, 1, 1, 1, 1});
    h.bitpix = 0;
    writeRawNifti(dir.file("bitpix0.nii"), h, floatBytes({1, 2, 3}));
    expectReadError(dir.file("bitpix0.nii"), "truncated");
}

TEST(BadInput, TwoDimensionalImageIsRefused) {
    TempDir dir;
    writeRawNifti(dir.file("flat.nii"), headerWithDims({2, 8, 8, 1, 1, 1, 1, 1}),
                  floatBytes(std::vector<float>(64, 1)));
    expectReadError(dir.file("flat.nii"), "2D image");
}

TEST(BadInput, SingleSliceVolumeIsRefused) {
    TempDir dir;
    writeRawNifti(dir.file("slice.nii"), headerWithDims({3, 8, 8, 1, 1, 1, 1, 1}),
                  floatBytes(std::vector<float>(64, 1)));
    expectReadError(dir.file("slice.nii"), "single slice");
}

TEST(BadInput, FourDimensionalImageWithSeveralVolumesIsRefused) {
    TempDir dir;
    writeRawNifti(dir.file("series.nii"), headerWithDims({4, 4, 4, 4, 3, 1, 1, 1}),
                  floatBytes(std::vector<float>(192, 1)));
    expectReadError(dir.file("series.nii"), "several volumes");
}

TEST(BadInput, AbsurdSizeIsRefusedBeforeAllocating) {
    TempDir dir;
    writeRawNifti(dir.file("huge.nii"), headerWithDims({3, 1000, 1000, 1000, 1, 1, 1, 1}), floatBytes({1}));
    expectReadError(dir.file("huge.nii"), "too large");
}

TEST(BadInput, ZeroSpacingIsRefused) {
    TempDir dir;
    RawNiftiHeader h;
    h.pixdim = {1, 1, 0, 1, 1, 1, 1, 1};
    writeRawNifti(dir.file("zero.nii"), h, floatBytes(std::vector<float>(64, 1)));
    expectReadError(dir.file("zero.nii"), "spacing");
}

TEST(BadInput, NaNSpacingIsRefused) {
    TempDir dir;
    RawNiftiHeader h;
    h.pixdim = {1, 1, 1, std::numeric_limits<float>::quiet_NaN(), 1, 1, 1, 1};
    writeRawNifti(dir.file("nanspacing.nii"), h, floatBytes(std::vector<float>(64, 1)));
    expectReadError(dir.file("nanspacing.nii"), "spacing");
}

TEST(BadInput, NaNAndInfiniteVoxelsAreCountedAndRefused) {
    TempDir dir;
    std::vector<float> voxels(64, 1.0f);
    voxels[5] = std::numeric_limits<float>::quiet_NaN();
    voxels[9] = std::numeric_limits<float>::infinity();
    writeRawNifti(dir.file("nan.nii"), RawNiftiHeader{}, floatBytes(voxels));
    expectReadError(dir.file("nan.nii"), "2 NaN or infinite voxels");
}

TEST(BadInput, RgbVoxelsAreRefused) {
    TempDir dir;
    RawNiftiHeader h;
    h.datatype = 128;
    h.bitpix = 24;
    writeRawNifti(dir.file("rgb.nii"), h, std::vector<char>(64 * 3, 10));
    expectReadError(dir.file("rgb.nii"), "components per voxel");
}

TEST(BadInput, ComplexVoxelsAreRefused) {
    TempDir dir;
    RawNiftiHeader h;
    h.datatype = 32;
    h.bitpix = 64;
    writeRawNifti(dir.file("complex.nii"), h, std::vector<char>(64 * 8, 0));
    expectReadError(dir.file("complex.nii"), "components per voxel");
}

TEST(BadInput, FolderWithoutDicomFilesIsRefused) {
    TempDir dir;
    std::filesystem::create_directory(dir.file("folder.nii.gz"));
    expectReadError(dir.file("folder.nii.gz"), "without DICOM series");
}

TEST(BadInput, SymlinkLoopIsRefused) {
    TempDir dir;
    std::filesystem::create_symlink(dir.file("b.nii"), dir.file("a.nii"));
    std::filesystem::create_symlink(dir.file("a.nii"), dir.file("b.nii"));
    expectReadError(dir.file("a.nii"), "cannot be accessed");
}

TEST(BadInput, UnreadableFileIsRefused) {
    TempDir dir;
    writeRawNifti(dir.file("locked.nii"), RawNiftiHeader{}, floatBytes(std::vector<float>(64, 1)));
    std::filesystem::permissions(dir.file("locked.nii"), std::filesystem::perms::none);
    if (geteuid() != 0) {
        expectReadError(dir.file("locked.nii"), "cannot be opened");
        return;
    }
    // Root reads anything: try as an unprivileged user in a child process instead.
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        if (setgid(65534) != 0 || setuid(65534) != 0) _exit(3);
        try {
            readVolume(dir.file("locked.nii"));
        } catch (const VolumeError& e) {
            _exit(std::string(e.what()).find("cannot be opened") != std::string::npos ? 0 : 1);
        } catch (...) {
            _exit(2);
        }
        _exit(4);  // read without error
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0)
        << "1: other message, 2: other exception, 3: could not drop privileges, 4: no error";
}

TEST(BadInput, ImageWithAZeroSizedAxisIsEmpty) {
    TempDir dir;
    writeRawNifti(dir.file("empty.nii"), headerWithDims({3, 4, 0, 4, 1, 1, 1, 1}), {});
    expectReadError(dir.file("empty.nii"), "empty");
}

TEST(BadInput, ImageWithoutContrastCannotBeRegistered) {
    auto flat = makeImage<ImageVolume>({32, 32, 16}, {2, 2, 4});
    flat->FillBuffer(100.0f);
    auto head = makeImage<ImageVolume>({32, 32, 16}, {5, 5, 8}, {-80, -80, -64});
    fillPhysical(*head, headPhantom);
    try {
        registerRigid(*head, *flat);
        FAIL() << "registered an image without contrast";
    } catch (const VolumeError& e) {
        EXPECT_EQ(e.path(), "BL");
        EXPECT_NE(std::string(e.what()).find("no contrast"), std::string::npos) << e.what();
    }
}

}  // namespace
