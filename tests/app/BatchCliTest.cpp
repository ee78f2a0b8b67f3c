// lesiondelta-cli batch on a small synthetic BIDS dataset: pairing by date, derivatives, resume,
// a corrupt scan that fails alone, a subject with one session.
#include <gtest/gtest.h>

#include <algorithm>
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

void writeFlair(const fs::path& file, double bright) {
    fs::create_directories(file.parent_path());
    auto image = makeImage<ImageVolume>({48, 48, 24}, {1, 1, 2}, {-24, -24, -24});
    fillPhysical(*image, [bright](const PhysicalPointLps& p) {
        const double spot = std::hypot(p[0] - 8, p[1] - 4, p[2]) < 3 ? bright : 0.0;
        return headPhantom(p) + spot;
    });
    writeVolume(*image, file.string());
}

/// sub-01: sessions a, b, c with scans.tsv dates putting b first (b -> a -> c);
/// sub-02: two sessions, the second FLAIR corrupt; sub-03: one session only.
fs::path writeDataset(const TempDir& dir, bool withCorruptSubject = true) {
    const fs::path root = dir.path() / "bids";
    for (const auto& [ses, date] :
         {std::pair{"a", "2021-03-01T10:00:00"}, {"b", "2020-03-01T10:00:00"}, {"c", "2022-03-01T10:00:00"}}) {
        const fs::path s = root / "sub-01" / (std::string("ses-") + ses);
        writeFlair(s / "anat" / ("sub-01_ses-" + std::string(ses) + "_FLAIR.nii.gz"), ses[0] == 'b' ? 0 : 200);
        std::ofstream(s / ("sub-01_ses-" + std::string(ses) + "_scans.tsv"))
            << "filename\tacq_time\nanat/sub-01_ses-" << ses << "_FLAIR.nii.gz\t" << date << "\n";
    }
    if (withCorruptSubject) {
        writeFlair(root / "sub-02" / "ses-1" / "anat" / "sub-02_ses-1_FLAIR.nii.gz", 0);
        fs::create_directories(root / "sub-02" / "ses-2" / "anat");
        std::ofstream(root / "sub-02" / "ses-2" / "anat" / "sub-02_ses-2_FLAIR.nii.gz") << "not a gzip stream";
    }
    writeFlair(root / "sub-03" / "ses-1" / "anat" / "sub-03_ses-1_FLAIR.nii.gz", 0);
    std::ofstream(root / "dataset_description.json") << R"({"Name": "test", "BIDSVersion": "1.8.0"})";
    return root;
}

