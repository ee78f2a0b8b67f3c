// The window's one worker-thread helper (app/gui/BackgroundTask): how work ends, and that one
// task runs at a time.
#include <gtest/gtest.h>

#include <QApplication>
#include <QElapsedTimer>
#include <stdexcept>
#include <thread>

#include "BackgroundTask.h"
#include "PostToGui.h"
#include "lesiondelta/core/Progress.h"

using lesiondelta::gui::BackgroundTask;

namespace {

struct Ending {
    bool seen = false;
    BackgroundTask::Outcome outcome = BackgroundTask::Outcome::Done;
    QString message;
};

Ending waitForEnd(BackgroundTask& task, int timeoutMs = 10000) {
    Ending e;
    auto c = QObject::connect(&task, &BackgroundTask::finished, [&](BackgroundTask::Outcome o, const QString& m) {
        e = {true, o, m};
    });
    QElapsedTimer t;
    t.start();
    while (!e.seen && t.elapsed() < timeoutMs) QApplication::processEvents(QEventLoop::AllEvents, 20);
    QObject::disconnect(c);
    return e;
}

}  // namespace

TEST(BackgroundTask, WorkEndsDoneCancelledOrFailedAndOneRunsAtATime) {
    BackgroundTask task;
    // Done, and what the work posted arrives before `finished`.
    QObject receiver;
    bool posted = false, postedFirst = false;
    QObject::connect(&task, &BackgroundTask::finished, &receiver, [&] { postedFirst = posted; });
    ASSERT_TRUE(task.start([&] { lesiondelta::gui::postToGui(&receiver, [&] { posted = true; }); }));
    EXPECT_TRUE(task.busy());
    auto e = waitForEnd(task);
    ASSERT_TRUE(e.seen);
    EXPECT_EQ(e.outcome, BackgroundTask::Outcome::Done);
    EXPECT_TRUE(postedFirst);
    EXPECT_FALSE(task.busy());
    QObject::disconnect(&task, nullptr, &receiver, nullptr);

    // Cancelled: the work sees the request and throws Cancelled; a second start is refused meanwhile.
    ASSERT_TRUE(task.start([&] {
        while (!task.cancelRequested()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        throw lesiondelta::Cancelled();
    }));
    EXPECT_FALSE(task.start([] {}));
    task.cancel();
    e = waitForEnd(task);
    ASSERT_TRUE(e.seen);
    EXPECT_EQ(e.outcome, BackgroundTask::Outcome::Cancelled);

    // Failed, with the exception's text; the cancel request of the last run is forgotten.
    ASSERT_TRUE(task.start([&] {
        if (task.cancelRequested()) return;
        throw std::runtime_error("scan.nii.gz: not an image");
    }));
    e = waitForEnd(task);
    ASSERT_TRUE(e.seen);
    EXPECT_EQ(e.outcome, BackgroundTask::Outcome::Failed);
    EXPECT_EQ(e.message, "scan.nii.gz: not an image");
}

TEST(BackgroundTask, DestroyingItCancelsAndWaitsForTheWorker) {
    std::atomic<bool> ended{false};
    {
        BackgroundTask task;
        ASSERT_TRUE(task.start([&] {
            while (!task.cancelRequested()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
            ended = true;
        }));
    }
    EXPECT_TRUE(ended);
}
