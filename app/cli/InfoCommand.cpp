// lesiondelta-cli info [--model FILE]: model metadata, LibTorch version, devices.
#include <torch/torch.h>

#include <iostream>
#include <thread>

#include "Arguments.h"
#include "Commands.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/ml/ChangeSegmenter.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/WeightsFile.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace lesiondelta::cli {

int runInfo(const std::vector<std::string>& args) {
    const Arguments a(args, {"--model"}, {});
    std::cout << "LesionDelta " << kVersion << "\n"
              << "LibTorch " << ml::torchVersion() << "\n"
              << "devices: cpu (" << std::thread::hardware_concurrency() << " cores)";
    if (torch::cuda::is_available()) {
        std::cout << ", cuda (" << torch::cuda::device_count() << " device(s))";
    } else {
        std::cout << "; CUDA not available in this LibTorch build or machine";
    }
    std::cout << "\n"
              << "cpu: " << ml::cpuFeatures().describe() << "\n"
              << "precision auto: " << ml::choosePrecision("auto", ml::chooseDevice("auto")).reason << "\n";
    std::string modelPath = a.optional("--model").value_or("");
    if (modelPath.empty()) {
        try {
            modelPath = findShippedModel();
        } catch (const VolumeError& e) {
            std::cout << "model: " << e.what() << "\n";
            return 0;
        }
    }
    try {
        const auto m = ml::readWeightsMetadata(modelPath);
        std::cout << "model: " << modelPath << "\n"
                  << "  architecture: " << m.architecture << " (base width " << m.baseWidth << ")\n"
                  << "  threshold: " << m.threshold << "\n"
                  << "  training data: " << m.trainingData << "\n"
                  << "  training command: " << m.trainingCommand << "\n"
                  << "  date: " << m.date << ", project version " << m.projectVersion << "\n"
                  << "  data sha256: " << m.dataSha256 << "\n";
        for (const auto& [k, v] : m.extra) std::cout << "  " << k << ": " << v << "\n";
    } catch (const ml::WeightsError& e) {
        throw VolumeError("", e.what());
    }
    return 0;
}

}  // namespace lesiondelta::cli
