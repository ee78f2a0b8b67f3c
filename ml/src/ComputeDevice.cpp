#include "lesiondelta/ml/ComputeDevice.h"

#include <thread>

namespace lesiondelta::ml {

torch::Device chooseDevice(const std::string& request) {
    if (request == "cpu") return torch::kCPU;
    if (request == "cuda") {
        if (!torch::cuda::is_available()) {
            throw DeviceError(
                "CUDA was requested but this LibTorch has no CUDA device available (use --device cpu or auto)");
        }
        return torch::Device(torch::kCUDA, 0);
    }
    if (request == "auto")
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    throw DeviceError("unknown device '" + request + "' (expected auto, cpu or cuda)");
}

std::string describeDevice(const torch::Device& device) {
    if (device.is_cuda()) return "cuda:" + std::to_string(device.index() < 0 ? 0 : device.index());
    return "cpu (" + std::to_string(torch::get_num_threads()) + " threads)";
}

std::string torchVersion() {
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
           std::to_string(TORCH_VERSION_PATCH);
}

}  // namespace lesiondelta::ml
