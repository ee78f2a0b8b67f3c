#pragma once
#include <torch/torch.h>

#include <stdexcept>
#include <string>

namespace lesiondelta::ml {

class DeviceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// "auto" (CUDA when torch::cuda::is_available(), else CPU), "cpu" or "cuda". Throws DeviceError
/// for "cuda" without a CUDA device and for unknown names. On CPU, LibTorch uses every core.
torch::Device chooseDevice(const std::string& request);

/// e.g. "cpu (2 threads)" or "cuda:0 (NVIDIA H100 ...)" where the name is known.
std::string describeDevice(const torch::Device& device);

/// LibTorch version, e.g. "1.13.1".
std::string torchVersion();

}  // namespace lesiondelta::ml
