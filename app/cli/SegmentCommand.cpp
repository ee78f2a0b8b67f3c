// lesiondelta-cli segment (the CNN) and baseline (the classical subtraction detector)
#include <iostream>
#include <set>

#include "Arguments.h"
#include "Commands.h"
#include "Interrupt.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace lesiondelta::cli {

namespace {

void printDone(const SegmentationResult& result, const SegmentationInput& input, const std::string& out) {
    const auto& s = result.summary;
    std::cout << s["new_lesions"]["count"].get<std::size_t>() << " new or enlarged lesions (>= " << input.minLesionMl
              << " ml), " << s["new_lesions"]["total_volume_ml"].get<double>() << " ml in total; "
              << s["timings"]["total_s"].get<double>() << " s";
    if (s.contains("device")) std::cout << " on " << s["device"].get<std::string>();
    std::cout << "\nwrote " << out << "/" << ResultsFolder::fileList() << "\n";
    for (const auto& w : result.warnings) std::cerr << "warning: " << w.message << "\n";
    if (anyUnreliable(result.warnings))
        std::cerr << "warning: treat this CNN result as unreliable (see summary.json)\n";
}

// The options segment and baseline share: the pair, the output folder, lesion size, quiet.
const std::set<std::string> kPairOptions{"--bl", "--fu", "--out", "--bl-series", "--fu-series", "--min-ml"};

SegmentationInput pairInput(const Arguments& a) {
    SegmentationInput input;
    input.blPath = a.required("--bl");
    input.fuPath = a.required("--fu");
    input.blSeriesUid = a.optional("--bl-series").value_or("");
    input.fuSeriesUid = a.optional("--fu-series").value_or("");
    input.minLesionMl = a.number("--min-ml", kMinLesionMl, 0.0, 1e6);
    input.progress = commandProgress(a.flag("--quiet"));
    return input;
}

}  // namespace

void warnAboutSlowPrecision(const std::string& precision, const std::string& device) {
    try {
        const auto choice = ml::choosePrecision(precision, ml::chooseDevice(device));
        if (!choice.warning.empty()) std::cerr << "warning: " << choice.warning << "\n";
    } catch (const std::exception&) {
        // a wrong device or precision is reported by the pipeline with its own message
    }
}

int runBaseline(const std::vector<std::string>& args) {
    const Arguments a(args, kPairOptions, {"--quiet"});
    const SegmentationInput input = pairInput(a);
    const std::string out = a.required("--out");
    const auto result = runSubtractionBaseline(input);
    ResultsFolder(out).write(result);
    printDone(result, input, out);
    return 0;
}

int runSegment(const std::vector<std::string>& args) {
    auto options = kPairOptions;
    options.insert({"--model", "--threshold", "--device", "--precision", "--rim-mm", "--crops"});
    const Arguments a(args, options, {"--quiet", "--no-bias-correction"});
    SegmentationInput input = pairInput(a);
    input.biasCorrection = !a.flag("--no-bias-correction");
    const std::string out = a.required("--out");
    input.threshold = a.number("--threshold", -1.0, -1.0, 1.0);
    input.brainRimMm = a.number("--rim-mm", kDefaultBrainRimMm, -1.0, 50.0);
    input.device = a.optional("--device").value_or("auto");
    if (input.device != "auto" && input.device != "cpu" && input.device != "cuda") {
        throw UsageError("--device must be auto, cpu or cuda");
    }
    input.precision = a.optional("--precision").value_or("auto");
    if (input.precision != "auto" && input.precision != "fp32" && input.precision != "bf16") {
        throw UsageError("--precision must be auto, fp32 or bf16");
    }
    warnAboutSlowPrecision(input.precision, input.device);
    input.crops = a.optional("--crops").value_or("tiles");
    if (input.crops != "tiles" && input.crops != "paper") throw UsageError("--crops must be tiles or paper");
    input.modelPath = a.optional("--model").value_or("");
    if (input.modelPath.empty()) input.modelPath = findShippedModel();
    const auto result = runSegmentation(input);
    ResultsFolder(out).write(result);
    printDone(result, input, out);
    return 0;
}

}  // namespace lesiondelta::cli
