// A patient's course (issue 20) on synthetic series made here: the head phantom at 4 visits,
// each acquired with its own position, intensity scale and noise; lesions appear at known visits
// and one enlarges later. The classical subtraction detector stands in for the CNN (fast and
// exact on phantoms); the CNN path is the same code with another detector.
#include <gtest/gtest.h>

#include <fstream>

#include "CliRunner.h"
#include "PhantomSeries.h"
#include "TestDicom.h"
#include "TestImages.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"
#include "lesiondelta/pipeline/SeriesAnalysis.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
namespace fs = std::filesystem;

namespace {

SeriesInput subtractionInput(const std::string& dir, const std::string& out) {
    SeriesInput in;
    in.series = readSeriesFolder(dir);
    in.outDir = out;
    in.detector = "subtraction";
    return in;
}

}  // namespace

TEST(Series, LesionsGetIdentitiesAtTheVisitTheyAppearAndAreFollowedWhenTheyEnlarge) {
    TempDir dir, out;
    writeActiveSeries(dir);
    if (const char* keep = std::getenv("LESIONDELTA_TEST_IMAGES"))  // to look at: series --dir this
        fs::copy(dir.path(), fs::path(keep) / "series",
                 fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    const auto in = subtractionInput(dir.path().string(), out.path().string());
    ASSERT_EQ(in.series.visits.size(), 4u);
    EXPECT_EQ(in.series.visits[2].date, "2022-01-18");
    const auto r = analyseSeries(in);
    EXPECT_EQ(r.reference, 3);  // the latest by default
    ASSERT_EQ(r.intervals.size(), 3u);
    for (const auto& i : r.intervals) EXPECT_TRUE(i.error.empty()) << i.error;
    for (const auto& v : r.visits) EXPECT_FALSE(anyUnreliable(v.warnings)) << v.visit.label;
    ASSERT_EQ(r.course.lesions.size(), 2u);
    const auto& a = r.course.lesions[0];
    const auto& c = r.course.lesions[1];
    EXPECT_EQ(a.firstInterval, 0);                    // new at 2021-07-20
    EXPECT_EQ(a.activeAgain(), std::vector<int>{2});  // enlarging again at 2022-08-02
    EXPECT_EQ(a.changeMl[1], 0.0);                    // quiet in between
    EXPECT_EQ(c.firstInterval, 2);
    EXPECT_NEAR(c.centroidLpsMm[1], 20 + 1.5, 2.0);  // reference space: the last visit's position
    const auto summary = seriesSummary(r);
    EXPECT_EQ(summary["lesions"][0]["first_seen"], "2021-07-20");
    EXPECT_EQ(summary["lesions"][0]["enlarging_again_at"][0], "2022-08-02");
    EXPECT_EQ(summary["intervals"][1]["new"], 0);
    EXPECT_EQ(summary["intervals"][2]["new"], 1);
    EXPECT_EQ(summary["intervals"][2]["enlarging_again"], 1);
    EXPECT_EQ(courseSentence(r).rfind("2 new or enlarging T2 lesions since 2021-01-15 in 3 follow-ups", 0), 0u)
        << courseSentence(r);

    // From a rebaseline at the quiet visit on, only the last interval counts.
    auto rebased = r;
    rebased.series.rebaseline = "2022-01-18";
    EXPECT_EQ(courseSentence(rebased).rfind("2 new or enlarging T2 lesions since 2022-01-18 in 1 follow-up", 0), 0u)
        << courseSentence(rebased);
    rebased.series.rebaseline = "2021-07-20";
    EXPECT_EQ(seriesSummary(rebased)["since_rebaseline"]["follow_ups"], 2);

    // Each visit registered once: the intervals' detectors took maps composed through the reference.
    for (const auto& i : r.intervals)
        EXPECT_TRUE(ResultsFolder(i.folder).readSummary()["registration"]["composed_through_series_reference"])
            << i.folder;

    // Written, and reused when run again (no detection, no registration).
    writeSeriesOutputs(r, out.path().string());
    for (const char* f : {"series.json", "lesions.csv", "intervals.csv", "lesion_ids.nii.gz"})
        EXPECT_TRUE(fs::exists(out.path() / f)) << f;
    const auto again = analyseSeries(in);
    for (const auto& i : again.intervals) EXPECT_TRUE(i.reused);
    EXPECT_EQ(seriesSummary(again)["lesions"], summary["lesions"]);
}

TEST(Series, AQuietCourseSaysSoAndAVisitThatCannotBeReadIsLeftOutWithItsReason) {
    TempDir dir, out;
    writeVisit(dir.file("v_2020-02-01.nii.gz"), {kA}, {0, 0, 0}, 1.0, 11);
    writeVisit(dir.file("v_2020-09-01.nii.gz"), {kA}, {1.5, 0, 0}, 1.3, 12);
    std::ofstream(dir.file("v_2021-03-01.nii.gz")) << "not an image";
    writeVisit(dir.file("v_2021-10-01.nii.gz"), {kA}, {0, -1.5, 3.0}, 0.8, 13);
    const auto r = analyseSeries(subtractionInput(dir.path().string(), out.path().string()));
    EXPECT_NE(r.visits[2].error.find("v_2021-03-01.nii.gz"), std::string::npos) << r.visits[2].error;
    ASSERT_EQ(r.intervals.size(), 2u);  // 2020-02 -> 2020-09 -> 2021-10: the bad visit's neighbours joined
    EXPECT_EQ(r.intervals[1].from, 1);
    EXPECT_EQ(r.intervals[1].to, 3);
    EXPECT_TRUE(r.course.lesions.empty());
    EXPECT_EQ(courseSentence(r), "No new or enlarging T2 lesions since 2020-02-01 (2 follow-ups).");
}

TEST(Series, AVisitOfAnotherHeadIsFlaggedUnreliable) {
    TempDir dir, out;
    writeVisit(dir.file("v_2020-02-01.nii.gz"), {}, {0, 0, 0}, 1.0, 21);
    writeVisit(dir.file("v_2021-02-01.nii.gz"), {}, {0, 0, 0}, 1.0, 22);
    // "Another patient": a head of other proportions.
    auto other = makeImage<ImageVolume>({100, 120, 50}, {1.5, 1.5, 3.0}, {-75, -90, -75});
    fillPhysical(*other, [](const PhysicalPointLps& p) {
        PhysicalPointLps q;
        q[0] = p[0] * 1.25;
        q[1] = p[1] * 0.8 + 10;
        q[2] = -p[2];
        return headPhantom(q);
    });
    writeVolume(*other, dir.file("v_2020-08-01.nii.gz"));
    const auto r = analyseSeries(subtractionInput(dir.path().string(), out.path().string()));
    EXPECT_TRUE(anyUnreliable(r.visits[1].warnings));
    EXPECT_FALSE(anyUnreliable(r.visits[0].warnings));
    EXPECT_TRUE(r.intervals[0].unreliable);
    EXPECT_TRUE(r.intervals[1].unreliable);
    // Opened again, the kept agreement says the same.
    const auto again = analyseSeries(subtractionInput(dir.path().string(), out.path().string()));
    EXPECT_TRUE(anyUnreliable(again.visits[1].warnings));
    EXPECT_DOUBLE_EQ(again.visits[1].alignmentAgreement, r.visits[1].alignmentAgreement);
    EXPECT_TRUE(again.intervals[0].reused);
}

TEST(SeriesFolder, ReadsSeriesJsonBidsAndDatedNamesAndRefusesWhatCannotBeACourse) {
    TempDir dir;
    auto touch = [&](const std::string& name) {
        fs::create_directories(fs::path(dir.file(name)).parent_path());
        std::ofstream(dir.file(name)) << "x";
    };
    // series.json: order by date, labels, rebaseline.
    touch("json/a.nii.gz");
    touch("json/b.nii.gz");
    std::ofstream(dir.file("json/series.json"))
        << R"({"patient": "P7", "rebaseline": "first", "visits": [{"flair": "b.nii.gz", "date": "2023-05-02"},
              {"flair": "a.nii.gz", "date": "2022-11-30", "label": "first"}]})";
    const auto s = readSeriesFolder(dir.file("json"));
    EXPECT_EQ(s.patient, "P7");
    ASSERT_EQ(s.visits.size(), 2u);
    EXPECT_EQ(s.visits[0].label, "first");
    EXPECT_EQ(s.visits[1].label, "2023-05-02");
    EXPECT_EQ(daysBetween(s.visits[0].date, s.visits[1].date), 153);
    // BIDS subject folder with dates in sessions.tsv.
    touch("bids/sub-01/ses-a/anat/sub-01_ses-a_FLAIR.nii.gz");
    touch("bids/sub-01/ses-b/anat/sub-01_ses-b_FLAIR.nii.gz");
    touch("bids/sub-01/ses-c/anat/sub-01_ses-c_FLAIR.nii.gz");
    std::ofstream(dir.file("bids/sub-01/sub-01_sessions.tsv"))
        << "session_id\tacq_time\nses-a\t2020-03-01\nses-b\t2019-03-01\nses-c\t2021-03-01T10:00:00\n";
    const auto b = readSeriesFolder(dir.file("bids/sub-01"));
    EXPECT_EQ(b.source, "BIDS");
    ASSERT_EQ(b.visits.size(), 3u);
    EXPECT_EQ(b.visits[0].label, "ses-b");
    EXPECT_EQ(b.visits[2].date, "2021-03-01");
    // Refused, each naming the file: a name without a date, two visits on one day, one visit,
    // a date that is not one, an unknown rebaseline.
    auto refused = [&](const std::string& folder, const std::string& named) {
        try {
            readSeriesFolder(dir.file(folder));
            ADD_FAILURE() << folder << " was accepted";
        } catch (const VolumeError& e) {
            EXPECT_NE(std::string(e.what()).find(named), std::string::npos) << e.what();
        }
    };
    touch("undated/scan_2020-01-01.nii.gz");
    touch("undated/scan_followup.nii.gz");
    refused("undated", "scan_followup.nii.gz");
    touch("twice/a_2020-01-01.nii.gz");
    touch("twice/b_20200101.nii.gz");
    refused("twice", "same date");
    touch("single/a_2020-01-01.nii.gz");
    refused("single", "one visit");
    touch("baddate/a_2020-13-45.nii.gz");
    touch("baddate/b_2021-01-01.nii.gz");
    refused("baddate", "a_2020-13-45.nii.gz");
    touch("rebase/a.nii.gz");
    touch("rebase/b.nii.gz");
    std::ofstream(dir.file("rebase/series.json"))
        << R"({"rebaseline": "1999-01-01", "visits": [{"flair": "a.nii.gz", "date": "2022-01-01"},
              {"flair": "b.nii.gz", "date": "2023-01-01"}]})";
    refused("rebase", "1999-01-01");
    refused("nowhere", "is not a folder");
}

