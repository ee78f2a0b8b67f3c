// Throughput of the on-the-fly pair synthesis against one training step, on one device.
//   synth_bench --atlas FILE [--device cpu|cuda] [--crop 96] [--batch 4] [--repeats 10]
//               [--width 8] [--train-crop 64] [--train-batch 2] [--match-resolution on|off]
// Prints the median seconds per batch of pairs, pairs/s, and the median seconds of one training
// step (forward + backward + Adam) of the network at --width on --train-batch x --train-crop^3;
// the synthesis must outpace training (issue 17: >= 20 pairs/s of 96^3 on the GPU; faster than a
// training step on a CPU). LibTorch + ml only: also builds on the GPU machine.
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/CpuFeatures.h"
#include "lesiondelta/ml/PairSynthesizer.h"
#include "lesiondelta/ml/Trainer.h"

using namespace lesiondelta::ml;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void synchronise(torch::Device d, const torch::Tensor& t) {
    if (d.is_cuda()) (void)t.sum().item<double>();  // waits for the device
}

}  // namespace

int main(int argc, char** argv) {
    std::string atlasPath, device = "cpu";
    int64_t crop = 96, trainCrop = 64;
    int batch = 4, repeats = 10, width = 8, trainBatch = 2;
    bool matchResolution = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--atlas")
            atlasPath = v;
        else if (a == "--device")
            device = v;
        else if (a == "--crop")
            crop = std::stoll(v);
        else if (a == "--batch")
            batch = std::stoi(v);
        else if (a == "--repeats")
            repeats = std::stoi(v);
        else if (a == "--width")
            width = std::stoi(v);
        else if (a == "--train-crop")
            trainCrop = std::stoll(v);
        else if (a == "--train-batch")
            trainBatch = std::stoi(v);
        else if (a == "--match-resolution")
            matchResolution = v == "on";
        else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            return 2;
        }
    }
    if (atlasPath.empty()) {
        std::fprintf(stderr,
                     "usage: synth_bench --atlas FILE [--device cpu|cuda] [--crop 96] [--batch 4] [--repeats 10]\n");
        return 2;
    }
    try {
        const auto d = chooseDevice(device);
        if (d.is_cpu()) torch::set_num_threads(int(std::max(1u, std::thread::hardware_concurrency())));
        std::printf("device %s; cpu: %s\n", describeDevice(d).c_str(), cpuFeatures().describe().c_str());
        const auto atlas = loadAtlas(atlasPath);
        SynthesisOptions o;
        o.crop = crop;
        o.matchResolution = matchResolution;
        torch::manual_seed(1);
        PairSynthesizer synth(atlas, o, d, 1);
        synchronise(d, synth.next(batch).fu);  // warm-up
        std::vector<double> times;
        for (int r = 0; r < repeats; ++r) {
            const auto t0 = Clock::now();
            const auto b = synth.next(batch);
            synchronise(d, b.fu);
            times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
        }
        const double perBatch = median(times);
        std::printf("synthesis%s: %d x %lld^3 pairs, median %.3f s a batch (%d repeats) = %.1f pairs/s\n",
                    matchResolution ? " with resolution matching" : "", batch, static_cast<long long>(crop), perBatch,
                    repeats, batch / perBatch);
        // One training step for comparison.
        NetworkConfig c;
        c.baseWidth = width;
        LesionChangeNet net(c);
        net->to(d);
        net->train();
        torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(1e-4));
        const auto bl =
            torch::randn({trainBatch, 1, trainCrop, trainCrop, trainCrop}, torch::TensorOptions().device(d));
        const auto fu = torch::randn_like(bl), target = (torch::rand_like(bl) > 0.99).to(torch::kFloat32);
        std::vector<double> steps;
        for (int r = 0; r < std::max(3, repeats / 2) + 1; ++r) {
            const auto t0 = Clock::now();
            auto loss = deepSupervisionLoss(net->forward(bl, fu), target);
            adam.zero_grad();
            loss.backward();
            adam.step();
            synchronise(d, loss);
            if (r > 0) steps.push_back(std::chrono::duration<double>(Clock::now() - t0).count());  // first: warm-up
        }
        const double step = median(steps);
        const double synthForStep = perBatch / batch * trainBatch * std::pow(double(trainCrop) / crop, 3);
        std::printf("training step: width %d, %d x %lld^3, median %.3f s\n", width, trainBatch,
                    static_cast<long long>(trainCrop), step);
        std::printf("synthesis of one step's pairs (scaled to %lld^3 by voxels) %.3f s = %.2f of a step\n",
                    static_cast<long long>(trainCrop), synthForStep, synthForStep / step);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
