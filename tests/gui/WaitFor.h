#pragma once
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <functional>

#include "TimeScale.h"

namespace lesiondelta::test {

/// Runs the event loop until `done` or the timeout (stretched by timeScale()); returns whether
/// `done` came true.
inline bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    timeoutMs = scaled(timeoutMs);
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return done();
}

}  // namespace lesiondelta::test