TEST(Series, TheCommandLineWritesTheCourseAndNamesAVisitLeftOut) {
    TempDir dir, out;
    writeVisit(dir.file("v_2020-02-01.nii.gz"), {}, {0, 0, 0}, 1.0, 31);
    writeVisit(dir.file("v_2020-09-01.nii.gz"), {kC}, {1.0, 0, 0}, 1.1, 32);
    std::ofstream(dir.file("v_2021-01-01.nii.gz")) << "broken";
    const auto r = cli("series --dir " + dir.path().string() + " --out " + out.path().string() +
                       " --detector subtraction --quiet");
    EXPECT_EQ(r.exitCode, 1) << r.err;  // a visit was left out
    EXPECT_NE(r.err.find("v_2021-01-01.nii.gz"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("1 new or enlarging T2 lesion since 2020-02-01 in 1 follow-up"), std::string::npos) << r.out;
    const auto json = nlohmann::json::parse(slurp((out.path() / "series.json").string()));
    EXPECT_EQ(json["lesions"].size(), 1u);
    EXPECT_NE(slurp((out.path() / "intervals.csv").string()).find("2020-02-01,2020-09-01,213,1,0,"), std::string::npos);
    // The course report, in German: its sentence, the timeline's legend, the tables.
    const std::string pdf = (out.path() / "course.pdf").string();
    const auto withReport = cli("series --dir " + dir.path().string() + " --out " + out.path().string() +
                                " --detector subtraction --quiet --report " + pdf + " --language de");
    EXPECT_EQ(withReport.exitCode, 1) << withReport.err;
    ASSERT_TRUE(fs::exists(pdf)) << withReport.err;
    if (std::system(("pdftotext -layout " + pdf + " " + pdf + ".txt").c_str()) == 0) {
        const std::string text = slurp(pdf + ".txt");
        EXPECT_NE(text.find("1 neue oder sich vergrößernde T2-Läsion seit 2020-02-01"), std::string::npos) << text;
        EXPECT_NE(text.find("Erneut vergrößert"), std::string::npos);
        EXPECT_NE(text.find("Ausgelassene Untersuchungen"), std::string::npos);  // the broken visit, named
        EXPECT_NE(text.find("v_2021-01-01.nii.gz"), std::string::npos);
    }
    const auto bad = cli("series --dir " + dir.path().string() + " --out " + out.path().string() + " --detector magic");
    EXPECT_EQ(bad.exitCode, 2);
}

TEST(Series, ARealPairAsATwoVisitSeriesGivesThePairWorkflowsAnswer) {
    // The sample case (real patient 01, CC-BY) with the shipped CNN: the series' one interval is
    // segment's result on the pair, and with FU as the reference its lesions are the pair's.
    const std::string sample = LESIONDELTA_SAMPLE_DIR;
    const std::string model = std::string(LESIONDELTA_SOURCE_DIR) + "/resources/models/lesiondelta-cnn.safetensors";
    if (!fs::exists(model)) GTEST_SKIP() << "no shipped model at " << model;
    TempDir dir, out;
    std::ofstream(dir.file("series.json"))
        << nlohmann::json{{"patient", "01"},
                          {"visits",
                           {{{"flair", sample + "/study1_FLAIR.nii.gz"}, {"date", "2010-01-01"}},
                            {{"flair", sample + "/study2_FLAIR.nii.gz"}, {"date", "2011-01-01"}}}}};
    SeriesInput in;
    in.series = readSeriesFolder(dir.path().string());
    in.outDir = out.path().string();
    in.settings.modelPath = model;
    const auto r = analyseSeries(in);
    ASSERT_EQ(r.intervals.size(), 1u);
    ASSERT_TRUE(r.intervals[0].error.empty()) << r.intervals[0].error;
    SegmentationInput pair = in.settings;
    pair.blPath = in.series.visits[0].flair;
    pair.fuPath = in.series.visits[1].flair;
    const auto direct = runSegmentation(pair);
    EXPECT_EQ(r.intervals[0].findings, direct.lesions.size());
    EXPECT_EQ(r.course.lesions.size(), direct.lesions.size());
    EXPECT_EQ(seriesSummary(r)["intervals"][0]["new"], direct.lesions.size());
}

TEST(Series, BatchFollowsEverySubjectOfABidsDataset) {
    TempDir bids;
    const auto session = [&](const std::string& sub, const std::string& ses) {
        const fs::path anat = bids.path() / sub / ses / "anat";
        fs::create_directories(anat);
        return (anat / (sub + "_" + ses + "_FLAIR.nii.gz")).string();
    };
    writeVisit(session("sub-01", "ses-1"), {}, {0, 0, 0}, 1.0, 41);
    writeVisit(session("sub-01", "ses-2"), {kA}, {1.5, 0, 0}, 1.1, 42);
    writeVisit(session("sub-01", "ses-3"), {kA, kC}, {0, -1.5, 0}, 0.9, 43);
    std::ofstream(bids.file("sub-01/sub-01_sessions.tsv"))
        << "session_id\tacq_time\nses-1\t2020-01-01\nses-2\t2020-07-01\nses-3\t2021-01-01\n";
    writeVisit(session("sub-02", "ses-1"), {}, {0, 0, 0}, 1.0, 44);  // one session: no course
    const auto r = cli("batch --bids " + bids.path().string() + " --series --detector subtraction");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("sub-02 skipped"), std::string::npos) << r.err;
    const fs::path out = bids.path() / "derivatives" / "lesiondelta" / "sub-01" / "series";
    ASSERT_TRUE(fs::exists(out / "series.json")) << r.err;
    const auto json = nlohmann::json::parse(slurp((out / "series.json").string()));
    ASSERT_EQ(json["lesions"].size(), 2u);
    EXPECT_EQ(json["lesions"][0]["first_seen"], "ses-2");
    EXPECT_EQ(json["lesions"][1]["first_seen"], "ses-3");
    // --series belongs to BIDS datasets; --detector to --series.
    EXPECT_EQ(cli("batch --cases x.csv --out o --series").exitCode, 2);
    EXPECT_EQ(cli("batch --bids " + bids.path().string() + " --detector subtraction").exitCode, 2);
}

