// CNN speed and memory on this machine, printing medians.
//   ml_bench [repeats=3] [--device cpu|cuda|auto] [--widths 16,8] [--precisions fp32,bf16]
//            [--case BL FU] [--no-case]
// 1. One 128^3 crop pair per network width: median seconds, GFLOP, achieved GFLOP/s, and the
//    ratio to this machine's measured single-precision matrix-multiply rate (a practical peak).
// 2. The full case (registration to mask) through the pipeline on a real pair, with a model of
//    random weights of the same architecture (compute does not depend on the weights), stage
//    timings and peak resident memory. Targets (issue 3): <= 60 s and < 4 GB on the 2-core CPU.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/LesionChangeNet.h"
#include "lesiondelta/ml/WeightsFile.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace fs = std::filesystem;
using namespace lesiondelta;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

template <typename F>
double seconds(F&& f) {
    const auto t = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

void sync(const torch::Device& d) {
    if (d.is_cuda()) torch::cuda::synchronize();
}

// Theoretical single-precision peak of this CPU: cores x MHz x FLOP per cycle (two FMA units:
// 64 with AVX-512, 32 with AVX2+FMA, 8 otherwise). 0 when /proc/cpuinfo says nothing.
double cpuPeakGflops() {
    std::ifstream in("/proc/cpuinfo");
    double mhz = 0.0;
    std::string line, flags;
    while (std::getline(in, line)) {
        if (mhz == 0.0 && line.rfind("cpu MHz", 0) == 0) mhz = std::stod(line.substr(line.find(':') + 1));
        if (flags.empty() && line.rfind("flags", 0) == 0) flags = line;
    }
    const double perCycle = flags.find("avx512f") != std::string::npos ? 64
                            : flags.find(" fma") != std::string::npos  ? 32
                                                                       : 8;
    return std::thread::hardware_concurrency() * mhz / 1000.0 * perCycle;
}

double matmulGflops(const torch::Device& d) {
    torch::InferenceMode guard;
    const auto a = torch::randn({2048, 2048}, torch::TensorOptions().device(d));
    const auto b = torch::randn({2048, 2048}, torch::TensorOptions().device(d));
    torch::mm(a, b);
    sync(d);
    std::vector<double> t;
    for (int i = 0; i < 5; ++i)
        t.push_back(seconds([&] {
            torch::mm(a, b);
            sync(d);
        }));
    return 2.0 * 2048.0 * 2048.0 * 2048.0 / median(t) / 1e9;
}

double peakRssGb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0 / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

int main(int argc, char** argv) {
    int repeats = 3;
    std::string deviceName = "auto";
    std::vector<int> widths{16, 8};
    std::vector<std::string> precisions{"fp32", "bf16"};
    bool runCase = true;
    fs::path data = LESIONDELTA_SHARED_DATA;
    fs::path bl = data / "ljubljana-longitudinal/patient03/study1_FLAIR.nii.gz";
    fs::path fu = data / "ljubljana-longitudinal/patient03/study2_FLAIR.nii.gz";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--device" && i + 1 < argc)
            deviceName = argv[++i];
        else if (a == "--widths" && i + 1 < argc) {
            widths.clear();
            std::stringstream s(argv[++i]);
            for (std::string w; std::getline(s, w, ',');) widths.push_back(std::stoi(w));
        } else if (a == "--precisions" && i + 1 < argc) {
            precisions.clear();
            std::stringstream s(argv[++i]);
            for (std::string p; std::getline(s, p, ',');) precisions.push_back(p);
        } else if (a == "--case" && i + 2 < argc) {
            bl = argv[++i];
            fu = argv[++i];
        } else if (a == "--no-case")
            runCase = false;
        else
            repeats = std::max(1, std::atoi(argv[i]));
    }
    const torch::Device device = ml::chooseDevice(deviceName);
    if (device.is_cpu()) torch::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    const double peak = device.is_cpu() ? cpuPeakGflops() : 0.0;
    std::printf("ml_bench: device %s, LibTorch %s, %d repeats; fp32 matmul %.1f GFLOP/s; CPU fp32 peak %.0f GFLOP/s\n",
                ml::describeDevice(device).c_str(), ml::torchVersion().c_str(), repeats, matmulGflops(device), peak);
    std::printf("%-6s %-6s %10s %14s %10s %10s\n", "width", "prec", "GFLOP", "crop pair s", "GFLOP/s", "of peak");
    for (const auto& precisionName : precisions)
        for (int w : widths) {
            const auto type =
                ml::parsePrecision(precisionName) == ml::Precision::BFloat16 ? torch::kBFloat16 : torch::kFloat32;
            ml::NetworkConfig c;
            c.baseWidth = w;
            ml::LesionChangeNet net(c);
            net->to(device, type);
            net->eval();
            torch::InferenceMode guard;
            const auto x = torch::randn({1, 1, 128, 128, 128}, torch::TensorOptions().device(device).dtype(type));
            net->probability(x, x);  // warm-up
            sync(device);
            std::vector<double> t;
            for (int i = 0; i < repeats; ++i)
                t.push_back(seconds([&] {
                    net->probability(x, x);
                    sync(device);
                }));
            const double gflop = ml::forwardFlops(c, 128) / 1e9, s = median(t);
            std::printf("%-6d %-6s %10.1f %14.3f %10.1f %9.0f%%\n", w, precisionName.c_str(), gflop, s, gflop / s,
                        peak > 0 ? 100.0 * gflop / s / peak : 0.0);
        }
    if (!runCase) return 0;
    if (!fs::exists(bl) || !fs::exists(fu)) {
        std::printf("full case skipped: %s not found\n", bl.string().c_str());
        return 0;
    }
    for (const auto& precisionName : precisions)
        for (int w : widths) {
            const fs::path model = fs::temp_directory_path() / ("ml_bench_w" + std::to_string(w) + ".safetensors");
            ml::NetworkConfig c;
            c.baseWidth = w;
            ml::LesionChangeNet net(c);
            ml::ModelMetadata m;
            m.trainingData = "none: random weights for timing";
            saveWeights(net, m, model.string());
            SegmentationInput in;
            in.blPath = bl.string();
            in.fuPath = fu.string();
            in.modelPath = model.string();
            in.device = deviceName;
            in.precision = precisionName;
            std::vector<double> total, inference;
            nlohmann::json last;
            for (int i = 0; i < repeats; ++i) {
                const auto r = runSegmentation(in);
                total.push_back(r.summary["timings"]["total_s"].get<double>());
                inference.push_back(r.summary["timings"]["inference_s"].get<double>());
                last = r.summary;
            }
            fs::remove(model);
            std::printf(
                "full case, width %d, %s, %s: median %.1f s (inference %.1f s, %d crops run, %d skipped); peak RSS "
                "%.2f GB\n",
                w, precisionName.c_str(), fu.filename().string().c_str(), median(total), median(inference),
                last["inference"]["crops_run"].get<int>(), last["inference"]["crops_skipped_no_head"].get<int>(),
                peakRssGb());
            std::printf("  stages of the last run: %s\n", last["timings"].dump().c_str());
        }
    return 0;
}
