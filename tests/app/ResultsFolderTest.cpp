// A case's result files (app/pipeline/ResultsFolder): what is written is read back, and damaged
// or mismatched files are refused with the file's name.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <fstream>

#include "TestImages.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

SegmentationResult smallResult() {
    SegmentationResult r;
    r.fu = makeImage<ImageVolume>({12, 10, 8}, {1, 1, 2}, {-6, -5, -8});
    paintBox(*r.fu, {2, 2, 2}, {9, 7, 5}, 300.0f);
    r.blInFu = makeImage<ImageVolume>({12, 10, 8}, {1, 1, 2}, {-6, -5, -8});
    r.probability = makeImage<ImageVolume>({12, 10, 8}, {1, 1, 2}, {-6, -5, -8});
    paintBox(*r.probability, {4, 4, 3}, {6, 6, 4}, 0.9f);
    r.newLesions = makeImage<MaskVolume>({12, 10, 8}, {1, 1, 2}, {-6, -5, -8});
    paintBox(*r.newLesions, {4, 4, 3}, {6, 6, 4}, 1);
    r.fuToBl = RigidTransform::New();
    r.summary = {{"threshold", 0.4}, {"new_lesions", {{"count", 1}}}};
    return r;
}

}  // namespace

TEST(ResultsFolder, WritesTheSixFilesAndReadsThemBack) {
    TempDir dir;
    const ResultsFolder folder(dir.file("results/case1"));  // created when needed
    EXPECT_FALSE(folder.hasCnnResult());
    EXPECT_TRUE(folder.readSummary().is_null());
    const auto r = smallResult();
    folder.write(r);
    EXPECT_TRUE(folder.hasCnnResult());
    for (const auto& p : {folder.newLesions(), folder.probability(), folder.blInFu(), folder.transform(),
                          folder.lesionTable(), folder.summary()}) {
        EXPECT_TRUE(std::filesystem::exists(p)) << p;
        EXPECT_NE(ResultsFolder::fileList().find(p.filename().string()), std::string::npos) << p;
    }
    EXPECT_EQ(folder.readSummary()["threshold"], 0.4);
    const auto probability = folder.readProbability(*r.fu);
    EXPECT_FLOAT_EQ(probability->GetPixel({5, 5, 3}), 0.9f);
    EXPECT_FLOAT_EQ(probability->GetPixel({0, 0, 0}), 0.0f);
    EXPECT_TRUE(folder.readBlInFu(*r.fu));
}

TEST(ResultsFolder, AProbabilityMapOnAnotherGridOrADamagedSummaryIsRefusedByName) {
    TempDir dir;
    const ResultsFolder folder(dir.file("r"));
    const auto r = smallResult();
    folder.write(r);
    const auto otherGrid = makeImage<ImageVolume>({12, 10, 9}, {1, 1, 2}, {-6, -5, -8});
    try {
        folder.readProbability(*otherGrid);
        FAIL() << "a probability map on another grid was accepted";
    } catch (const VolumeError& e) {
        EXPECT_EQ(e.path(), folder.probability().string());
        EXPECT_NE(std::string(e.what()).find("grid"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(folder.readBlInFu(*otherGrid));                // unusable: left out, not an error
    std::ofstream(folder.summary()) << "{\"threshold\": 0.4,";  // cut off
    try {
        folder.readSummary();
        FAIL() << "a truncated summary was accepted";
    } catch (const VolumeError& e) {
        EXPECT_EQ(e.path(), folder.summary().string());
    }
}

TEST(ResultsFolder, AFolderThatCannotBeCreatedIsNamed) {
    TempDir dir;
    std::ofstream(dir.file("plain-file")) << "x";
    const ResultsFolder folder(std::filesystem::path(dir.file("plain-file")) / "results");
    try {
        folder.write(smallResult());
        FAIL() << "wrote into a folder below a plain file";
    } catch (const VolumeError& e) {
        EXPECT_NE(e.path().find("plain-file"), std::string::npos) << e.what();
    }
}

TEST(ResultsFolder, EarlierResultsAreKeptUnderTheTimeTheyWereMade) {
    TempDir dir;
    const ResultsFolder folder(dir.file("results"));
    EXPECT_TRUE(folder.keepEarlier().empty());  // nothing yet: nothing to keep
    auto first = smallResult();
    folder.write(first);
    namespace fs = std::filesystem;
    fs::last_write_time(folder.summary(), fs::file_time_type::clock::now() - std::chrono::hours(30));
    const auto kept = folder.keepEarlier();
    ASSERT_FALSE(kept.empty());
    EXPECT_EQ(kept.parent_path(), folder.earlierDir());
    EXPECT_FALSE(folder.hasCnnResult());
    EXPECT_FALSE(fs::exists(folder.summary()));
    const ResultsFolder earlier(kept);
    EXPECT_TRUE(earlier.hasCnnResult());
    EXPECT_EQ(earlier.readSummary()["threshold"], 0.4);
    // Named by the summary's time (UTC), not by now.
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() - std::chrono::hours(30));
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", std::gmtime(&t));
    EXPECT_EQ(kept.filename().string().substr(0, 10), day);
    // New results beside them, and a second keep of the same moment gets its own folder.
    auto second = smallResult();
    second.summary["threshold"] = 0.5;
    folder.write(second);
    fs::last_write_time(folder.summary(), fs::last_write_time(earlier.summary()));
    const auto keptAgain = folder.keepEarlier();
    EXPECT_NE(keptAgain, kept);
    EXPECT_EQ(ResultsFolder(keptAgain).readSummary()["threshold"], 0.5);
    EXPECT_EQ(earlier.readSummary()["threshold"], 0.4);
}

TEST(ResultsFolder, WhenEarlierResultsCannotBeKeptTheyStayWhereTheyWere) {
    // A plain file where the earlier/ folder belongs: nothing can be created below it (also as
    // root, where permissions would not stop it).
    TempDir dir;
    const ResultsFolder folder(dir.file("results"));
    folder.write(smallResult());
    std::ofstream(folder.earlierDir()) << "in the way";
    try {
        folder.keepEarlier();
        FAIL() << "kept the earlier results below a plain file";
    } catch (const VolumeError& e) {
        EXPECT_NE(e.path().find("earlier"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("cannot be created"), std::string::npos) << e.what();
    }
    // The results are untouched and complete: a new detection is not saved over them.
    EXPECT_TRUE(folder.hasCnnResult());
    EXPECT_EQ(folder.readSummary()["threshold"], 0.4);
}