TEST(SeriesFolder, DicomFoldersAreVisitsDatedByTheirHeaders) {
    TempDir dir;
    using test::ShortVolume;
    auto volume = makeImage<ShortVolume>({16, 12, 6}, {0.8, 0.8, 3.0}, {-10, -20, 30});
    const auto visit = [&](const std::string& folder, const std::string& date, bool withT1) {
        fs::create_directories(dir.path() / folder);
        test::writeVolumeSeries(*volume, dir.path() / folder, "flair", "1.2.3." + date, "AX FLAIR",
                                {{"0010|0020", "TEST"}, {"0008|0022", date}});
        if (withT1)
            test::writeVolumeSeries(*volume, dir.path() / folder, "t1", "1.2.4." + date, "T1 MPRAGE",
                                    {{"0010|0020", "TEST"}, {"0008|0022", date}});
    };
    visit("visit-b", "20230115", false);
    visit("visit-a", "20220620", true);  // two series: the FLAIR is taken
    const auto s = readSeriesFolder(dir.path().string());
    ASSERT_EQ(s.visits.size(), 2u);
    EXPECT_EQ(s.visits[0].date, "2022-06-20");
    EXPECT_EQ(s.visits[0].dicomSeriesUid.rfind("1.2.3.20220620", 0), 0u) << s.visits[0].dicomSeriesUid;
    ReadOptions options;
    options.dicomSeriesUid = s.visits[0].dicomSeriesUid;
    EXPECT_EQ(readVolume(s.visits[0].flair, options)->GetLargestPossibleRegion().GetSize()[2], 6u);
    EXPECT_EQ(s.visits[1].date, "2023-01-15");
    EXPECT_TRUE(s.visits[1].dicomSeriesUid.empty());  // its only series
    // Two series, neither named FLAIR: refused, the folder named.
    TempDir unclear;
    fs::create_directories(unclear.path() / "v");
    test::writeVolumeSeries(*volume, unclear.path() / "v", "a", "1.5.1", "T1", {{"0008|0022", "20200101"}});
    test::writeVolumeSeries(*volume, unclear.path() / "v", "b", "1.5.2", "T2", {{"0008|0022", "20200101"}});
    try {
        readSeriesFolder(unclear.path().string());
        ADD_FAILURE() << "accepted";
    } catch (const VolumeError& e) {
        EXPECT_NE(std::string(e.what()).find("not exactly one named FLAIR"), std::string::npos) << e.what();
    }
}