TEST(BatchCli, BidsPairsByDateWritesDerivativesResumesAndIsolatesAFailure) {
    TempDir dir;
    const fs::path root = writeDataset(dir);
    auto r = cli("batch --bids " + root.string() + " --jobs 2");  // two pairs at once
    EXPECT_EQ(r.exitCode, 1) << r.err;                            // one pair failed
    EXPECT_NE(r.out.find("2 done, 0 skipped, 1 failed of 3 pairs"), std::string::npos) << r.out << r.err;
    EXPECT_NE(r.err.find("note: sub-03: 1 FLAIR session(s)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("sub-02_ses-2_FLAIR.nii.gz"), std::string::npos) << r.err;  // the failure names the file
    const fs::path d = root / "derivatives" / "lesiondelta";
    EXPECT_TRUE(fs::exists(d / "dataset_description.json"));
    // b (2020) -> a (2021) -> c (2022): FU sessions a and c; none for b.
    for (const char* fu : {"a", "c"}) {
        const fs::path anat = d / "sub-01" / (std::string("ses-") + fu) / "anat";
        const std::string stem = "sub-01_ses-" + std::string(fu) + "_desc-newlesions";
        EXPECT_TRUE(fs::exists(anat / (stem + "_mask.nii.gz"))) << anat;
        EXPECT_TRUE(fs::exists(anat / (stem + "_probseg.nii.gz")));
        EXPECT_TRUE(fs::exists(anat / (stem + "_lesions.tsv")));
        std::ifstream in(anat / (stem + "_mask.json"));
        const auto sidecar = nlohmann::json::parse(in);
        EXPECT_EQ(sidecar["Sources"].size(), 2u);
        EXPECT_FALSE(sidecar["model"]["data_sha256"].get<std::string>().empty());
    }
    EXPECT_FALSE(fs::exists(d / "sub-01" / "ses-b"));
    const std::string pairA =
        slurp((d / "sub-01" / "ses-a" / "anat" / "sub-01_ses-a_desc-newlesions_mask.json").string());
    EXPECT_NE(pairA.find("ses-b"), std::string::npos);  // BL of ses-a is ses-b

    r = cli("batch --bids " + root.string());
    EXPECT_NE(r.out.find("0 done, 2 skipped, 1 failed of 3 pairs"), std::string::npos) << r.out << r.err;
}

TEST(BatchCli, SnakemakeWorkflowRunsEndToEnd) {
    if (std::system("command -v snakemake > /dev/null 2>&1") != 0) {
        GTEST_SKIP() << "snakemake is not installed (tools/install-deps installs it)";
    }
    TempDir dir;
    const fs::path root = writeDataset(dir, false);
    const std::string command = "snakemake -s " + std::string(LESIONDELTA_SOURCE_DIR) +
                                "/workflows/Snakefile --cores 2 -q" + " --directory " + dir.path().string() +
                                " --config bids=" + root.string() + " cli=" + LESIONDELTA_CLI +
                                " segment_options='--precision auto' > " + dir.file("snakemake.log") + " 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << slurp(dir.file("snakemake.log"));
    const std::string tsv = slurp((root / "derivatives" / "lesiondelta" / "lesiondelta_summary.tsv").string());
    EXPECT_NE(tsv.find("01_a\t"), std::string::npos) << tsv;
    EXPECT_NE(tsv.find("01_c\t"), std::string::npos) << tsv;
    EXPECT_EQ(std::count(tsv.begin(), tsv.end(), '\n'), 3);  // header + the two pairs of sub-01
    // A second run has nothing to do.
    const std::string again = "snakemake -s " + std::string(LESIONDELTA_SOURCE_DIR) +
                              "/workflows/Snakefile --cores 2 -n" + " --directory " + dir.path().string() +
                              " --config bids=" + root.string() + " cli=" + LESIONDELTA_CLI + " > " +
                              dir.file("dry.log") + " 2>&1";
    EXPECT_EQ(std::system(again.c_str()), 0);
    EXPECT_NE(slurp(dir.file("dry.log")).find("Nothing to be done"), std::string::npos) << slurp(dir.file("dry.log"));
}

TEST(BatchCli, UndatedSessionsGoByLabelAndDuplicateFlairsAreNoted) {
    TempDir dir;
    const fs::path root = dir.path() / "bids";
    writeFlair(root / "sub-07" / "ses-2" / "anat" / "sub-07_ses-2_FLAIR.nii.gz", 0);
    writeFlair(root / "sub-07" / "ses-1" / "anat" / "sub-07_ses-1_FLAIR.nii.gz", 0);
    writeFlair(root / "sub-07" / "ses-1" / "anat" / "sub-07_ses-1_run-2_FLAIR.nii.gz", 0);
    const auto r = cli("pairs --bids " + root.string());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["pairs"].size(), 1u);
    EXPECT_EQ(j["pairs"][0]["bl_session"], "1");
    EXPECT_EQ(j["pairs"][0]["fu_session"], "2");
    EXPECT_NE(j["pairs"][0]["bl"].get<std::string>().find("sub-07_ses-1_FLAIR.nii.gz"), std::string::npos);
    const std::string notes = j["notes"].dump();
    EXPECT_NE(notes.find("2 FLAIR files"), std::string::npos) << notes;
    EXPECT_NE(notes.find("ordered by label"), std::string::npos) << notes;
}

TEST(BatchCli, CaseListAndBadInput) {
    TempDir dir;
    writeFlair(dir.path() / "bl.nii.gz", 0);
    writeFlair(dir.path() / "fu.nii.gz", 200);
    std::ofstream(dir.file("list.csv")) << "case,bl,fu\nP1,bl.nii.gz,fu.nii.gz\n";
    auto r = cli("batch --cases " + dir.file("list.csv") + " --out " + dir.file("out"));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.path() / "out" / "P1" / "new_lesions.nii.gz"));
    r = cli("batch --bids " + dir.path().string());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("not a BIDS dataset"), std::string::npos) << r.err;
    r = cli("batch --out x");
    EXPECT_EQ(r.exitCode, 2);
}

}  // namespace
