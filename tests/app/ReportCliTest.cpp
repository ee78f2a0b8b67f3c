// lesiondelta-cli report and cohort end to end on case folders the tests write, bad input included.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "TestImages.h"
#include "lesiondelta/core/VolumeIO.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
namespace fs = std::filesystem;

namespace {

template <typename T>
typename T::Pointer onGrid() {
    return makeImage<T>({48, 48, 24}, {1, 1, 2}, {-24, -24, -24});
}

/// A case folder: BL/FU, a CNN result (two lesions), raters A and B, optionally LST labels.
void writeCase(const fs::path& dir, int lstLabel = 3) {
    fs::create_directories(dir / "results");
    fs::create_directories(dir / "raters");
    auto fu = onGrid<ImageVolume>();
    fillPhysical(*fu, headPhantom);
    writeVolume(*fu, (dir / "fu.nii.gz").string());
    writeVolume(*fu, (dir / "bl.nii.gz").string());
    writeVolume(*fu, (dir / "results" / "bl_in_fu.nii.gz").string());
    auto cnn = onGrid<MaskVolume>();
    paintBox(*cnn, {10, 10, 8}, {13, 13, 10});
    paintBox(*cnn, {30, 30, 12}, {33, 33, 14});
    writeMask(*cnn, (dir / "results" / "new_lesions.nii.gz").string());
    auto p = onGrid<ImageVolume>();
    writeVolume(*p, (dir / "results" / "probability.nii.gz").string());
    std::ofstream((dir / "results" / "summary.json").string()) << R"({"threshold": 0.4})";
    auto a = onGrid<MaskVolume>();
    paintBox(*a, {10, 10, 8}, {13, 13, 10});
    writeMask(*a, (dir / "raters" / "A.nii.gz").string());
    auto b = onGrid<MaskVolume>();
    paintBox(*b, {30, 30, 12}, {33, 33, 14});
    writeMask(*b, (dir / "raters" / "B.nii.gz").string());
    auto lst = onGrid<LabelVolume>();
    paintBox(*lst, {10, 10, 8}, {13, 13, 10}, LabelVolume::PixelType(lstLabel));
    writeLabels(*lst, (dir / "lst.nii.gz").string());
}

TEST(ReportCli, PatientReportOfACaseFolder) {
    TempDir dir;
    writeCase(dir.path() / "case");
    const auto r = cli("report --case " + (dir.path() / "case").string() + " -o " + dir.file("r.pdf"));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("wrote"), std::string::npos);
    EXPECT_GT(fs::file_size(dir.file("r.pdf")), 5000u);
}

TEST(ReportCli, AnLstFileWithUnexpectedLabelsIsRefusedByName) {
    TempDir dir;
    writeCase(dir.path() / "case", 7);
    const auto r = cli("report --case " + (dir.path() / "case").string() + " -o " + dir.file("r.pdf"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("lst.nii.gz"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("label 7"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.file("r.pdf")));
}

TEST(ReportCli, ARaterMaskElsewhereInSpaceIsRefusedByName) {
    TempDir dir;
    writeCase(dir.path() / "case");
    auto far = makeImage<MaskVolume>({10, 10, 10}, {1, 1, 1}, {500, 500, 500});
    writeMask(*far, (dir.path() / "case" / "raters" / "C.nii.gz").string());
    const auto r = cli("report --case " + (dir.path() / "case").string() + " -o " + dir.file("r.pdf"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("C.nii.gz"), std::string::npos) << r.err;
}

TEST(ReportCli, CohortSkipsBrokenCasesAndExportsEveryNumber) {
    TempDir dir;
    writeCase(dir.path() / "one");
    writeCase(dir.path() / "two");
    std::ofstream(dir.file("list.csv")) << "case,folder\none,one\ntwo,two\ngone,does-not-exist\n";
    const auto r = cli("cohort --cases " + dir.file("list.csv") + " -o " + dir.file("cohort.pdf"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("skipped gone"), std::string::npos) << r.err;
    const std::string csv = slurp(dir.file("cohort.csv"));
    // CNN finds both lesions; A and B each mark one: CNN vs A sensitivity 1 with 1 FP, IR 0 found.
    EXPECT_NE(csv.find("one,CNN,2,2,1,1,1,1,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("one,IR,2,2,0,0,1,1,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("one,LST,2,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("gone,"), std::string::npos);
    const auto j = nlohmann::json::parse(slurp(dir.file("cohort.json")));
    EXPECT_EQ(j["cases"].size(), 3u);
    EXPECT_EQ(j["summary"]["CNN"]["sensitivity"]["n"], 2);
}

TEST(ReportCli, CohortComputesMissingCnnResultsOnRequest) {
    TempDir dir;
    writeCase(dir.path() / "one");
    fs::remove_all(dir.path() / "one" / "results");
    std::ofstream(dir.file("list.csv")) << "case,folder\none,one\n";
    auto r = cli("cohort --cases " + dir.file("list.csv") + " -o " + dir.file("a.pdf"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(slurp(dir.file("a.csv")).find("one,CNN"), std::string::npos);  // no result: IR/LST only
    r = cli("cohort --cases " + dir.file("list.csv") + " -o " + dir.file("b.pdf") + " --compute");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.path() / "one" / "results" / "new_lesions.nii.gz"));
    EXPECT_NE(slurp(dir.file("b.csv")).find("one,CNN,2,"), std::string::npos);
}

TEST(ReportCli, AnEmptyCohortAndAMissingOutputAreClearErrors) {
    TempDir dir;
    std::ofstream(dir.file("empty.csv")) << "case,folder\n";
    auto r = cli("cohort --cases " + dir.file("empty.csv") + " -o " + dir.file("c.pdf"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("lists no case"), std::string::npos) << r.err;
    r = cli("report --case " + dir.path().string());
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("-o"), std::string::npos) << r.err;
}

}  // namespace
