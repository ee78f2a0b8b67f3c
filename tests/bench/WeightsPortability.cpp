// Checks that a weights file gives the same outputs under another LibTorch (e.g. 1.13 here and
// 2.x inside PyTorch on a GPU machine). Both steps run on the CPU in float32.
//   weights_portability write DIR   model.safetensors + input_bl/fu.f32 + reference.f32 (this LibTorch)
//   weights_portability check DIR   loads them, recomputes, prints the largest difference
#include <cstdio>
#include <fstream>
#include <string>

#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/WeightsFile.h"

using namespace lesiondelta::ml;

namespace {

constexpr int64_t kSide = 32;

void writeTensor(const std::string& path, const torch::Tensor& t) {
    const auto c = t.contiguous().to(torch::kFloat32);
    std::ofstream(path, std::ios::binary).write(static_cast<const char*>(c.data_ptr()), c.numel() * 4);
}

torch::Tensor readTensor(const std::string& path) {
    auto t = torch::empty({1, 1, kSide, kSide, kSide});
    std::ifstream in(path, std::ios::binary);
    in.read(static_cast<char*>(t.data_ptr()), t.numel() * 4);
    if (!in) throw std::runtime_error(path + ": cannot be read");
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: weights_portability write|check DIR\n");
        return 2;
    }
    const std::string mode = argv[1], dir = argv[2];
    torch::InferenceMode guard;
    if (mode == "write") {
        torch::manual_seed(2020);
        NetworkConfig c;
        c.baseWidth = 8;  // 8.6 MB: small enough to travel to the GPU machine
        LesionChangeNet net(c);
        net->eval();
        ModelMetadata m;
        m.trainingData = "none: random weights for the portability check";
        saveWeights(net, m, dir + "/model.safetensors");
        const auto bl = torch::randn({1, 1, kSide, kSide, kSide}), fu = torch::randn({1, 1, kSide, kSide, kSide});
        writeTensor(dir + "/input_bl.f32", bl);
        writeTensor(dir + "/input_fu.f32", fu);
        writeTensor(dir + "/reference.f32", net->probability(bl, fu));
        std::printf("wrote the reference with LibTorch %s\n", torchVersion().c_str());
        return 0;
    }
    auto model = loadWeights(dir + "/model.safetensors");
    const auto out = model.net->probability(readTensor(dir + "/input_bl.f32"), readTensor(dir + "/input_fu.f32"));
    const auto diff = (out - readTensor(dir + "/reference.f32")).abs().max().item<float>();
    std::printf("LibTorch %s: largest difference to the reference %.3g (%s)\n", torchVersion().c_str(), diff,
                diff == 0.0f ? "bit-identical" : diff < 1e-5f ? "equal within float rounding" : "DIFFERENT");
    return diff < 1e-5f ? 0 : 1;
}
