#include "lesiondelta/pipeline/SegmentationPipeline.h"

#include <itkImageRegionConstIterator.h>
#include <itkImageRegionIterator.h>

#include <algorithm>
#include <cmath>
#include <future>
#include <optional>

#include "StageClock.h"
#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/BiasCorrection.h"
#include "lesiondelta/core/BrainMask.h"
#include "lesiondelta/core/ItkThreads.h"
#include "lesiondelta/core/PairSimilarity.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/ResolutionMatching.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/pipeline/ResultText.h"

namespace lesiondelta {
namespace {

MaskVolume::Pointer thresholded(const ImageVolume& probability, double threshold) {
    auto mask = MaskVolume::New();
    mask->CopyInformation(&probability);
    mask->SetRegions(probability.GetLargestPossibleRegion());
    mask->Allocate();
    itk::ImageRegionConstIterator<ImageVolume> in(&probability, probability.GetBufferedRegion());
    itk::ImageRegionIterator<MaskVolume> out(mask, mask->GetBufferedRegion());
    for (; !in.IsAtEnd(); ++in, ++out) out.Set(in.Get() >= threshold ? 1 : 0);
    return mask;
}

}  // namespace

MaskVolume::Pointer newLesionMask(const ImageVolume& probability, double threshold, double minMl) {
    return removeSmallLesions(*thresholded(probability, threshold), minMl);
}

std::vector<PlausibilityWarning> plausibilityOfResult(const SegmentationInput& input, const ImageVolume& bl,
                                                      const ImageVolume& fu, double alignmentAgreement,
                                                      double newLesionMl, double headMl) {
    auto warnings = checkPairInputs(input.blPath, input.fuPath, bl, fu);
    CaseFolder dated;
    dated.bl = input.blPath;
    dated.fu = input.fuPath;
    try {
        for (auto& w : checkScanDates(dated)) warnings.push_back(std::move(w));
    } catch (const std::exception&) {
        // a malformed sidecar only costs the date check
    }
    for (auto& w : checkAlignment(alignmentAgreement, input.blPath, input.fuPath)) warnings.push_back(std::move(w));
    for (auto& w : checkResult(newLesionMl, headMl)) warnings.push_back(std::move(w));
    return warnings;
}

SegmentationResult runSegmentation(const SegmentationInput& input) {
    auto report = [&](double fraction, const std::string& stage) {
        if (input.progress && !input.progress(fraction, stage)) throw Cancelled();
    };
    SegmentationResult r;
    nlohmann::json timings;
    StageClock clock(timings);

    // The model first: a missing or broken model should fail before minutes of work.
    ml::LoadedModel model;
    try {
        model = ml::loadWeights(input.modelPath);
    } catch (const ml::WeightsError& e) {
        throw VolumeError("", e.what());
    }
    torch::Device device = torch::kCPU;
    try {
        device = ml::chooseDevice(input.device);
    } catch (const ml::DeviceError& e) {
        throw VolumeError("", e.what());
    }
    const double threshold = input.threshold >= 0 ? input.threshold : model.metadata.threshold;
    const ml::ModelMetadata metadata = model.metadata;
    ml::PrecisionChoice precisionChoice;
    try {
        precisionChoice = ml::choosePrecision(input.precision, device);
    } catch (const std::invalid_argument& e) {
        throw VolumeError("", e.what());
    }
    const ml::Precision precision = precisionChoice.precision;
    ml::ChangeSegmenter segmenter(std::move(model), device, precision);
    clock.done("load_model");

    // FU's share of the preprocessing runs while BL is registered to it: the registration keeps
    // about 1.4 of 2 cores busy (segment on pair 03: 0.4-0.5 s less in all).
    std::future<PreparedFollowUp> fuPrepared;
    const auto prepareWhileRegistering = [&](const RegisteredPair& loaded) {
        initialiseItkForThreads();
        fuPrepared = std::async(std::launch::async,
                                [fu = loaded.fu, bias = input.biasCorrection] { return prepareFollowUp(*fu, bias); });
    };
    SegmentationInput pairInput = input;
    pairInput.progress = progressShare(input.progress, 0.0, 0.30);  // loading and registration
    RegisteredPair pair = input.registered ? *input.registered
                                           : loadAndRegisterPair(pairInput, timings,
                                                                 {.scansRead = prepareWhileRegistering, .preview = {}});
    std::optional<PreparedFollowUp> preparedFu;
    if (fuPrepared.valid()) preparedFu = fuPrepared.get();
    const auto& bl = pair.bl;
    r.fu = pair.fu;
    r.fuToBl = pair.registration.fuToBl;
    r.blInFu = pair.blInFu;
    const RegistrationResult& reg = pair.registration;
    clock.restart();

    report(0.32, "preprocessing");
    nlohmann::json preprocessingStages;
    const CnnInput cnnInput =
        prepareCnnInput(*bl, *r.fu, *r.fuToBl, input.brainRimMm, input.biasCorrection, &preprocessingStages,
                        reg.fuBrain.GetPointer(), preparedFu ? &*preparedFu : nullptr);
    const auto& fuIso = cnnInput.fu;
    const auto& blStats = cnnInput.blStats;
    const auto& fuStats = cnnInput.fuStats;
    std::vector<std::uint8_t> headVoxels(
        cnnInput.head->GetBufferPointer(),
        cnnInput.head->GetBufferPointer() + cnnInput.head->GetLargestPossibleRegion().GetNumberOfPixels());
    clock.done("preprocessing");

    ml::SlidingWindowOptions window;
    window.threshold = threshold;
    window.headMask = &headVoxels;
    const std::vector<std::uint8_t> regionVoxels(cnnInput.searchRegion->GetBufferPointer(),
                                                 cnnInput.searchRegion->GetBufferPointer() + headVoxels.size());
    window.searchRegion = &regionVoxels;
    try {
        window.placement = ml::parseCropPlacement(input.crops);
    } catch (const std::invalid_argument& e) {
        throw VolumeError("", e.what());
    }
    const auto inference = progressShare(input.progress, 0.35, 0.95);
    window.progress = [&](double f, const std::string&) { return inference(f, "inference"); };
    ml::SlidingWindowResult cnn;
    try {
        cnn = segmenter.segment(toBuffer(*cnnInput.bl), toBuffer(*cnnInput.fu), window);
    } catch (const ml::InferenceCancelled&) {
        throw Cancelled();
    }
    clock.done("inference");

    report(0.96, "postprocessing");
    {
        const auto* region = cnnInput.searchRegion->GetBufferPointer();
        for (std::size_t i = 0; i < cnn.probability.size(); ++i) {
            if (!region[i]) cnn.probability[i] = 0.0f;
        }
    }
    const auto probabilityIso = fromBuffer(cnn.probability, *fuIso);
    r.probability = resampleLinear(*probabilityIso, *r.fu);
    r.newLesions = newLesionMask(*r.probability, threshold, input.minLesionMl);
    r.searchRegion = resampleNearest(*cnnInput.searchRegion, *r.fu);
    r.lesions = lesionTable(*r.newLesions, input.minLesionMl, r.blInFu, r.fu);
    clock.done("postprocessing");
    report(1.0, "done");

    double totalMl = 0.0;
    for (const auto& l : r.lesions) totalMl += l.volumeMl;
    const double agreement = pair.alignmentAgreement ? *pair.alignmentAgreement : alignmentAgreement(*r.fu, *r.blInFu);
    const double headMl =
        double(std::count(headVoxels.begin(), headVoxels.end(), std::uint8_t(1))) / 1000.0;  // 1 mm grid
    r.warnings = plausibilityOfResult(input, *bl, *r.fu, agreement, totalMl, headMl);
    for (auto& w : checkResolutionMatch(cnnInput.resolution, *fuIso)) r.warnings.push_back(std::move(w));
    clock.done("checks");
    nlohmann::json warnings = nlohmann::json::array();
    if (!precisionChoice.warning.empty())
        warnings.push_back({{"code", "slow_precision"}, {"message", precisionChoice.warning}, {"unreliable", false}});
    for (const auto& w : r.warnings)
        warnings.push_back({{"code", w.code}, {"message", w.message}, {"unreliable", w.unreliable}});
    double totalSeconds = 0.0;
    for (const auto& [k, v] : timings.items()) totalSeconds += v.get<double>();
    timings["total_s"] = totalSeconds;
    timings["preprocessing_stages"] = preprocessingStages;  // parts of preprocessing_s
    const auto size = fuIso->GetLargestPossibleRegion().GetSize();
    r.summary = {
        {"bl", input.blPath},
        {"fu", input.fuPath},
        {"bl_series_uid", input.blSeriesUid},
        {"fu_series_uid", input.fuSeriesUid},
        {"device", ml::describeDevice(device)},
        {"precision", ml::precisionName(precision)},
        {"precision_choice", precisionChoice.reason},
        {"cpu", ml::cpuFeatures().describe()},
        {"libtorch", ml::torchVersion()},
        {"model",
         {{"file", input.modelPath},
          {"architecture", metadata.architecture},
          {"base_width", metadata.baseWidth},
          {"data_sha256", metadata.dataSha256},
          {"training_data", metadata.trainingData},
          {"date", metadata.date}}},
        {"threshold", threshold},
        {"min_lesion_ml", input.minLesionMl},
        {"bias_correction", input.biasCorrection ? "N4 (ITK) on both scans, 1 mm grid, within the head" : "none"},
        {"resolution_matching",
         {{"rule", "the sharper scan blurred along a grid axis where the FU/BL sharpness ratio is more than " +
                       std::to_string(int(std::lround(100 * kDefaultResolutionTolerance))) +
                       " % off the median of the three (core/ResolutionMatching)"},
          {"bl_sigma_mm", cnnInput.resolution.blSigmaMm},
          {"fu_sigma_mm", cnnInput.resolution.fuSigmaMm},
          {"sharpness_ratio_before", cnnInput.resolution.ratioBefore},
          {"sharpness_ratio_after", cnnInput.resolution.ratioAfter}}},
        {"search_region", input.brainRimMm < 0
                              ? nlohmann::json("head (Otsu foreground)")
                              : nlohmann::json({{"rule", "estimated brain (core/BrainMask) without its outer rim"},
                                                {"rim_mm", input.brainRimMm}})},
        {"new_lesions", {{"count", r.lesions.size()}, {"total_volume_ml", totalMl}}},
        {"inference",
         {{"grid_1mm", {size[0], size[1], size[2]}},
          {"crop_placement", ml::cropPlacementName(window.placement)},
          {"crops_run", cnn.cropsRun},
          {"crops_skipped_no_head", cnn.cropsSkipped}}},
        {"registration",
         {{"final_metric", reg.finalMetric},
          {"iterations", reg.iterations},
          {"composed_through_series_reference", pair.composedThroughReference},
          {"alignment_local_correlation", agreement}}},
        {"warnings", warnings},
        {"result_reliable", !anyUnreliable(r.warnings)},
        {"standardisation",
         {{"rule", "z-score over head voxels (above the Otsu threshold)"},
          {"bl_mean", blStats.mean},
          {"bl_sd", blStats.sd},
          {"fu_mean", fuStats.mean},
          {"fu_sd", fuStats.sd}}},
        {"transform_convention", "bl_to_fu.tfm maps FU points (LPS mm) to BL points (ITK resampling convention)"},
        {"timings", timings}};
    return r;
}

}  // namespace lesiondelta
