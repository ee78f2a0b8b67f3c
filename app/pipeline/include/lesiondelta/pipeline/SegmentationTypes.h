#pragma once
// What a detection takes and gives: the input settings of one BL/FU pair (also the loaded,
// registered pair the window passes in) and the result in memory (ResultsFolder writes it).
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/Progress.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/Volume.h"
#include "lesiondelta/pipeline/Plausibility.h"

namespace lesiondelta {

/// BL and FU as read, and BL registered to FU (see loadAndRegisterPair).
struct RegisteredPair {
    ImageVolume::Pointer bl, fu, blInFu;
    RegistrationResult registration;
    /// core/PairSimilarity's alignmentAgreement(fu, blInFu) once someone has measured it (the
    /// window does on opening); runSegmentation measures it when empty.
    std::optional<double> alignmentAgreement;
    /// The registration was not run for this pair but composed from both scans' registrations to
    /// a series' reference visit (SeriesAnalysis): finalMetric and iterations are then 0.
    bool composedThroughReference = false;
};

/// Default rim (mm) left out of the CNN's search region; see SegmentationInput::brainRimMm.
constexpr double kDefaultBrainRimMm = 5.0;

struct SegmentationInput {
    std::string blPath, fuPath;
    std::string blSeriesUid, fuSeriesUid;  // for DICOM folders with several series
    std::string modelPath;                 // weights file (see findShippedModel)
    std::string device = "auto";           // auto | cpu | cuda
    std::string precision = "auto";        // auto | fp32 | bf16 (auto: bf16 only on CPUs with native bf16)
    /// tiles: the fewest 128^3 crops covering the search region with 16 voxels of context (8 on
    /// a typical brain); paper: 3 x 3 x 3 crops over the whole grid, as published (27).
    std::string crops = "tiles";
    double threshold = -1.0;  // < 0: the model's own threshold
    double minLesionMl = kMinLesionMl;
    /// The CNN searches the estimated brain (core/BrainMask) without its outer rim of this many
    /// mm: cortex, sulcal CSF and meninges, where coil and partial-volume differences between
    /// visits look like new hyperintensities. 0 searches the whole brain estimate; < 0 the head.
    double brainRimMm = kDefaultBrainRimMm;
    /// N4 bias-field correction of both scans (on the 1 mm grid, within the head) before
    /// standardisation: removes coil-sensitivity differences between the visits.
    bool biasCorrection = true;
    ProgressCallback progress;  // optional; false cancels (throws Cancelled)
    /// A pair already loaded and registered (the GUI registers on opening): skips both steps.
    std::shared_ptr<const RegisteredPair> registered;
};

struct SegmentationResult {
    ImageVolume::Pointer blInFu;       // FU grid
    ImageVolume::Pointer fu;           // as read
    ImageVolume::Pointer probability;  // FU grid, float
    MaskVolume::Pointer newLesions;    // FU grid, components >= minLesionMl
    MaskVolume::Pointer searchRegion;  // FU grid (nearest from the 1 mm CNN grid): where the CNN looked
    RigidTransform::Pointer fuToBl;
    std::vector<Lesion> lesions;
    std::vector<PlausibilityWarning> warnings;  // inputs, dates, alignment, result (see Plausibility.h)
    nlohmann::json summary;                     // device, timings per stage, model, crops, registration, warnings
};

}  // namespace lesiondelta
