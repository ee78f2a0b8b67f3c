// The series workflow on synthetic courses made by the training synthesis (issue 20): one held-out
// anatomy from the training atlas (built from the shared real data; skips without it), bank
// lesions new at planned visits, some enlarging again later, every visit acquired on its own
// (slice thickness and axis, blur, bias, gamma, noise, a small misregistration). The shipped CNN
// detects; identities and first-seen visits are compared with the synthesis's truth.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "TestImages.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/SeriesAnalysis.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
namespace fs = std::filesystem;

namespace {

class SeriesSynthesis : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const fs::path data = LESIONDELTA_SHARED_DATA;
        if (!fs::exists(data / "ljubljana-lesion-masks")) return;
        atlasDir_ = new TempDir;
        const auto r = cli("atlas --data " + data.string() + " --out " + atlasDir_->file("atlas.safetensors"));
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    static void TearDownTestSuite() {
        delete atlasDir_;
        atlasDir_ = nullptr;
    }
    void SetUp() override {
        if (!atlasDir_) GTEST_SKIP() << LESIONDELTA_SHARED_DATA << " (shared real data) not found";
        if (!fs::exists(model())) GTEST_SKIP() << "no shipped model at " << model();
    }
    static std::string model() {
        return std::string(LESIONDELTA_SOURCE_DIR) + "/resources/models/lesiondelta-cnn.safetensors";
    }
    /// A synthetic course in `dir` (whole-brain crops, the held-out anatomy, clear lesions).
    static nlohmann::json synthesise(const TempDir& dir, int visits, int seed, bool quiet) {
        const auto r = cli("synth --atlas " + atlasDir_->file("atlas.safetensors") + " --out " + dir.path().string() +
                           " --series " + std::to_string(visits) + " --crop 176 --whole-brain --held-out --clear" +
                           " --seed " + std::to_string(seed) + (quiet ? " --quiet" : ""));
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::ifstream truth(dir.file("truth/truth.json"));
        return nlohmann::json::parse(truth)["series"];
    }
    static SeriesResult analyse(const TempDir& dir, const TempDir& out) {
        SeriesInput in;
        in.series = readSeriesFolder(dir.path().string());
        in.outDir = out.path().string();
        in.settings.modelPath = model();
        return analyseSeries(in);
    }
    static TempDir* atlasDir_;
};

TempDir* SeriesSynthesis::atlasDir_ = nullptr;

}  // namespace

TEST_F(SeriesSynthesis, LesionsKeepTheirIdentityFromTheVisitTheyAppearThroughTheirEnlargement) {
    TempDir dir, out;
    const auto truth = synthesise(dir, 4, 5, false);
    const auto& planned = truth["lesions"];
    ASSERT_GE(planned.size(), 3u) << truth.dump(2);
    const auto r = analyse(dir, out);
    ASSERT_EQ(r.intervals.size(), 3u);
    for (const auto& i : r.intervals) EXPECT_TRUE(i.error.empty()) << i.error;

    // Found identity -> truth identity by overlap on the reference grid (the last visit's, which
    // is the truth's grid).
    const auto truthIds = readVolume(dir.file("truth/lesion_ids.nii.gz"));
    ASSERT_EQ(truthIds->GetLargestPossibleRegion(), r.course.identities->GetLargestPossibleRegion());
    std::map<unsigned, std::map<int, int>> overlap;  // found id -> truth id -> voxels
    const auto* f = r.course.identities->GetBufferPointer();
    const auto* t = truthIds->GetBufferPointer();
    for (std::size_t i = 0; i < truthIds->GetLargestPossibleRegion().GetNumberOfPixels(); ++i)
        if (f[i]) ++overlap[f[i]][int(t[i])];
    std::map<int, const TrackedLesion*> foundFor;  // truth id -> the found lesion
    for (const auto& lesion : r.course.lesions) {
        int best = 0, bestVoxels = 0;
        for (const auto& [truthId, voxels] : overlap[lesion.id])
            if (truthId && voxels > bestVoxels) best = truthId, bestVoxels = voxels;
        EXPECT_NE(best, 0) << "lesion " << lesion.id << " (first seen in interval " << lesion.firstInterval
                           << ") is no planned lesion";
        if (!best) continue;
        EXPECT_EQ(foundFor.count(best), 0u) << "planned lesion " << best << " got two identities";
        foundFor[best] = &lesion;
    }
    // Each found lesion is first seen where it was planned, and is never said to enlarge again
    // where it did not.
    std::size_t plannedEvents = 0, foundEvents = 0;
    for (const auto& plan : planned) plannedEvents += plan["enlarges_again_at"].is_null() ? 1 : 2;
    for (const auto& [truthId, lesion] : foundFor) {
        const auto& plan = planned[truthId - 1];
        const std::string firstSeen = plan["first_seen"];
        EXPECT_EQ(r.series.visits[lesion->firstInterval + 1].date, firstSeen) << "lesion " << truthId;
        ++foundEvents;
        for (const int k : lesion->activeAgain()) {
            EXPECT_EQ(nlohmann::json(r.series.visits[k + 1].date), plan["enlarges_again_at"]) << "lesion " << truthId;
            foundEvents += nlohmann::json(r.series.visits[k + 1].date) == plan["enlarges_again_at"];
        }
    }
    // The shipped model's sensitivity limits how many appearances and enlargements are found
    // (issue 17): at least all but one here.
    RecordProperty("planned_events", int(plannedEvents));
    RecordProperty("found_events", int(foundEvents));
    std::printf("found %zu of %zu planned events (%zu of %zu lesions)\n", foundEvents, plannedEvents, foundFor.size(),
                planned.size());
    EXPECT_GE(foundEvents + 1, plannedEvents) << truth.dump(2);
    EXPECT_GE(foundFor.size(), planned.size() - 1);
}

TEST_F(SeriesSynthesis, ACourseWithoutChangeSaysSo) {
    TempDir dir, out;
    const auto truth = synthesise(dir, 3, 7, true);
    EXPECT_TRUE(truth["lesions"].empty());
    const auto r = analyse(dir, out);
    EXPECT_TRUE(r.course.lesions.empty());
    EXPECT_EQ(courseSentence(r), "No new or enlarging T2 lesions since 2020-01-15 (2 follow-ups).");
}
