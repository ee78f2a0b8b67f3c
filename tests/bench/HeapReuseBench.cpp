// What keeping freed memory in the heap (ml/HeapReuse.h) buys on this CPU.
//   heap_reuse [--rounds 3] [--precision auto|fp32|bf16] [--width 8] [--worker-thread]
// Runs itself as a child process per round and setting, alternating glibc's default
// (LESIONDELTA_HEAP_REUSE=0) with the kept heap, and prints medians over the rounds of:
// one 128^3 crop pair through the CNN (inference, after a warm-up), one training step (2 x 64^3
// pairs, forward, backward, Adam), the system CPU time each child spent, and its peak memory.
// --worker-thread: the child computes on a thread of its own, as the GUI's detection does.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "ChildProcess.h"
#include "lesiondelta/ml/ChangeSegmenter.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/CpuFeatures.h"
#include "lesiondelta/ml/HeapReuse.h"
#include "lesiondelta/ml/LesionChangeNet.h"

using namespace lesiondelta::ml;

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

double systemSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_stime.tv_sec) + u.ru_stime.tv_usec / 1e6;
}

struct Figures {
    double crop = 0, step = 0, sys = 0, rssMb = 0;
};

// One child: median of 3 crop pairs and 3 training steps after one warm-up each.
Figures child(const std::string& precision, int width) {
    const torch::Device cpu(torch::kCPU);
    torch::set_num_threads(int(std::max(1u, std::thread::hardware_concurrency())));
    NetworkConfig c;
    c.baseWidth = width;
    Figures f;
    {
        ChangeSegmenter segmenter(LoadedModel{LesionChangeNet(c), {}}, cpu, choosePrecision(precision, cpu).precision);
        const auto predict = segmenter.predictor();
        const auto x = torch::randn({1, 1, 128, 128, 128});
        predict(x, x);
        std::vector<double> t;
        for (int i = 0; i < 3; ++i) t.push_back(seconds([&] { predict(x, x); }));
        f.crop = median(t);
    }
    LesionChangeNet net(c);
    torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(1e-4));
    const auto bl = torch::randn({2, 1, 64, 64, 64}), fu = torch::randn({2, 1, 64, 64, 64});
    const auto target = (torch::rand({2, 1, 64, 64, 64}) > 0.99).to(torch::kFloat32);
    auto step = [&] {
        adam.zero_grad();
        const auto out = net->forward(bl, fu);
        torch::binary_cross_entropy_with_logits(out.logits, target).backward();
        adam.step();
    };
    step();
    std::vector<double> t;
    for (int i = 0; i < 3; ++i) t.push_back(seconds(step));
    f.step = median(t);
    f.sys = systemSeconds();
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    f.rssMb = u.ru_maxrss / 1024.0;
    return f;
}

// Runs this program again as `self --child ...` (argv, no shell) with LESIONDELTA_HEAP_REUSE set
// for the setting, and reads the four figures the child prints.
Figures runChild(const std::string& self, bool keep, const std::string& precision, int width, bool workerThread) {
    lesiondelta::test::ChildSpec spec;
    spec.argv = {self, "--child", "--precision", precision, "--width", std::to_string(width)};
    if (workerThread) spec.argv.push_back("--worker-thread");
    spec.environment = {std::string("LESIONDELTA_HEAP_REUSE=") + (keep ? "1" : "0")};
    spec.pipeStdout = true;
    const auto child = lesiondelta::test::startChild(spec);
    if (!child.started()) throw std::runtime_error("cannot start " + self + ": " + child.why());
    FILE* p = fdopen(child.stdoutPipe, "r");
    Figures f;
    const int n = p ? std::fscanf(p, "%lf %lf %lf %lf", &f.crop, &f.step, &f.sys, &f.rssMb) : 0;
    p ? std::fclose(p) : close(child.stdoutPipe);
    if (lesiondelta::test::waitForChild(child.pid) != 0 || n != 4)
        throw std::runtime_error("the child " + self + " --child failed");
    return f;
}

}  // namespace

int main(int argc, char** argv) try {
    int rounds = 3, width = 8;
    bool isChild = false, workerThread = false;
    std::string precision = "auto";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--child")
            isChild = true;
        else if (a == "--worker-thread")
            workerThread = true;
        else if (a == "--rounds" && i + 1 < argc)
            rounds = std::max(1, std::stoi(argv[++i]));
        else if (a == "--precision" && i + 1 < argc)
            precision = argv[++i];
        else if (a == "--width" && i + 1 < argc)
            width = std::stoi(argv[++i]);
        else
            throw std::invalid_argument("unknown argument '" + a + "'");
    }
    if (isChild) {
        keepFreedMemoryInHeap();  // first, as the programs' main() does (unless LESIONDELTA_HEAP_REUSE=0)
        Figures f;
        if (workerThread)
            std::thread([&] { f = child(precision, width); }).join();
        else
            f = child(precision, width);
        std::printf("%f %f %f %f\n", f.crop, f.step, f.sys, f.rssMb);
        return 0;
    }
    const torch::Device cpu(torch::kCPU);
    torch::set_num_threads(int(std::max(1u, std::thread::hardware_concurrency())));  // as each child
    std::printf("heap_reuse: %s, %s, width %d, %s, %d rounds, medians%s\n", describeDevice(cpu).c_str(),
                cpuFeatures().describe().c_str(), width,
                precisionName(choosePrecision(precision, cpu).precision).c_str(), rounds,
                workerThread ? ", on a worker thread" : "");
    std::vector<Figures> byMode[2];
    for (int r = 0; r < rounds; ++r)
        for (const bool keep : {false, true})
            byMode[keep].push_back(runChild(argv[0], keep, precision, width, workerThread));
    Figures m[2];
    for (int k = 0; k < 2; ++k) {
        auto pick = [&](double Figures::*field) {
            std::vector<double> v;
            for (const auto& f : byMode[k]) v.push_back(f.*field);
            return median(v);
        };
        m[k] = {pick(&Figures::crop), pick(&Figures::step), pick(&Figures::sys), pick(&Figures::rssMb)};
        std::printf("%-22s crop pair %.3f s, training step %.3f s, system time %.1f s, peak %.0f MB\n",
                    k ? "kept freed memory:" : "glibc default:", m[k].crop, m[k].step, m[k].sys, m[k].rssMb);
    }
    std::printf("speed-up: crop pair %.2fx, training step %.2fx\n", m[0].crop / m[1].crop, m[0].step / m[1].step);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "heap_reuse: %s\n", e.what());
    return 1;
}
