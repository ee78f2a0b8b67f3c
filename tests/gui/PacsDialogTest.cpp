// File > Open from PACS and File > Send results to PACS, offscreen, against Orthanc started by the test (skips without
// the `orthanc` package): the node is tested, a patient found, BL and FU chosen and retrieved while the dialog stays
// responsive, and a PACS that is down gives its message in the dialog.
#include <gtest/gtest.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QStandardPaths>
#include <QStatusBar>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "MainWindow.h"
#include "OrthancServer.h"
#include "PacsDialog.h"
#include "PacsSender.h"
#include "SampleDicomStudies.h"
#include "Settings.h"
#include "TestImages.h"
#include "WaitFor.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pacs/DicomExport.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"
#include "lesiondelta/pipeline/SeriesFolder.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

/// Processes events until the dialog's network work ended; counts the event-loop turns.
int waitUntilIdle(const gui::PacsDialog& dialog, int timeoutMs = 60000) {
    QElapsedTimer t;
    t.start();
    int turns = 0;
    do {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        ++turns;
    } while (dialog.busy() && t.elapsed() < timeoutMs);
    QApplication::processEvents();
    return turns;
}

}  // namespace

TEST(PacsDialog, FindsChoosesAndRetrievesBaselineAndFollowUp) {
    if (OrthancServer::executable().empty()) GTEST_SKIP() << "Orthanc is not installed";
    QStandardPaths::setTestModeEnabled(true);  // settings and cache in test locations
    OrthancServer server;
    ASSERT_TRUE(server.waitUntilListening()) << server.log();
    TempDir dicom;
    writeSampleStudies(dicom.path());
    auto node = pacs::parseNode(server.node());
    pacs::PacsClient(node).store({dicom.path().string()});

    gui::PacsDialog dialog;
    dialog.show();
    dialog.setNode(node);
    dialog.testConnection();
    waitUntilIdle(dialog);
    EXPECT_TRUE(dialog.status().contains("answers")) << dialog.status().toStdString();

    dialog.search({"", "LD01", ""});
    EXPECT_TRUE(dialog.busy());  // the search runs on a worker; the dialog keeps handling events
    EXPECT_GT(waitUntilIdle(dialog), 0);
    ASSERT_EQ(dialog.studyCount(), 2) << dialog.status().toStdString();
    EXPECT_FALSE(dialog.chooseSeries("1.2.3.4", true));
    if (const char* dir = std::getenv("LESIONDELTA_TEST_IMAGES"))  // to look at
        dialog.grab().save(QString::fromLocal8Bit(dir) + "/pacs-dialog.png");
    ASSERT_TRUE(dialog.chooseSeries(QString::fromStdString(kBlStudy + ".3"), true));
    ASSERT_TRUE(dialog.chooseSeries(QString::fromStdString(kFuStudy + ".4"), false));  // the T1: said
    EXPECT_TRUE(dialog.status().contains("SAG T1 is not named FLAIR")) << dialog.status().toStdString();
    ASSERT_TRUE(dialog.chooseSeries(QString::fromStdString(kFuFlair), false));
    EXPECT_TRUE(dialog.status().isEmpty()) << dialog.status().toStdString();
    dialog.retrieve();
    waitUntilIdle(dialog);
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.status().toStdString();
    // Both series arrived whole in the cache, readable as the scans they are.
    const auto fu = readVolume(dialog.followUpFolder().toStdString());
    EXPECT_EQ(fu->GetLargestPossibleRegion().GetSize(),
              sampleAsShort("study2_FLAIR.nii.gz")->GetLargestPossibleRegion().GetSize());
    EXPECT_TRUE(std::filesystem::is_directory(dialog.baselineFolder().toStdString()));
    EXPECT_TRUE(dialog.seriesFolder().isEmpty());

    // Every FLAIR visit at once: a course the series workflow reads.
    gui::PacsDialog course;
    course.setNode(node);
    course.search({"", "LD01", ""});
    waitUntilIdle(course);
    course.retrieveCourse();
    waitUntilIdle(course);
    ASSERT_EQ(course.result(), QDialog::Accepted) << course.status().toStdString();
    const auto visits = readSeriesFolder(course.seriesFolder().toStdString());
    ASSERT_EQ(visits.visits.size(), 2u);
    EXPECT_EQ(visits.visits[0].date, "2010-01-01");
    EXPECT_EQ(readVolume(visits.visits[1].flair)->GetLargestPossibleRegion().GetSize(),
              fu->GetLargestPossibleRegion().GetSize());
    std::filesystem::remove_all(gui::PacsDialog::cacheFolder().toStdString());

    // Down: the message says so, in the dialog.
    server.stop();
    gui::PacsDialog again;
    again.setNode(node);
    again.search({"", "LD01", ""});
    waitUntilIdle(again);
    EXPECT_TRUE(again.status().contains("connection refused")) << again.status().toStdString();
    EXPECT_EQ(again.studyCount(), 0);
}

