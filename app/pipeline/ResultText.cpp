#include "lesiondelta/pipeline/ResultText.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {

nlohmann::json optionalNumber(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json toJson(const LesionMetrics& m) {
    return {{"reference_lesions", m.referenceLesions},
            {"predicted_lesions", m.predictedLesions},
            {"detected_reference_lesions", m.detectedReference},
            {"fp_count", m.falsePositives},
            {"sensitivity", optionalNumber(m.sensitivity)},
            {"fpr", optionalNumber(m.fpr)},
            {"dice", optionalNumber(m.dice)}};
}

nlohmann::json toJson(const AveragedMetrics& m) {
    return {{"comparisons", m.comparisons},
            {"fp_count", m.falsePositives},
            {"sensitivity", optionalNumber(m.sensitivity)},
            {"fpr", optionalNumber(m.fpr)},
            {"dice", optionalNumber(m.dice)}};
}

nlohmann::json toJson(const Lesion& l) {
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    return {{"id", l.id},
            {"voxels", l.voxels},
            {"volume_ml", l.volumeMl},
            {"centroid_index", l.centroidIndex},
            {"centroid_lps_mm", l.centroidLpsMm},
            {"bbox_min_index", l.boxMinIndex},
            {"bbox_max_index", l.boxMaxIndex},
            {"mean_bl", num(l.meanBl)},
            {"mean_fu", num(l.meanFu)}};
}

std::string lesionsCsv(const std::vector<Lesion>& table) {
    std::ostringstream s;
    s << "id,voxels,volume_ml,centroid_i,centroid_j,centroid_k,centroid_L_mm,centroid_P_mm,centroid_S_mm,"
         "bbox_min_i,bbox_min_j,bbox_min_k,bbox_max_i,bbox_max_j,bbox_max_k,mean_bl,mean_fu\n";
    s.precision(6);
    auto num = [&](double v) {
        if (std::isfinite(v)) s << v;
    };
    for (const auto& l : table) {
        s << l.id << ',' << l.voxels << ',' << l.volumeMl;
        for (double c : l.centroidIndex) s << ',' << c;
        for (double c : l.centroidLpsMm) s << ',' << c;
        for (long b : l.boxMinIndex) s << ',' << b;
        for (long b : l.boxMaxIndex) s << ',' << b;
        s << ',';
        num(l.meanBl);
        s << ',';
        num(l.meanFu);
        s << '\n';
    }
    return s.str();
}

void writeTextAtomically(const std::string& path, const std::string& text) {
    writeAtomically(path, [&](const std::string& temp) {
        std::ofstream out(temp, std::ios::binary);
        out << text;
        out.flush();
        if (!out) throw VolumeError(path, "cannot be written");
    });
}

}  // namespace lesiondelta
