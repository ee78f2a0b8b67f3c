// lesiondelta-cli register --bl BL --fu FU --out DIR
#include <chrono>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "Arguments.h"
#include "Commands.h"
#include "Interrupt.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/ResultText.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace lesiondelta::cli {
namespace {

double secondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int runRegister(const std::vector<std::string>& args) {
    const Arguments a(args, {"--bl", "--fu", "--out", "--bl-series", "--fu-series"}, {});
    const std::string blPath = a.required("--bl"), fuPath = a.required("--fu"), outDir = a.required("--out");
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (!std::filesystem::is_directory(outDir)) throw VolumeError(outDir, "output folder cannot be created");

    SegmentationInput input;
    input.blPath = blPath;
    input.fuPath = fuPath;
    input.blSeriesUid = a.optional("--bl-series").value_or("");
    input.fuSeriesUid = a.optional("--fu-series").value_or("");
    input.progress = stopOnInterrupt();
    nlohmann::json timings;
    const RegisteredPair pair = loadAndRegisterPair(input, timings);
    const auto& fu = pair.fu;
    const auto& blInFu = pair.blInFu;
    const RegistrationResult& reg = pair.registration;
    auto t = std::chrono::steady_clock::now();
    const auto blIdentity = resampleLinear(*pair.bl, *fu);

    // Alignment check over the FU head: normalised correlation before and after registration.
    const auto head = headMask(*fu);
    const double nccBefore = normalisedCorrelation(*fu, *blIdentity, head);
    const double nccAfter = normalisedCorrelation(*fu, *blInFu, head);
    timings["alignment_check_s"] = secondsSince(t);

    t = std::chrono::steady_clock::now();
    const ResultsFolder out(outDir);
    writeVolume(*blInFu, out.blInFu().string());
    writeTransform(*reg.fuToBl, out.transform().string());
    timings["writing_s"] = secondsSince(t);

    const auto params = reg.fuToBl->GetParameters();
    const auto versor = reg.fuToBl->GetVersor();
    nlohmann::json summary = {
        {"software", {{"name", "LesionDelta"}, {"version", kVersion}}},
        {"bl", blPath},
        {"fu", fuPath},
        {"outputs",
         {{"bl_in_fu", out.blInFu().filename().string()}, {"transform", out.transform().filename().string()}}},
        {"transform_convention",
         "ITK: maps FU physical points (LPS mm) to BL physical points; resampling BL with it puts BL on the FU grid"},
        {"registration",
         {{"method", "rigid (versor 3D), Mattes mutual information, 3 levels, moments initialisation"},
          {"final_metric", reg.finalMetric},
          {"iterations", reg.iterations},
          {"rotation_deg", versor.GetAngle() * 180.0 / 3.14159265358979323846},
          {"translation_mm", {params[3], params[4], params[5]}},
          {"center_lps_mm", {reg.fuToBl->GetCenter()[0], reg.fuToBl->GetCenter()[1], reg.fuToBl->GetCenter()[2]}}}},
        {"alignment_check",
         {{"region", "FU head (Otsu foreground)"}, {"ncc_before", nccBefore}, {"ncc_after", nccAfter}}},
        {"timings", timings}};
    writeTextAtomically(out.summary().string(), summary.dump(2) + "\n");
    std::cout << "registered " << blPath << " to " << fuPath << " in " << reg.seconds << " s; NCC over the head "
              << nccBefore << " -> " << nccAfter << "\nwrote " << out.blInFu().string() << ", "
              << out.transform().string() << ", " << out.summary().string() << "\n";
    return 0;
}

}  // namespace lesiondelta::cli
