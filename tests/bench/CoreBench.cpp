// Times load, registration and resampling on the shared real pairs and prints medians.
// Usage: core_bench [repeats=5] [data folder]. Targets (issue 2): registration of a
// 320x320x48 pair < 10 s median on the 2-core development machine; load of a pair < 1 s.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <itkMultiThreaderBase.h>

#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/VolumeIO.h"

namespace fs = std::filesystem;
using namespace lesiondelta;

namespace {

double seconds(const std::function<void()>& f) {
    const auto t = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

std::string sizeOf(const ImageVolume& image) {
    const auto s = image.GetLargestPossibleRegion().GetSize();
    return std::to_string(s[0]) + "x" + std::to_string(s[1]) + "x" + std::to_string(s[2]);
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const fs::path data = argc > 2 ? fs::path(argv[2]) : fs::path(LESIONDELTA_SHARED_DATA);
    struct Pair {
        std::string name;
        fs::path bl, fu;
    };
    const std::vector<Pair> pairs = {
        {"ljubljana patient01", data / "ljubljana-longitudinal/patient01/study1_FLAIR.nii.gz",
         data / "ljubljana-longitudinal/patient01/study2_FLAIR.nii.gz"},
        {"ljubljana patient03", data / "ljubljana-longitudinal/patient03/study1_FLAIR.nii.gz",
         data / "ljubljana-longitudinal/patient03/study2_FLAIR.nii.gz"},
        {"fslr pair", data / "fslr-pair/baseline_FLAIR.nii.gz", data / "fslr-pair/followup_FLAIR.nii.gz"},
    };
    std::printf("core_bench: %d repeats per pair, medians in seconds, %u threads\n", repeats,
                itk::MultiThreaderBase::GetGlobalDefaultNumberOfThreads());
    std::printf("%-22s %-12s %10s %14s %14s %14s\n", "pair", "FU size", "load pair", "registration",
                "BL->FU resample", "FU->1mm");
    int measured = 0;
    for (const auto& p : pairs) {
        if (!fs::exists(p.bl) || !fs::exists(p.fu)) {
            std::printf("%-22s skipped: %s not found\n", p.name.c_str(), p.bl.string().c_str());
            continue;
        }
        std::vector<double> load, reg, resample, iso;
        ImageVolume::Pointer bl, fu;
        RegistrationResult result;
        for (int i = 0; i < repeats; ++i) {
            load.push_back(seconds([&] {
                bl = readVolume(p.bl.string());
                fu = readVolume(p.fu.string());
            }));
            reg.push_back(seconds([&] { result = registerRigid(*fu, *bl); }));
            resample.push_back(seconds([&] { resampleLinear(*bl, *fu, result.fuToBl); }));
            iso.push_back(seconds([&] { resampleToIsotropic(*fu, 1.0); }));
        }
        std::printf("%-22s %-12s %10.3f %14.3f %14.3f %14.3f\n", p.name.c_str(), sizeOf(*fu).c_str(), median(load),
                    median(reg), median(resample), median(iso));
        ++measured;
    }
    if (!measured) std::printf("no shared real pair found under %s: nothing measured\n", data.string().c_str());
    return 0;
}
