// Lesion-wise evaluation on the real Ljubljana pairs (patients 01 and 03), printed like the
// paper's Table 2. Reference: the positive-change (new/enlarging) components of each pair's
// change mask, mapped from the dataset's common space into FU space with its own transform.
//   realpair_eval [--model MODEL.safetensors] [--precision auto|fp32|bf16] [--crops tiles|paper] [--data DIR]
//                 [--threshold T]
//                 [--rim-mm 5] [--bias-correction on|off]
// Always evaluates the classical baseline detector; the CNN too when a model is given.
// Nothing here is fitted to these two cases.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "lesiondelta/core/ChangeDirection.h"
#include "lesiondelta/core/LesionMetrics.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/TransformIO.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace fs = std::filesystem;
using namespace lesiondelta;

namespace {

struct Row {
    std::string method, patient;
    LesionMetrics m;
};

void printSummary(const std::string& method, const std::vector<Row>& rows) {
    std::vector<AveragedMetrics> perCase;
    for (const auto& r : rows) {
        if (r.method == method) perCase.push_back(averageMetrics({r.m}));
    }
    const auto s = summariseCases(perCase);
    auto cell = [](const MeanSd& m) {
        if (m.n == 0) return std::string("undefined");
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.2f +- %.2f", m.mean, m.sd);
        return std::string(buf);
    };
    std::printf("| %-18s | %-13s | %-13s | %-13s | %-13s |\n", method.c_str(), cell(s.sensitivity).c_str(),
                cell(s.dice).c_str(), cell(s.falsePositives).c_str(), cell(s.fpr).c_str());
}

}  // namespace

int main(int argc, char** argv) {
    fs::path data = fs::path(LESIONDELTA_SHARED_DATA) / "ljubljana-longitudinal";
    std::string model, precision = "fp32", crops = "tiles";
    double rimMm = kDefaultBrainRimMm;
    double threshold = -1.0;  // < 0: the model's own
    bool bias = true;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--model")
            model = argv[i + 1];
        else if (a == "--precision")
            precision = argv[i + 1];
        else if (a == "--crops")
            crops = argv[i + 1];
        else if (a == "--data")
            data = argv[i + 1];
        else if (a == "--rim-mm")
            rimMm = std::atof(argv[i + 1]);
        else if (a == "--threshold")
            threshold = std::atof(argv[i + 1]);
        else if (a == "--bias-correction")
            bias = std::string(argv[i + 1]) == "on";
    }
    std::vector<Row> rows;
    try {
        for (const std::string patient : {"patient01", "patient03"}) {
            const fs::path dir = data / patient;
            if (!fs::exists(dir)) {
                std::printf("%s not found: skipped\n", dir.string().c_str());
                continue;
            }
            SegmentationInput in;
            in.blPath = (dir / "study1_FLAIR.nii.gz").string();
            in.fuPath = (dir / "study2_FLAIR.nii.gz").string();
            const auto baseline = runSubtractionBaseline(in);
            // gt lives in common space; the dataset's transform maps common -> FU raw points, so
            // resampling onto the FU grid needs its inverse (FU points -> common points).
            const auto fuToCommon = readTransform((dir / "study2_FLAIR_to_common_space.txt").string(), true);
            const auto change = resampleNearest(*readMask((dir / "gt.nii.gz").string()), *baseline.fu, fuToCommon);
            const auto split = splitChangeByDirection(*change, *baseline.blInFu, *baseline.fu);
            std::printf("%s: change mask in FU space has %u increasing and %u decreasing components >= 0.01 ml\n",
                        patient.c_str(), split.increasing, split.decreasing);
            rows.push_back({"baseline", patient, compareLesions(*baseline.newLesions, *split.increase)});
            if (!model.empty()) {
                in.modelPath = model;
                in.precision = precision;
                in.crops = crops;
                in.brainRimMm = rimMm;
                in.biasCorrection = bias;
                in.threshold = threshold;
                const auto cnn = runSegmentation(in);
                rows.push_back({"CNN", patient, compareLesions(*cnn.newLesions, *split.increase)});
                std::printf("%s: CNN %s, %s crops: %d run, inference %.1f s, total %.1f s\n", patient.c_str(),
                            cnn.summary["precision"].get<std::string>().c_str(), crops.c_str(),
                            cnn.summary["inference"]["crops_run"].get<int>(),
                            cnn.summary["timings"]["inference_s"].get<double>(),
                            cnn.summary["timings"]["total_s"].get<double>());
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    std::printf(
        "\n| method | patient | reference lesions | found | false positives | Dice (matched) "
        "|\n|---|---|---|---|---|---|\n");
    for (const auto& r : rows) {
        std::printf("| %s | %s | %u | %u | %u | %s |\n", r.method.c_str(), r.patient.c_str(), r.m.referenceLesions,
                    r.m.detectedReference, r.m.falsePositives,
                    r.m.dice ? std::to_string(*r.m.dice).substr(0, 4).c_str() : "undefined");
    }
    std::printf("\nMean +- sd over the pairs (paper's Table 2 columns):\n");
    std::printf("| %-18s | %-13s | %-13s | %-13s | %-13s |\n", "method", "sensitivity", "Dice", "FP count", "FPR");
    printSummary("baseline", rows);
    if (!model.empty()) printSummary("CNN", rows);
    return 0;
}
