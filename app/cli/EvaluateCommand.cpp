// lesiondelta-cli evaluate --pred P | --pred-lst LABELS --ref R1 [--ref R2 ...] [--min-ml 0.01]
#include <iostream>
#include <nlohmann/json.hpp>

#include "Arguments.h"
#include "Commands.h"
#include "lesiondelta/core/LesionMetrics.h"
#include "lesiondelta/core/MaskImport.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/ResultText.h"

namespace lesiondelta::cli {

int runEvaluate(const std::vector<std::string>& args) {
    const Arguments a(args, {"--pred", "--pred-lst", "--ref", "--min-ml"}, {});
    const auto lstPath = a.optional("--pred-lst");
    if (lstPath && a.optional("--pred")) throw UsageError("give --pred or --pred-lst, not both");
    const std::string predPath = lstPath ? *lstPath : a.required("--pred");
    const auto refPaths = a.all("--ref");
    if (refPaths.empty()) throw UsageError("missing required option --ref (one per rater)");
    const double minMl = a.number("--min-ml", kMinLesionMl, 0.0, 1e6);

    // An LST lesion change label image counts with its label 3 (increase) only.
    const auto pred = lstPath ? lstIncreaseMask(*readLabels(predPath)) : readMask(predPath);
    std::vector<MaskVolume::ConstPointer> refs;
    for (const auto& path : refPaths) {
        const auto mapped = mapMaskToGrid(*readMask(path), *pred, path);
        if (!mapped.warning.empty()) std::cerr << "warning: " << mapped.warning << "\n";
        refs.push_back(mapped.mask);
    }

    nlohmann::json perRater = nlohmann::json::array();
    std::vector<LesionMetrics> comparisons;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        comparisons.push_back(compareLesions(*pred, *refs[i], minMl));
        auto j = toJson(comparisons.back());
        j["reference"] = refPaths[i];
        perRater.push_back(j);
    }
    nlohmann::json out = {{"prediction", predPath},
                          {"prediction_kind", lstPath ? "LST change labels (3 = increase)" : "binary mask"},
                          {"min_ml", minMl},
                          {"per_rater", perRater},
                          {"mean_over_raters", toJson(averageMetrics(comparisons))}};
    if (refs.size() >= 2) {
        std::vector<const MaskVolume*> raters;
        for (const auto& r : refs) raters.push_back(r.GetPointer());
        out["inter_rater"] = toJson(interRater(raters, minMl));
    }
    std::cout << out.dump(2) << "\n";
    return 0;
}

}  // namespace lesiondelta::cli
