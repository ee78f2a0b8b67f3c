#include "SegmentationPipeline.h"

#include "lesiondelta/core/BrainMask.h"

#include <itkImageRegionConstIterator.h>
#include <itkImageRegionIterator.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <optional>

#include "ResultText.h"
#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/BiasCorrection.h"
#include "lesiondelta/core/BrainMask.h"
#include "lesiondelta/core/ItkThreads.h"
#include "lesiondelta/core/PairSimilarity.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/ml/ComputeDevice.h"

namespace fs = std::filesystem;

namespace lesiondelta {
namespace {

constexpr const char* kModelFile = "lesiondelta-cnn.safetensors";

class StageClock {
public:
    explicit StageClock(nlohmann::json& timings) : timings_(timings) {}
    void restart() { last_ = std::chrono::steady_clock::now(); }
    void done(const std::string& stage) {
        const auto now = std::chrono::steady_clock::now();
        timings_[stage + "_s"] = std::chrono::duration<double>(now - last_).count();
        last_ = now;
    }

private:
    nlohmann::json& timings_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};


ImageVolume::Pointer fromBuffer(const std::vector<float>& voxels, const ImageVolume& grid) {
    auto image = ImageVolume::New();
    image->CopyInformation(&grid);
    image->SetRegions(grid.GetLargestPossibleRegion());
    image->Allocate();
    std::copy(voxels.begin(), voxels.end(), image->GetBufferPointer());
    return image;
}

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

ImageVolume::Pointer readNamed(const std::string& path, const std::string& uid) {
    ReadOptions o;
    o.dicomSeriesUid = uid;
    return readVolume(path, o);
}

}  // namespace

std::string findShippedModel() {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("LESIONDELTA_MODEL"); env && *env) candidates.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share/lesiondelta/models" / kModelFile);
    candidates.push_back(fs::path(LESIONDELTA_SOURCE_DIR) / "resources/models" / kModelFile);
    std::string looked;
    for (const auto& c : candidates) {
        if (fs::is_regular_file(c, ec)) return c.string();
        looked += (looked.empty() ? "" : ", ") + c.string();
    }
    throw VolumeError("", "no trained model is installed (looked in " + looked +
                              "); pass --model FILE or train one with the training program");
}

std::string findSampleCase() {
    std::vector<fs::path> candidates;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share/lesiondelta/sample");
    candidates.push_back(fs::path(LESIONDELTA_SOURCE_DIR) / "resources/sample");
    for (const auto& c : candidates)
        if (fs::is_regular_file(c / "case.json", ec)) return c.string();
    return {};
}

MaskVolume::Pointer newLesionMask(const ImageVolume& probability, double threshold, double minMl) {
    return removeSmallLesions(*thresholded(probability, threshold), minMl);
}

PreparedFollowUp prepareFollowUp(const ImageVolume& fu, bool biasCorrection) {
    PreparedFollowUp out;
    out.fu = resampleLinear(fu, *isotropicGridLike(fu, 1.0));
    out.head = headMask(*out.fu);
    if (biasCorrection) out.fu = correctBias(*out.fu, *out.head);
    out.fu = standardise(*out.fu, &out.stats);
    return out;
}

CnnInput prepareCnnInput(const ImageVolume& bl, const ImageVolume& fu, const RigidTransform& fuToBl,
                         double brainRimMm, bool biasCorrection, nlohmann::json* timings, const MaskVolume* fuBrain,
                         const PreparedFollowUp* preparedFu) {
    nlohmann::json ignored;
    StageClock clock(timings ? *timings : ignored);
    const auto grid = isotropicGridLike(fu, 1.0);
    // BL and FU are brought to the 1 mm grid and bias-corrected side by side: N4's histogram
    // sharpening and parts of its fit run on one thread, so the two scans share the cores
    // (segment, pair 03: resampling and N4 of both scans 2.5 -> 1.9 s on 2 cores).
    initialiseItkForThreads();
    CnnInput in;
    auto blTask = std::async(std::launch::async, [&] {
        auto iso = resampleLinear(bl, *grid, &fuToBl);
        if (biasCorrection) iso = correctBias(*iso, *headMask(*iso));
        return standardise(*iso, &in.blStats);
    });
    const PreparedFollowUp fuOnGrid = preparedFu ? *preparedFu : prepareFollowUp(fu, biasCorrection);
    in.fu = fuOnGrid.fu;
    in.fuStats = fuOnGrid.stats;
    in.head = fuOnGrid.head;
    in.bl = blTask.get();
    clock.done("bias_correction");
    const auto& fuIso = in.fu;  // standardised: Otsu and the brain estimate follow an affine change of intensities
    if (brainRimMm < 0) {
        in.searchRegion = in.head;
    } else {
        const auto brain = fuBrain ? resampleNearest(*fuBrain, *grid) : brainMask(*fuIso);
        in.searchRegion = withoutRim(*brain, brainRimMm);
    }
    clock.done("brain_region");
    return in;
}

