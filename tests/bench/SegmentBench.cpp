// The whole `lesiondelta-cli segment` of real pairs at default settings, as a user runs it, with
// every stage against its budget (the speed issue). Not a ctest test: a benchmark to run by hand
// or in CI on purpose; it exits 1, loudly, when a median is over its budget.
//   segment_bench [--repeats 3] [--pair BL FU]... [--cli PATH] [--budget-scale 1.0] [-- SEGMENT_OPTIONS...]
// Default pairs: ../shared/data/ljubljana-longitudinal/patient03 and patient01 (skipped when absent).
// Prints the CPU (model, flags, oneDNN limit), its measured FMA peak, and per pair the median of
// each stage, the process's wall time and peak resident memory (wait4), and the CNN's achieved
// GFLOP/s as a fraction of that peak.
// Budgets: CPU - whole segment <= 60 s, registration <= 5 s, peak memory < 4 GB; CUDA - CNN < 1 s
// and the CPU stages (everything but inference) <= 5 s together.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "FmaPeak.h"
#include "lesiondelta/ml/CpuFeatures.h"
#include "lesiondelta/ml/LesionChangeNet.h"

extern char** environ;
namespace fs = std::filesystem;
using namespace lesiondelta;

namespace {

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

struct Run {
    int status = -1;
    double wallSeconds = 0.0;
    double peakRssGb = 0.0;
};

Run runProcess(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    Run r;
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    posix_spawn_file_actions_t quiet;  // the CLI's own lines would bury the table
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
    const int spawned = posix_spawn(&pid, argv[0], &quiet, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&quiet);
    if (spawned != 0) return r;
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    r.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.peakRssGb = double(usage.ru_maxrss) / 1024.0 / 1024.0;  // KiB on Linux
    return r;
}

struct Budget {
    std::string what;
    double value, limit;
    const char* unit;
};

}  // namespace

