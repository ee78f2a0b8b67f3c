// lesiondelta-train: the training command alone (LibTorch only; see TrainCommand.h).
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <iostream>

#include "TrainCommand.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/HeapReuse.h"
#include "lesiondelta/ml/WeightsFile.h"

namespace {

// Ctrl-C or SIGTERM: the run stops after its current step with a checkpoint of it; a second
// signal ends the program at once (the handler resets itself).
std::atomic<bool> gStop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void onStopSignal(int) {
    gStop = true;
    constexpr char note[] = "\nstopping after this step with a checkpoint (again to end at once)\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, note, sizeof note - 1);
}

void stopOnSignals() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
    lesiondelta::ml::keepFreedMemoryInHeap();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << "lesiondelta-train " << lesiondelta::ml::kTrainUsage;
        return args.empty() ? 2 : 0;
    }
    stopOnSignals();
    try {
        return lesiondelta::ml::runTrainCommand(args, std::cout, std::cerr, [] { return gStop.load(); });
    } catch (const lesiondelta::ml::TrainUsageError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
