#pragma once
// One piece of long work at a time on a worker thread, for the window's objects (the case
// session, the report exporter). start() runs the work off the GUI thread; the work reads
// cancelRequested() in its progress callbacks and throws Cancelled to stop. When it has ended,
// `finished` says how, on the GUI thread, after everything the work posted to the GUI thread
// before it ended. Destroying the task cancels it and waits for the worker.
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <thread>

namespace lesiondelta::gui {

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Done, Cancelled, Failed };

    explicit BackgroundTask(QObject* parent = nullptr);
    ~BackgroundTask() override;

    /// Starts `work` on a worker thread; false (and nothing started) while a task runs.
    bool start(std::function<void()> work);
    /// From start() until `finished` has been emitted.
    bool busy() const { return busy_; }
    void cancel() { cancel_ = true; }
    bool cancelRequested() const { return cancel_.load(); }  // any thread
    /// Blocks until the worker thread has ended (its `finished` may still be queued).
    void wait();

Q_SIGNALS:
    /// Failed: `message` is the exception's text.
    void finished(lesiondelta::gui::BackgroundTask::Outcome outcome, QString message);

private:
    std::thread worker_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> busy_{false};
};

}  // namespace lesiondelta::gui
