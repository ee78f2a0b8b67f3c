#include "BackgroundTask.h"

#include "PostToGui.h"
#include "lesiondelta/core/Progress.h"

namespace lesiondelta::gui {

BackgroundTask::BackgroundTask(QObject* parent) : QObject(parent) {}

BackgroundTask::~BackgroundTask() {
    cancel_ = true;
    wait();
}

void BackgroundTask::wait() {
    if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

bool BackgroundTask::start(std::function<void()> work) {
    if (busy_) return false;
    wait();  // the previous worker has posted its end; its thread may still be finishing
    busy_ = true;
    cancel_ = false;
    worker_ = std::thread([this, work = std::move(work)] {
        Outcome outcome = Outcome::Done;
        QString message;
        try {
            work();
        } catch (const Cancelled&) {
            outcome = Outcome::Cancelled;
        } catch (const std::exception& e) {
            outcome = Outcome::Failed;
            message = QString::fromStdString(e.what());
        }
        postToGui(this, [this, outcome, message] {
            busy_ = false;
            Q_EMIT finished(outcome, message);
        });
    });
    return true;
}

}  // namespace lesiondelta::gui