// File > Send results to PACS: a case made from two series retrieved from the PACS goes back into
// the follow-up's study (SEG, report, outline pictures) from the window, on a worker thread; with
// no result or no node set up the window says why and sends nothing.
TEST(PacsSend, TheWindowSendsItsResultsIntoTheFollowUpStudy) {
    if (OrthancServer::executable().empty()) GTEST_SKIP() << "Orthanc is not installed";
    QStandardPaths::setTestModeEnabled(true);
    OrthancServer server;
    ASSERT_TRUE(server.waitUntilListening()) << server.log();
    TempDir dicom, cache, work;
    writeSampleStudies(dicom.path());
    const auto node = pacs::parseNode(server.node());
    const pacs::PacsClient client(node);
    client.store({dicom.path().string()});
    const auto bl = client.retrieveSeries(kBlStudy, kBlStudy + ".3", cache.path().string());
    const auto fu = client.retrieveSeries(kFuStudy, kFuFlair, cache.path().string());
    // The case: the subtraction detector's results (fast; no model needed) with BL and FU as DICOM.
    SegmentationInput input;
    input.blPath = bl;
    input.fuPath = fu;
    const std::string caseDir = work.file("case");
    ResultsFolder(caseDir).write(runSubtractionBaseline(input));

    gui::settings::setPacsNode({});
    gui::MainWindow window;
    EXPECT_FALSE(window.sendResultsToPacs());  // nothing open
    window.openCaseFolder(QString::fromStdString(caseDir));
    ASSERT_TRUE(waitFor([&] { return !window.session().busy() && window.session().result(); }, 120000));
    EXPECT_FALSE(window.sendResultsToPacs());  // no node set up
    EXPECT_TRUE(window.statusBar()->currentMessage().contains("No PACS is set up"))
        << window.statusBar()->currentMessage().toStdString();

    gui::settings::setPacsNode(QString::fromStdString(server.node()));
    QString summary, failure;
    QObject::connect(&window.pacsSender(), &gui::PacsSender::finished, [&](const QString& s) { summary = s; });
    QObject::connect(&window.pacsSender(), &gui::PacsSender::failed, [&](const QString& m) { failure = m; });
    ASSERT_TRUE(window.sendResultsToPacs());
    EXPECT_TRUE(window.pacsSender().busy());  // the work runs on a worker; the window handles events
    ASSERT_TRUE(waitFor([&] { return !window.pacsSender().busy(); }, 120000));
    EXPECT_TRUE(failure.isEmpty()) << failure.toStdString();
    const auto slices = readVolume(fu)->GetLargestPossibleRegion().GetSize(2);
    EXPECT_EQ(window.statusBar()->currentMessage(), summary);
    EXPECT_TRUE(summary.contains(QStringLiteral("Sent %1 DICOM objects (SEG, measurements, report, %2 outline images)")
                                     .arg(slices + 3)
                                     .arg(slices)))
        << summary.toStdString();
    // Orthanc holds them in the follow-up's study: FLAIR, T1, SEG, SR, the report and the pictures.
    const auto expanded = nlohmann::json::parse(server.rest("/studies?expand"));
    int fuSeries = -1;
    for (const auto& s : expanded)
        if (s["MainDicomTags"]["StudyInstanceUID"] == kFuStudy) fuSeries = int(s["Series"].size());
    EXPECT_EQ(fuSeries, 6);
    // The case folder keeps what was sent, beside its results.
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(caseDir) / "dicom" / "new_lesions_seg.dcm"));

    // A reader's correction goes instead of the CNN's result when chosen: a rater layer with two
    // lesions; the second SEG in the study is that mask, marked semi-automatic.
    const auto grid = readVolume(fu);
    auto corrected = MaskVolume::New();
    corrected->CopyInformation(grid);
    corrected->SetRegions(grid->GetLargestPossibleRegion());
    corrected->Allocate(true);
    paintBox(*corrected, {100, 100, 20}, {110, 110, 22});
    paintBox(*corrected, {200, 150, 25}, {206, 156, 25});
    writeMask(*corrected, work.file("dr_k.nii.gz"));
    ASSERT_TRUE(window.addMaskFile(QString::fromStdString(work.file("dr_k.nii.gz")), false));
    summary.clear();
    ASSERT_TRUE(window.sendResultsToPacs(viewer::LayerId{viewer::LayerKind::Rater, "dr_k"}));
    ASSERT_TRUE(waitFor([&] { return !window.pacsSender().busy(); }, 120000));
    EXPECT_TRUE(failure.isEmpty()) << failure.toStdString();
    EXPECT_TRUE(summary.contains("SEG, measurements, report")) << summary.toStdString();
    int matched = 0;
    for (const auto& study : client.findStudies({"", "LD01", ""}))
        for (const auto& series : study.series) {
            if (series.modality != "SEG") continue;
            const auto dir = client.retrieveSeries(study.studyUid, series.seriesUid, cache.path().string());
            const auto file = std::filesystem::directory_iterator(dir)->path().string();
            const auto back = pacs::readLesionSegmentation(file, *grid);
            std::size_t different = 0;
            for (std::size_t i = 0; i < corrected->GetLargestPossibleRegion().GetNumberOfPixels(); ++i)
                different += (corrected->GetBufferPointer()[i] != 0) != (back->GetBufferPointer()[i] != 0);
            matched += different == 0;
        }
    EXPECT_EQ(matched, 1);  // the corrected SEG is the reader's mask; the CNN's is not
    EXPECT_FALSE(window.sendResultsToPacs(viewer::LayerId{viewer::LayerKind::Rater, "nobody"}));
}
