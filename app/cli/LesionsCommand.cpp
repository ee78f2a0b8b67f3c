// lesiondelta-cli lesions --mask M [--min-ml 0.01] [--json] [--bl IMG --fu IMG]
#include <iostream>
#include <nlohmann/json.hpp>

#include "Arguments.h"
#include "Commands.h"
#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/ResultText.h"

namespace lesiondelta::cli {
namespace {

// An intensity image for the mean-intensity columns, put onto the mask grid if needed.
ImageVolume::Pointer onMaskGrid(const std::optional<std::string>& path, const MaskVolume& mask) {
    if (!path) return nullptr;
    auto image = readVolume(*path);
    if (sameGrid(*image, mask)) return image;
    std::cerr << "warning: " << *path << " is not on the mask's grid; resampled by physical coordinates\n";
    return resampleLinear(*image, mask);
}

}  // namespace

int runLesions(const std::vector<std::string>& args) {
    const Arguments a(args, {"--mask", "--min-ml", "--bl", "--fu"}, {"--json"});
    const std::string maskPath = a.required("--mask");
    const double minMl = a.number("--min-ml", kMinLesionMl, 0.0, 1e6);
    const auto mask = readMask(maskPath);
    const auto bl = onMaskGrid(a.optional("--bl"), *mask);
    const auto fu = onMaskGrid(a.optional("--fu"), *mask);
    const auto table = lesionTable(*mask, minMl, bl.GetPointer(), fu.GetPointer());
    if (a.flag("--json")) {
        nlohmann::json lesions = nlohmann::json::array();
        double total = 0.0;
        for (const auto& l : table) {
            lesions.push_back(toJson(l));
            total += l.volumeMl;
        }
        const nlohmann::json out = {{"mask", maskPath},
                                    {"min_ml", minMl},
                                    {"count", table.size()},
                                    {"total_volume_ml", total},
                                    {"lesions", lesions}};
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << lesionsCsv(table);
    }
    return 0;
}

}  // namespace lesiondelta::cli
