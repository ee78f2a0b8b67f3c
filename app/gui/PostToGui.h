#pragma once
// Hands work from a worker thread to the GUI thread: a queued call on `receiver`, dropped if the
// receiver is gone. Under ThreadSanitizer it also tells TSan that everything the worker did
// before posting happens before the call runs: Qt's event queue synchronises with futexes inside
// the (uninstrumented) Qt library, which TSan cannot see.
#include <QMetaObject>
#include <QObject>
#include <utility>

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#endif

namespace lesiondelta::gui {

template <typename F>
void postToGui(QObject* receiver, F&& work) {
#if defined(__SANITIZE_THREAD__)
    __tsan_release(receiver);
    QMetaObject::invokeMethod(
        receiver,
        [receiver, work = std::forward<F>(work)]() mutable {
            __tsan_acquire(receiver);
            work();
        },
        Qt::QueuedConnection);
#else
    QMetaObject::invokeMethod(receiver, std::forward<F>(work), Qt::QueuedConnection);
#endif
}

}  // namespace lesiondelta::gui
