// CNN timing that needs LibTorch and ml only, so it also builds on a GPU machine without ITK.
//   ml_crop_bench [--device auto|cpu|cuda] [--repeats 5] [--widths 16,8] [--precisions fp32,bf16]
//                 [--volumes DIR] [--onednn on|off]
// --onednn off makes LibTorch skip oneDNN (mkldnn) as it does for bf16 on CPUs without AVX-512
// (an AVX2-only CPU runs bf16 convolutions through ATen's own slow path): bf16 with it off, over
// fp32 with it on, estimates how much slower bf16 is on such a CPU.
// Prints the median time of one 128^3 crop pair per width and precision. With --volumes DIR (as
// written by export_cnn_input: bl.f16, fu.f16, head.u8 and size.txt, the 1 mm standardised FU-space
// inputs of a real pair), also the median whole-volume sliding-window time (27 crops, mean merge).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "lesiondelta/ml/ChangeSegmenter.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/LesionChangeNet.h"

using namespace lesiondelta::ml;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

template <typename F>
double seconds(const torch::Device& d, F&& f) {
    if (d.is_cuda()) torch::cuda::synchronize();
    const auto t = std::chrono::steady_clock::now();
    f();
    if (d.is_cuda()) torch::cuda::synchronize();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

template <typename T>
std::vector<T> readRaw(const std::string& path, int64_t count) {
    std::vector<T> v(count);
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(v.data()), count * sizeof(T));
    if (!in) throw std::runtime_error(path + ": cannot be read or too short");
    return v;
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string x; std::getline(in, x, ',');) out.push_back(x);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::string deviceName = "auto", volumes;
    int repeats = 5;
    std::vector<std::string> widths{"16", "8"}, precisions{"fp32", "bf16"};
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--device")
            deviceName = v;
        else if (a == "--repeats")
            repeats = std::max(1, std::stoi(v));
        else if (a == "--widths")
            widths = split(v);
        else if (a == "--precisions")
            precisions = split(v);
        else if (a == "--volumes")
            volumes = v;
        else if (a == "--onednn")
            at::globalContext().setUserEnabledMkldnn(v != "off");
    }
    const torch::Device device = chooseDevice(deviceName);
    if (device.is_cpu()) torch::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    std::printf("ml_crop_bench: %s, LibTorch %s, %d repeats, medians; oneDNN %s; %s\n", describeDevice(device).c_str(),
                torchVersion().c_str(), repeats, at::globalContext().userEnabledMkldnn() ? "on" : "off",
                cpuFeatures().describe().c_str());

    VolumeBuffer bl, fu;
    std::vector<std::uint8_t> head;
    if (!volumes.empty()) {
        std::ifstream sizeFile(volumes + "/size.txt");
        sizeFile >> bl.size[0] >> bl.size[1] >> bl.size[2];
        if (!sizeFile) throw std::runtime_error(volumes + "/size.txt: cannot be read");
        fu.size = bl.size;
        auto half = [&](const std::string& file) {
            auto raw = readRaw<std::int16_t>(volumes + file, bl.count());
            const auto f = torch::from_blob(raw.data(), {bl.count()}, torch::kHalf).to(torch::kFloat32);
            return std::vector<float>(f.data_ptr<float>(), f.data_ptr<float>() + bl.count());
        };
        bl.voxels = half("/bl.f16");
        fu.voxels = half("/fu.f16");
        head = readRaw<std::uint8_t>(volumes + "/head.u8", fu.count());
    }
    for (const auto& p : precisions) {
        for (const auto& w : widths) {
            NetworkConfig c;
            c.baseWidth = std::stoi(w);
            LoadedModel model{LesionChangeNet(c), {}};
            ChangeSegmenter segmenter(model, device, parsePrecision(p));
            const auto predict = segmenter.predictor();
            const auto x = torch::randn({1, 1, 128, 128, 128});
            predict(x, x);  // warm-up (CUDA context, oneDNN primitives)
            std::vector<double> crop;
            for (int r = 0; r < repeats; ++r) crop.push_back(seconds(device, [&] { predict(x, x); }));
            std::printf("width %-3s %-5s crop pair %.4f s (%.1f GFLOP)", w.c_str(), p.c_str(), median(crop),
                        forwardFlops(c, 128) / 1e9);
            if (!volumes.empty()) {
                SlidingWindowOptions o;
                o.headMask = &head;
                std::vector<double> whole;
                SlidingWindowResult r;
                for (int i = 0; i < repeats; ++i)
                    whole.push_back(seconds(device, [&] { r = segmenter.segment(bl, fu, o); }));
                std::printf("; whole volume %lldx%lldx%lld: %.3f s (%d crops, %d skipped)", (long long)fu.size[0],
                            (long long)fu.size[1], (long long)fu.size[2], median(whole), r.cropsRun, r.cropsSkipped);
            }
            std::printf("\n");
            std::fflush(stdout);
        }
    }
    return 0;
}
