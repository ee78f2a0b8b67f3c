// File > Open from PACS, offscreen, against Orthanc started by the test (skips without the
// `orthanc` package): the node is tested, a patient found, BL and FU chosen and retrieved while
// the dialog stays responsive, and a PACS that is down gives its message in the dialog.
#include <gtest/gtest.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QStandardPaths>
#include <cstdlib>
#include <filesystem>

#include "OrthancServer.h"
#include "PacsDialog.h"
#include "SampleDicomStudies.h"
#include "lesiondelta/core/VolumeIO.h"

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
    ASSERT_TRUE(dialog.chooseSeries(QString::fromStdString(kFuFlair), false));
    dialog.retrieve();
    waitUntilIdle(dialog);
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.status().toStdString();
    // Both series arrived whole in the cache, readable as the scans they are.
    const auto fu = readVolume(dialog.followUpFolder().toStdString());
    EXPECT_EQ(fu->GetLargestPossibleRegion().GetSize(),
              sampleAsShort("study2_FLAIR.nii.gz")->GetLargestPossibleRegion().GetSize());
    EXPECT_TRUE(std::filesystem::is_directory(dialog.baselineFolder().toStdString()));
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
