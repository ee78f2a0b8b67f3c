#include <chrono>

#include "lesiondelta/core/SubtractionDetector.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace lesiondelta {

SegmentationResult runSubtractionBaseline(const SegmentationInput& input) {
    nlohmann::json timings;
    SegmentationInput pairInput = input;
    pairInput.progress = progressShare(input.progress, 0.0, 0.30);  // loading and registration
    const RegisteredPair pair = input.registered ? *input.registered : loadAndRegisterPair(pairInput, timings);
    if (input.progress && !input.progress(0.35, "subtraction")) throw Cancelled();
    const auto start = std::chrono::steady_clock::now();
    SubtractionOptions options;
    options.minLesionMl = input.minLesionMl;
    SubtractionResult detection;
    try {
        detection = detectBySubtraction(*pair.blInFu, *pair.fu, options);
    } catch (const VolumeError& e) {
        throw VolumeError(e.path() == "FU" ? input.fuPath : input.blPath, e.problem());
    }
    SegmentationResult r;
    r.fu = pair.fu;
    r.blInFu = pair.blInFu;
    r.fuToBl = pair.registration.fuToBl;
    r.probability = detection.score;
    r.newLesions = detection.newLesions;
    r.lesions = lesionTable(*r.newLesions, input.minLesionMl, r.blInFu, r.fu);
    timings["detection_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double total = 0.0, totalMl = 0.0;
    for (const auto& [k, v] : timings.items()) total += v.get<double>();
    timings["total_s"] = total;
    for (const auto& l : r.lesions) totalMl += l.volumeMl;
    if (input.progress) input.progress(1.0, "done");
    r.summary = {
        {"bl", input.blPath},
        {"fu", input.fuPath},
        {"bl_series_uid", input.blSeriesUid},
        {"fu_series_uid", input.fuSeriesUid},
        {"method",
         "classical subtraction: brain = Otsu head mask eroded 10 mm; BL scaled onto FU intensities "
         "by the ratio of the brain medians; FU - BL in FU robust SDs, smoothed (sigma 1 mm); lesion where "
         "it exceeds median + 4 robust SDs and FU is above median + 2 robust SDs; components >= min_lesion_ml"},
        {"difference_threshold", detection.differenceThreshold},
        {"intensity_gain_bl_to_fu", detection.intensityGain},
        {"min_lesion_ml", input.minLesionMl},
        {"new_lesions", {{"count", r.lesions.size()}, {"total_volume_ml", totalMl}}},
        {"registration",
         {{"final_metric", pair.registration.finalMetric},
          {"iterations", pair.registration.iterations},
          {"composed_through_series_reference", pair.composedThroughReference}}},
        {"outputs_note", "probability.nii.gz holds the subtraction score, not a probability"},
        {"transform_convention", "bl_to_fu.tfm maps FU points (LPS mm) to BL points (ITK resampling convention)"},
        {"timings", timings}};
    return r;
}

}  // namespace lesiondelta
