// DICOM folders: written here with ITK/GDCM, one or two series per folder.
#include <gtest/gtest.h>

#include "TestDicom.h"
#include "TestImages.h"
#include "lesiondelta/core/DicomSeries.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

TEST(DicomSeries, FolderWithOneSeriesIsReadWithItsGeometry) {
    TempDir dir;
    writeSeries(dir.path(), "flair", "1.2.826.0.1.3680043.2.1125.10", "FLAIR axial", 6, 100);
    const auto volume = readVolume(dir.path().string());
    const auto size = volume->GetLargestPossibleRegion().GetSize();
    EXPECT_EQ(size[0], 16u);
    EXPECT_EQ(size[1], 12u);
    EXPECT_EQ(size[2], 6u);
    EXPECT_NEAR(volume->GetSpacing()[0], 0.8, 1e-4);
    EXPECT_NEAR(volume->GetSpacing()[2], 3.0, 1e-4);
    EXPECT_NEAR(volume->GetOrigin()[2], 30.0, 1e-4);
    EXPECT_FLOAT_EQ(volume->GetPixel({{3, 3, 4}}), 104.0f);  // slices kept in order
}

TEST(DicomSeries, FolderWithTwoSeriesListsBothAndReadsOnlyTheChosenOne) {
    TempDir dir;
    writeSeries(dir.path(), "a", "1.2.826.0.1.3680043.2.1125.21", "FLAIR baseline", 5, 100);
    writeSeries(dir.path(), "b", "1.2.826.0.1.3680043.2.1125.22", "T1 mprage", 7, 500);
    const auto series = listDicomSeries(dir.path().string());
    ASSERT_EQ(series.size(), 2u);
    std::string t1Uid;
    for (const auto& s : series) {
        if (s.description == "T1 mprage") t1Uid = s.uid;
        EXPECT_EQ(s.modality, "MR");
        EXPECT_EQ(s.date, "2024-01-10");  // for the report header
        EXPECT_EQ(s.scanner, "ACME Scanner 3T");
    }
    ASSERT_FALSE(t1Uid.empty());

    try {
        readVolume(dir.path().string());
        FAIL() << "a folder with two series was read without a choice";
    } catch (const VolumeError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("holds 2 DICOM series"), std::string::npos) << m;
        EXPECT_NE(m.find("FLAIR baseline"), std::string::npos) << m;
        EXPECT_NE(m.find("T1 mprage"), std::string::npos) << m;
    }
    ReadOptions options;
    options.dicomSeriesUid = t1Uid;
    const auto t1 = readVolume(dir.path().string(), options);
    EXPECT_EQ(t1->GetLargestPossibleRegion().GetSize()[2], 7u);
    EXPECT_FLOAT_EQ(t1->GetPixel({{0, 0, 0}}), 500.0f);
}

TEST(DicomSeries, UnknownSeriesUidIsAnError) {
    TempDir dir;
    writeSeries(dir.path(), "a", "1.2.826.0.1.3680043.2.1125.31", "FLAIR", 4, 1);
    ReadOptions options;
    options.dicomSeriesUid = "9.9.9";
    EXPECT_THROW(readVolume(dir.path().string(), options), VolumeError);
}

}  // namespace
