// How much brighter a target lesion is in FU than in BL, in synthetic pairs: the measure that
// `realpair_eval --lesions on` prints for the real pairs' reference lesions, so the two can be
// compared (which changes the network is trained to find, which ones the real pairs hold).
//   pair_contrast DIR...   (each DIR holds pairNNN/{bl,fu,new_lesions}.nii.gz, as synth writes)
// Per target lesion (>= 0.01 ml): its mean FU - BL in the pair's (standardised) units - what the
// network sees - printed as quantiles per size class.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/VolumeIO.h"

namespace fs = std::filesystem;
using namespace lesiondelta;

namespace {

const char* sizeClass(double ml) {
    if (ml < 0.05) return "0.01-0.05 ml";
    if (ml < 0.2) return "0.05-0.2 ml";
    return ">= 0.2 ml";
}

double quantile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(q * double(v.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pair_contrast DIR...\n");
        return 2;
    }
    std::map<std::string, std::vector<double>> bySize, blBySize;
    std::size_t pairs = 0;
    try {
        for (int a = 1; a < argc; ++a) {
            std::vector<fs::path> dirs;
            for (const auto& e : fs::directory_iterator(argv[a]))
                if (fs::exists(e.path() / "new_lesions.nii.gz")) dirs.push_back(e.path());
            std::sort(dirs.begin(), dirs.end());
            for (const auto& d : dirs) {
                const auto bl = readVolume((d / "bl.nii.gz").string());
                const auto fu = readVolume((d / "fu.nii.gz").string());
                const auto target = readMask((d / "new_lesions.nii.gz").string());
                ++pairs;
                for (const auto& l : lesionTable(*target, kMinLesionMl, bl.GetPointer(), fu.GetPointer())) {
                    const double change = l.meanFu - l.meanBl;
                    bySize[sizeClass(l.volumeMl)].push_back(change);
                    blBySize[sizeClass(l.volumeMl)].push_back(l.meanBl);
                    std::printf("%s  %.3f ml  %+.2f (BL %+.2f)\n", d.filename().string().c_str(), l.volumeMl, change,
                                l.meanBl);
                }
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    std::printf("\n%zu pairs; mean FU - BL of the target lesions (z units):\n", pairs);
    std::printf("| size | lesions | p10 | p25 | median | p75 | p90 |\n|---|---|---|---|---|---|---|\n");
    for (const auto& [size, v] : bySize)
        std::printf("| %s | %zu | %.2f | %.2f | %.2f | %.2f | %.2f |\n", size.c_str(), v.size(), quantile(v, 0.1),
                    quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), quantile(v, 0.9));
    std::printf("\nmean BL of the target lesions (z units):\n");
    std::printf("| size | lesions | p10 | p25 | median | p75 | p90 |\n|---|---|---|---|---|---|---|\n");
    for (const auto& [size, v] : blBySize)
        std::printf("| %s | %zu | %.2f | %.2f | %.2f | %.2f | %.2f |\n", size.c_str(), v.size(), quantile(v, 0.1),
                    quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), quantile(v, 0.9));
    return 0;
}
