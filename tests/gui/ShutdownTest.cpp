// Cancelling and closing the reading window while work runs (offscreen): registration, CNN
// detection and report writing each stop promptly, leave no file behind in the case folder and no
// thread running; a cancelled opening leaves the window usable.
#include <gtest/gtest.h>

#include <QApplication>
#include <QElapsedTimer>
#include <filesystem>
#include <set>

#include "MainWindow.h"
#include "TestImages.h"
#include "WaitFor.h"
#include "lesiondelta/ml/LesionChangeNet.h"
#include "lesiondelta/ml/WeightsFile.h"
#include "lesiondelta/viewer/SlicePairPanel.h"

using namespace lesiondelta;
using namespace lesiondelta::gui;
using lesiondelta::test::TempDir;
using lesiondelta::test::waitFor;
namespace fs = std::filesystem;

namespace {

std::size_t threadCount() { return std::distance(fs::directory_iterator("/proc/self/task"), fs::directory_iterator{}); }

std::set<std::string> filesUnder(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) out.insert(fs::relative(e.path(), dir).string());
    return out;
}

class Shutdown : public ::testing::Test {
protected:
    void SetUp() override {
        const fs::path sample = LESIONDELTA_SAMPLE_DIR;
        if (!fs::exists(sample / "case.json")) GTEST_SKIP() << "no sample case";
        // A copy of the sample case without results, so detection would write into it.
        caseDir_ = dir_.path() / "case";
        fs::create_directories(caseDir_);
        for (const auto& e : fs::directory_iterator(sample)) {
            if (e.is_regular_file()) fs::copy_file(e.path(), caseDir_ / e.path().filename());
        }
        original_ = filesUnder(caseDir_);
        torch::manual_seed(5);
        ml::NetworkConfig c;
        c.baseWidth = 2;  // random weights: the plumbing is under test, and crops stay short
        ml::LesionChangeNet net(c);
        ml::saveWeights(net, ml::ModelMetadata{}, dir_.file("model.safetensors"));
    }
    StartOptions options() const {
        StartOptions o;
        o.caseFolder = QString::fromStdString(caseDir_.string());
        o.model = QString::fromStdString(dir_.file("model.safetensors"));
        o.device = "cpu";
        return o;
    }
    static bool previewShown(MainWindow& w) { return !w.panel()->view(viewer::Side::FollowUp)->sliceImage().isNull(); }
    TempDir dir_;
    fs::path caseDir_;
    std::set<std::string> original_;
};

TEST_F(Shutdown, CancellingRegistrationStopsPromptlyAndTheWindowStaysUsable) {
    MainWindow window(options());
    window.show();
    ASSERT_TRUE(waitFor([&] { return window.session().busy() && previewShown(window); }, 30000))
        << "registration did not start";
    QElapsedTimer t;
    t.start();
    window.session().cancel();
    ASSERT_TRUE(waitFor([&] { return !window.session().busy(); }, 10000)) << "registration did not stop";
    std::cout << "registration stopped " << t.elapsed() << " ms after Cancel\n";
    EXPECT_LT(t.elapsed(), lesiondelta::test::scaled(3000));
    EXPECT_FALSE(window.session().hasCase());  // the half-opened case is not kept
    EXPECT_EQ(filesUnder(caseDir_), original_);
    window.openCaseFolder(QString::fromStdString(caseDir_.string()));
    ASSERT_TRUE(waitFor([&] { return window.session().hasCase() && !window.session().busy(); }, 120000));
}

TEST_F(Shutdown, ClosingDuringRegistrationDetectionOrReportStopsPromptlyAndLeavesNothing) {
    enum Phase { Registration, Detection, Report };
    std::vector<std::size_t> threadsAfterRound;
    for (int round = 0; round < 2; ++round) {
        for (Phase phase : {Registration, Detection, Report}) {
            SCOPED_TRACE("round " + std::to_string(round) + ", phase " + std::to_string(int(phase)));
            auto window = std::make_unique<MainWindow>(options());
            window->show();
            auto& session = window->session();
            QString stage;
            QObject::connect(&session, &CaseSession::progress, [&stage](double, const QString& s) { stage = s; });
            if (phase == Registration) {
                ASSERT_TRUE(waitFor([&] { return session.busy() && previewShown(*window); }, 30000));
            } else {
                ASSERT_TRUE(waitFor([&] { return session.hasCase() && !session.busy(); }, 120000))
                    << "case did not open";
                if (phase == Detection) {
                    window->startDetection();
                    ASSERT_TRUE(waitFor([&] { return stage == "inference"; }, 120000)) << "inference did not start";
                } else {
                    ASSERT_TRUE(window->exportReport(QString::fromStdString((caseDir_ / "report.pdf").string())));
                    ASSERT_TRUE(window->reporter().busy());
                }
            }
            QElapsedTimer t;
            t.start();
            window->close();
            window.reset();
            std::cout << "phase " << int(phase) << ": window gone " << t.elapsed() << " ms after close\n";
            EXPECT_LT(t.elapsed(), lesiondelta::test::scaled(5000));
            QCoreApplication::processEvents();  // queued calls of the stopped workers find no receiver
            EXPECT_EQ(filesUnder(caseDir_), original_) << "no results, report or temporary file may be left";
        }
        threadsAfterRound.push_back(threadCount());
    }
    // Thread pools (ITK, LibTorch) start in the first round; no worker may outlive its window.
    std::cout << "threads after each round: " << threadsAfterRound[0] << ", " << threadsAfterRound[1] << "\n";
    EXPECT_EQ(threadsAfterRound[1], threadsAfterRound[0]);
}

TEST_F(Shutdown, CancellingTheReportWritesNoFile) {
    MainWindow window(options());
    window.show();
    ASSERT_TRUE(waitFor([&] { return window.session().hasCase() && !window.session().busy(); }, 120000));
    bool cancelled = false, finished = false;
    QObject::connect(&window.reporter(), &ReportExporter::cancelled, [&] { cancelled = true; });
    QObject::connect(&window.reporter(), &ReportExporter::finished, [&] { finished = true; });
    ASSERT_TRUE(window.exportReport(QString::fromStdString((caseDir_ / "report.pdf").string())));
    window.reporter().cancel();
    ASSERT_TRUE(waitFor([&] { return cancelled || finished; }, 30000));
    EXPECT_TRUE(cancelled);
    EXPECT_FALSE(finished);
    EXPECT_FALSE(window.reporter().busy());
    EXPECT_EQ(filesUnder(caseDir_), original_);
}

}  // namespace