int main(int argc, char** argv) {
    int repeats = 3;
    double budgetScale = 1.0;
    std::string cli = LESIONDELTA_CLI;
    std::vector<std::pair<std::string, std::string>> pairs;
    std::vector<std::string> extra;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--repeats" && i + 1 < argc)
            repeats = std::max(1, std::atoi(argv[++i]));
        else if (a == "--cli" && i + 1 < argc)
            cli = argv[++i];
        else if (a == "--budget-scale" && i + 1 < argc)
            budgetScale = std::atof(argv[++i]);
        else if (a == "--pair" && i + 2 < argc) {
            pairs.emplace_back(argv[i + 1], argv[i + 2]);
            i += 2;
        } else if (a == "--") {
            extra.assign(argv + i + 1, argv + argc);
            break;
        } else {
            std::fprintf(stderr, "segment_bench: unknown argument %s\n", a.c_str());
            return 2;
        }
    }
    if (pairs.empty()) {
        const fs::path data = fs::path(LESIONDELTA_SHARED_DATA) / "ljubljana-longitudinal";
        for (const char* p : {"patient03", "patient01"}) {
            if (fs::exists(data / p / "study1_FLAIR.nii.gz")) {
                pairs.emplace_back((data / p / "study1_FLAIR.nii.gz").string(),
                                   (data / p / "study2_FLAIR.nii.gz").string());
            } else {
                std::printf("%s not found: skipped\n", (data / p).string().c_str());
            }
        }
    }
    if (pairs.empty()) return 0;

    const auto& cpu = ml::cpuFeatures();
    const auto peak = bench::measureFmaPeak();
    std::printf("segment_bench: %s, %u cores; measured FMA peak %.0f GFLOP/s (%s)\n", cpu.describe().c_str(),
                std::max(1u, std::thread::hardware_concurrency()), peak.gflops, peak.isa);
    std::printf("segment options: defaults%s", extra.empty() ? "" : " +");
    for (const auto& e : extra) std::printf(" %s", e.c_str());
    std::printf("; %d repeats, medians\n\n", repeats);

    const fs::path out = fs::temp_directory_path() / ("segment_bench_" + std::to_string(getpid()));
    std::vector<Budget> budgets;
    bool failed = false;
    for (const auto& [bl, fu] : pairs) {
        std::map<std::string, std::vector<double>> stages;
        std::vector<double> wall;
        double rss = 0.0;
        nlohmann::json last;
        for (int i = 0; i < repeats; ++i) {
            std::vector<std::string> args{cli, "segment", "--bl", bl, "--fu", fu, "--out", out.string(), "--quiet"};
            args.insert(args.end(), extra.begin(), extra.end());
            const Run r = runProcess(args);
            if (r.status != 0) {
                std::fprintf(stderr, "segment_bench: segment exited with %d on %s (run it by hand to see why)\n",
                             r.status, fu.c_str());
                return 1;
            }
            std::ifstream in(out / "summary.json");
            last = nlohmann::json::parse(in);
            for (const auto& [k, v] : last["timings"].items()) {
                if (v.is_number()) stages[k].push_back(v.get<double>());
            }
            for (const auto& [k, v] : last["timings"]["preprocessing_stages"].items())
                stages["  " + k].push_back(v.get<double>());
            wall.push_back(r.wallSeconds);
            rss = std::max(rss, r.peakRssGb);
        }
        fs::remove_all(out);
        const bool cuda = last["device"].get<std::string>().rfind("cuda", 0) == 0;
        const int crops = last["inference"]["crops_run"].get<int>();
        ml::NetworkConfig config;
        config.baseWidth = last["model"]["base_width"].get<int>();
        const double inference = median(stages["inference_s"]);
        const double gflops = ml::forwardFlops(config, 128) * crops / 1e9 / std::max(1e-9, inference);
        std::printf("%s\n  device %s, precision %s (%s), %s crops: %d run\n", fu.c_str(),
                    last["device"].get<std::string>().c_str(), last["precision"].get<std::string>().c_str(),
                    last["precision_choice"].get<std::string>().c_str(),
                    last["inference"]["crop_placement"].get<std::string>().c_str(), crops);
        for (const auto& [k, v] : stages) std::printf("  %-22s %7.2f s\n", k.c_str(), median(v));
        std::printf("  %-22s %7.2f s (process, including start and writing)\n", "wall", median(wall));
        std::printf("  %-22s %7.2f s (wall - CNN: what a GPU case adds to its CNN; budget 5 s)\n", "CPU stages",
                    median(wall) - inference);
        std::printf("  %-22s %7.2f GB\n", "peak memory", rss);
        std::printf("  CNN: %.1f GFLOP/s (width %d), %.0f%% of the measured FMA peak\n\n", gflops, config.baseWidth,
                    peak.gflops > 0 ? 100.0 * gflops / peak.gflops : 0.0);
        const std::string name = fs::path(fu).parent_path().filename().string();
        if (cuda) {
            budgets.push_back({name + " CNN inference", inference, 1.0, "s"});
            budgets.push_back({name + " CPU stages", median(wall) - inference, 5.0, "s"});
        } else {
            budgets.push_back({name + " whole segment", median(wall), 60.0, "s"});
            budgets.push_back({name + " registration", median(stages["registration_s"]), 5.0, "s"});
        }
        budgets.push_back({name + " peak memory", rss, 4.0, "GB"});
    }
    std::printf("| budget | median | limit | |\n|---|---|---|---|\n");
    for (const auto& b : budgets) {
        const double limit = b.limit * (b.unit[0] == 's' ? budgetScale : 1.0);
        const bool over = b.value > limit;
        failed = failed || over;
        std::printf("| %s | %.2f %s | %.2f %s | %s |\n", b.what.c_str(), b.value, b.unit, limit, b.unit,
                    over ? "OVER BUDGET" : "ok");
    }
    if (failed)
        std::fprintf(stderr, "\nsegment_bench: OVER BUDGET - a stage took longer than the speed issue allows\n");
    return failed ? 1 : 0;
}