RegisteredPair loadAndRegisterPair(const SegmentationInput& input, nlohmann::json& timings,
                                   const PairLoadHooks& hooks) {
    StageClock clock(timings);
    if (input.progress && !input.progress(0.0, "loading")) throw Cancelled();
    RegisteredPair pair;
    pair.bl = readNamed(input.blPath, input.blSeriesUid);
    pair.fu = readNamed(input.fuPath, input.fuSeriesUid);
    clock.done("load_images");
    if (hooks.scansRead) hooks.scansRead(pair);
    if (hooks.preview) {
        RegisteredPair preview = pair;
        preview.blInFu = resampleLinear(*pair.bl, *pair.fu);
        hooks.preview(preview);
    }
    clock.restart();
    RegistrationOptions options;
    const auto registration = progressShare(input.progress, 0.1, 1.0);  // loading: the first tenth
    options.progress = [&](double f, const std::string&) { return registration(f, "registration"); };
    try {
        pair.registration = registerRigid(*pair.fu, *pair.bl, options);
    } catch (const VolumeError& e) {
        // core names the scans BL and FU; the user knows them by their files.
        const std::string which = e.path() == "BL" ? input.blPath : e.path() == "FU" ? input.fuPath : "";
        if (!which.empty()) throw VolumeError(which, e.problem());
        throw VolumeError("", e.problem() + " (BL " + input.blPath + ", FU " + input.fuPath + ")");
    }
    pair.blInFu = resampleLinear(*pair.bl, *pair.fu, pair.registration.fuToBl);
    clock.done("registration");
    return pair;
}

ml::VolumeBuffer toBuffer(const ImageVolume& image) {
    ml::VolumeBuffer b;
    const auto size = image.GetLargestPossibleRegion().GetSize();
    b.size = {int64_t(size[0]), int64_t(size[1]), int64_t(size[2])};  // ITK buffers are x fastest too
    b.voxels.assign(image.GetBufferPointer(), image.GetBufferPointer() + b.count());
    return b;
}

std::vector<PlausibilityWarning> plausibilityOfResult(const SegmentationInput& input, const ImageVolume& bl,
                                                      const ImageVolume& fu, double alignmentAgreement, double newLesionMl,
                                                      double headMl) {
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
        fuPrepared = std::async(std::launch::async, [fu = loaded.fu, bias = input.biasCorrection] {
            return prepareFollowUp(*fu, bias);
        });
    };
    SegmentationInput pairInput = input;
    pairInput.progress = progressShare(input.progress, 0.0, 0.30);  // loading and registration
    RegisteredPair pair = input.registered ? *input.registered : loadAndRegisterPair(pairInput, timings, {.scansRead = prepareWhileRegistering, .preview = {}});
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
    const CnnInput cnnInput = prepareCnnInput(*bl, *r.fu, *r.fuToBl, input.brainRimMm, input.biasCorrection,
                                              &preprocessingStages, reg.fuBrain.GetPointer(),
                                              preparedFu ? &*preparedFu : nullptr);
    const auto& fuIso = cnnInput.fu;
    const auto& blStats = cnnInput.blStats;
    const auto& fuStats = cnnInput.fuStats;
    std::vector<std::uint8_t> headVoxels(cnnInput.head->GetBufferPointer(),
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
    r.lesions = lesionTable(*r.newLesions, input.minLesionMl, r.blInFu, r.fu);
    clock.done("postprocessing");
    report(1.0, "done");

    double totalMl = 0.0;
    for (const auto& l : r.lesions) totalMl += l.volumeMl;
    const double agreement = pair.alignmentAgreement ? *pair.alignmentAgreement : alignmentAgreement(*r.fu, *r.blInFu);
    const double headMl = double(std::count(headVoxels.begin(), headVoxels.end(), std::uint8_t(1))) / 1000.0;  // 1 mm grid
    r.warnings = plausibilityOfResult(input, *bl, *r.fu, agreement, totalMl, headMl);
    clock.done("checks");
    nlohmann::json warnings = nlohmann::json::array();
    if (!precisionChoice.warning.empty()) warnings.push_back({{"code", "slow_precision"}, {"message", precisionChoice.warning}, {"unreliable", false}});
    for (const auto& w : r.warnings) warnings.push_back({{"code", w.code}, {"message", w.message}, {"unreliable", w.unreliable}});
    double totalSeconds = 0.0;
    for (const auto& [k, v] : timings.items()) totalSeconds += v.get<double>();
    timings["total_s"] = totalSeconds;
    timings["preprocessing_stages"] = preprocessingStages;  // parts of preprocessing_s
    const auto size = fuIso->GetLargestPossibleRegion().GetSize();
    r.summary = {
        {"bl", input.blPath},
        {"fu", input.fuPath},
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
        {"search_region",
         input.brainRimMm < 0 ? nlohmann::json("head (Otsu foreground)")
                              : nlohmann::json({{"rule", "estimated brain (core/BrainMask) without its outer rim"},
                                                {"rim_mm", input.brainRimMm}})},
        {"new_lesions", {{"count", r.lesions.size()}, {"total_volume_ml", totalMl}}},
        {"inference",
         {{"grid_1mm", {size[0], size[1], size[2]}},
          {"crop_placement", ml::cropPlacementName(window.placement)},
          {"crops_run", cnn.cropsRun},
          {"crops_skipped_no_head", cnn.cropsSkipped}}},
        {"registration", {{"final_metric", reg.finalMetric}, {"iterations", reg.iterations}, {"alignment_local_correlation", agreement}}},
        {"warnings", warnings},
        {"result_reliable", !anyUnreliable(r.warnings)},
        {"standardisation",
         {{"rule", "z-score over head voxels (above the Otsu threshold)"},
          {"bl_mean", blStats.mean}, {"bl_sd", blStats.sd}, {"fu_mean", fuStats.mean}, {"fu_sd", fuStats.sd}}},
        {"transform_convention", "bl_to_fu.tfm maps FU points (LPS mm) to BL points (ITK resampling convention)"},
        {"timings", timings}};
    return r;
}

}  // namespace lesiondelta
