// The plausibility checks shown to the reader (app/pipeline/Plausibility): each fires on the
// situation it describes and stays quiet on an ordinary pair.
#include <gtest/gtest.h>

#include <fstream>

#include "TestImages.h"
#include "lesiondelta/core/ResolutionMatching.h"
#include "lesiondelta/pipeline/Plausibility.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

bool has(const std::vector<PlausibilityWarning>& w, const std::string& code) {
    return std::any_of(w.begin(), w.end(), [&](const auto& x) { return x.code == code; });
}

ImageVolume::Pointer scan(double sliceMm, float value) {
    auto v = makeImage<ImageVolume>({20, 20, 10}, {1.0, 1.0, sliceMm}, {0, 0, 0});
    paintBox(*v, {5, 5, 2}, {14, 14, 7}, value);
    return v;
}

TEST(Plausibility, SameScanTwiceIsUnreliable) {
    const auto a = scan(1.0, 100.0f), b = scan(1.0, 100.0f), c = scan(1.0, 120.0f);
    const auto same = checkPairInputs("/x/bl.nii.gz", "/x/fu.nii.gz", *a, *b);  // identical voxels, other names
    ASSERT_TRUE(has(same, "same_scan"));
    EXPECT_TRUE(anyUnreliable(same));
    EXPECT_TRUE(checkPairInputs("/x/bl.nii.gz", "/x/fu.nii.gz", *a, *c).empty());
}

TEST(Plausibility, VeryDifferentResolutionIsACaution) {
    const auto thin = scan(1.0, 100.0f), thick = scan(5.0, 120.0f), medium = scan(2.0, 120.0f);
    const auto w = checkPairInputs("bl", "fu", *thin, *thick);
    ASSERT_TRUE(has(w, "resolution"));
    EXPECT_FALSE(anyUnreliable(w));  // a caution, not a verdict
    EXPECT_NE(w.front().message.find("5.0"), std::string::npos) << w.front().message;
    EXPECT_TRUE(checkPairInputs("bl", "fu", *thin, *medium).empty());
}

TEST(Plausibility, AMatchedResolutionNamesTheVisitTheAnatomicalAxisAndTheBlur) {
    auto grid = makeImage<ImageVolume>({8, 8, 8}, {1, 1, 1});
    ResolutionMatch none;
    EXPECT_TRUE(checkResolutionMatch(none, *grid).empty());
    ResolutionMatch match;
    match.blSigmaMm = {0.0, 0.0, 1.37};  // BL blurred along the grid's third axis
    auto w = checkResolutionMatch(match, *grid);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].code, "resolution_matched");
    EXPECT_FALSE(anyUnreliable(w));  // a caution for small detections
    EXPECT_NE(w[0].message.find("BL by 1.4 mm along the head-foot axis"), std::string::npos) << w[0].message;
    // A sagittal grid: its first axis runs head-foot, its third left-right.
    ImageVolume::DirectionType sagittal;
    sagittal.Fill(0.0);
    sagittal[2][0] = 1.0;
    sagittal[1][1] = 1.0;
    sagittal[0][2] = 1.0;
    grid->SetDirection(sagittal);
    match.fuSigmaMm = {0.9, 0.0, 0.0};
    w = checkResolutionMatch(match, *grid);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_NE(w[0].message.find("FU by 0.9 mm along the head-foot axis"), std::string::npos) << w[0].message;
    EXPECT_NE(w[0].message.find("BL by 1.4 mm along the left-right axis"), std::string::npos) << w[0].message;
}

TEST(Plausibility, FollowUpDatedBeforeBaselineAndSameDay) {
    CaseFolder f;
    f.scan = {{"bl_date", "2024-05-01"}, {"fu_date", "2023-11-20"}};
    auto w = checkScanDates(f);
    ASSERT_TRUE(has(w, "fu_before_bl"));
    EXPECT_TRUE(anyUnreliable(w));
    f.scan = {{"bl_date", "20240501"}, {"fu_date", "2024-05-01T10:00:00"}};
    EXPECT_TRUE(has(checkScanDates(f), "same_day"));
    f.scan = {{"bl_date", "2023-05-01"}, {"fu_date", "2024-05-01"}};
    EXPECT_TRUE(checkScanDates(f).empty());
    // BIDS sidecars next to the scans carry the dates too.
    TempDir dir;
    std::ofstream(dir.file("bl.json")) << R"({"AcquisitionDateTime": "2022-03-01T09:00:00"})";
    std::ofstream(dir.file("fu.json")) << R"({"AcquisitionDateTime": "2021-03-01T09:00:00"})";
    CaseFolder bids;
    bids.bl = dir.file("bl.nii.gz");
    bids.fu = dir.file("fu.nii.gz");
    EXPECT_TRUE(has(checkScanDates(bids), "fu_before_bl"));
}

TEST(Plausibility, PoorAlignmentAndImplausibleVolumesMarkTheResultUnreliable) {
    EXPECT_TRUE(has(checkAlignment(0.3, "bl", "fu"), "alignment"));
    EXPECT_TRUE(checkAlignment(0.8, "bl", "fu").empty());
    EXPECT_TRUE(has(checkResult(25.0, 1500.0), "implausible_result"));
    EXPECT_TRUE(has(checkResult(16.0, 1000.0), "implausible_result"));  // 1.6 % of the head
    EXPECT_TRUE(checkResult(2.0, 1500.0).empty());
    EXPECT_TRUE(anyUnreliable(checkResult(25.0, 1500.0)));
}

}  // namespace
