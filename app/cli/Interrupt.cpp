#include "Interrupt.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <iostream>
#include <string>

namespace lesiondelta::cli {

namespace {

std::atomic<bool> gInterrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void onInterrupt(int) {
    gInterrupted = true;
    constexpr char message[] = "\nstopping at the next step; nothing half-done is written (again to end at once)\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
}

}  // namespace

void installInterruptHandler() {
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    action.sa_flags = SA_RESETHAND;  // the second signal takes the default action
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() { return gInterrupted.load(); }

ProgressCallback commandProgress(bool quiet) {
    if (quiet) return stopOnInterrupt();
    std::string lastStage;
    return stopOnInterrupt([lastStage](double fraction, const std::string& stage) mutable {
        if (stage != lastStage) {
            std::cerr << "[" << int(fraction * 100) << "%] " << stage << "\n";
            lastStage = stage;
        }
        return true;
    });
}

ProgressCallback stopOnInterrupt(ProgressCallback inner) {
    return [inner = std::move(inner)](double fraction, const std::string& stage) {
        if (interrupted()) return false;
        return inner ? inner(fraction, stage) : true;
    };
}

}  // namespace lesiondelta::cli
