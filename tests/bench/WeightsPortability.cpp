// Checks that a weights file gives the same outputs under another LibTorch (e.g. 1.13 here and
// 2.x inside PyTorch on a GPU machine). Both steps run on the CPU in float32; where CUDA is
// available, check also runs the network there and prints its difference to the CPU output.
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
                diff == 0.0f   ? "bit-identical"
                : diff < 1e-5f ? "equal within float rounding"
                               : "DIFFERENT");
    bool cudaAgrees = true;
    if (torch::cuda::is_available()) {
        const torch::Device cuda(torch::kCUDA, 0);
        model.net->to(cuda);
        const auto onCuda =
            model.net
                ->probability(readTensor(dir + "/input_bl.f32").to(cuda), readTensor(dir + "/input_fu.f32").to(cuda))
                .cpu();
        const float cudaDiff = (onCuda - out).abs().max().item<float>();
        const auto flipped = ((onCuda > 0.5) != (out > 0.5)).sum().item<int64_t>();
        cudaAgrees = cudaDiff < 1e-3f;
        std::printf("CUDA float32 vs CPU: largest difference %.3g, %lld of %lld voxels on the other side of 0.5 (%s)\n",
                    cudaDiff, static_cast<long long>(flipped), static_cast<long long>(out.numel()),
                    cudaAgrees ? "agree" : "DIFFERENT");
    }
    return diff < 1e-5f && cudaAgrees ? 0 : 1;
}
