// lesiondelta-train: the training command alone (LibTorch only; see TrainCommand.h).
#include <iostream>

#include "TrainCommand.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/HeapReuse.h"
#include "lesiondelta/ml/WeightsFile.h"

int main(int argc, char** argv) {
    lesiondelta::ml::keepFreedMemoryInHeap();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << "lesiondelta-train " << lesiondelta::ml::kTrainUsage;
        return args.empty() ? 2 : 0;
    }
    try {
        return lesiondelta::ml::runTrainCommand(args, std::cout, std::cerr);
    } catch (const lesiondelta::ml::TrainUsageError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
