#pragma once
// The whole CNN job for one BL/FU pair, joining core (I/O, registration, resampling,
// standardisation, lesions) and ml (the network): registration -> 1 mm -> z-score -> CNN ->
// back to the FU grid -> threshold -> lesions of at least 0.01 ml. Results are returned in memory;
// ResultsFolder::write() puts them on disk only when everything has succeeded.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/Progress.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/Standardisation.h"
#include "Plausibility.h"
#include "ResultsFolder.h"
#include "lesiondelta/core/Volume.h"
#include "lesiondelta/ml/ChangeSegmenter.h"

namespace lesiondelta {

/// BL and FU as read, and BL registered to FU (see loadAndRegisterPair).
struct RegisteredPair {
    ImageVolume::Pointer bl, fu, blInFu;
    RegistrationResult registration;
    /// core/PairSimilarity's alignmentAgreement(fu, blInFu) once someone has measured it (the
    /// window does on opening); runSegmentation measures it when empty.
    std::optional<double> alignmentAgreement;
};

/// What loadAndRegisterPair reports before it registers; both optional.
struct PairLoadHooks {
    /// BL and FU as read (blInFu empty): start work that needs no registration.
    std::function<void(const RegisteredPair&)> scansRead;
    /// BL and FU as read and blInFu BL resampled by physical coordinates alone: a preview to show.
    std::function<void(const RegisteredPair&)> preview;
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
    double threshold = -1.0;               // < 0: the model's own threshold
    double minLesionMl = kMinLesionMl;
    /// The CNN searches the estimated brain (core/BrainMask) without its outer rim of this many
    /// mm: cortex, sulcal CSF and meninges, where coil and partial-volume differences between
    /// visits look like new hyperintensities. 0 searches the whole brain estimate; < 0 the head.
    double brainRimMm = kDefaultBrainRimMm;
    /// N4 bias-field correction of both scans (on the 1 mm grid, within the head) before
    /// standardisation: removes coil-sensitivity differences between the visits.
    bool biasCorrection = true;
    ProgressCallback progress;             // optional; false cancels (throws Cancelled)
    /// A pair already loaded and registered (the GUI registers on opening): skips both steps.
    std::shared_ptr<const RegisteredPair> registered;
};

struct SegmentationResult {
    ImageVolume::Pointer blInFu;       // FU grid
    ImageVolume::Pointer fu;           // as read
    ImageVolume::Pointer probability;  // FU grid, float
    MaskVolume::Pointer newLesions;    // FU grid, components >= minLesionMl
    RigidTransform::Pointer fuToBl;
    std::vector<Lesion> lesions;
    std::vector<PlausibilityWarning> warnings;  // inputs, dates, alignment, result (see Plausibility.h)
    nlohmann::json summary;            // device, timings per stage, model, crops, registration, warnings
};

SegmentationResult runSegmentation(const SegmentationInput& input);

/// All plausibility checks of a finished detection (Plausibility.h): inputs, scan dates (from
/// sidecars or DICOM headers next to the scans), alignment and the result's volume.
std::vector<PlausibilityWarning> plausibilityOfResult(const SegmentationInput& input, const ImageVolume& bl,
                                                      const ImageVolume& fu, double alignmentAgreement, double newLesionMl,
                                                      double headMl);

/// An ITK volume as ml's plain buffer (both x fastest; no reordering).
ml::VolumeBuffer toBuffer(const ImageVolume& image);

/// Reads BL and FU and registers BL to FU (input.progress counts 0..1 over both; callers that do
/// more give it a share with progressShare); errors name the files. Adds
/// load_images_s and registration_s to `timings`. `hooks` are called, in the order declared, once
/// the scans are read and before registration starts.
RegisteredPair loadAndRegisterPair(const SegmentationInput& input, nlohmann::json& timings,
                                   const PairLoadHooks& hooks = {});

/// The classical subtraction detector (core/SubtractionDetector) with the same outputs as
/// runSegmentation; `probability` holds its score (robust SDs of the smoothed difference).
SegmentationResult runSubtractionBaseline(const SegmentationInput& input);

/// The CNN's inputs as the paper prepares them: FU and BL (through `fuToBl`, one interpolation
/// from BL's own grid) on a 1 mm isotropic grid in FU space, each z-scored over its head voxels;
/// plus the FU head mask (Otsu) used to skip crops without head, and the search region (the
/// FU brain estimate without its outer `brainRimMm`; the head when brainRimMm < 0).
struct CnnInput {
    ImageVolume::Pointer bl, fu;  // standardised, 1 mm, FU space
    MaskVolume::Pointer head;
    MaskVolume::Pointer searchRegion;
    StandardisationStats blStats, fuStats;
};
/// `fuBrain`, FU's brain estimate on FU's grid (the registration's), saves estimating it again
/// on the 1 mm grid for the search region.
/// FU's share of the CNN input, which needs no registration: FU on its 1 mm grid, bias-corrected
/// when asked, standardised, and its head mask. `segment` prepares it while BL is registered.
struct PreparedFollowUp {
    ImageVolume::Pointer fu;  // 1 mm, standardised
    MaskVolume::Pointer head;
    StandardisationStats stats;
};
PreparedFollowUp prepareFollowUp(const ImageVolume& fu, bool biasCorrection);

/// `preparedFu`, prepareFollowUp(fu, biasCorrection) when already made.
CnnInput prepareCnnInput(const ImageVolume& bl, const ImageVolume& fu, const RigidTransform& fuToBl,
                         double brainRimMm = kDefaultBrainRimMm, bool biasCorrection = true,
                         nlohmann::json* timings = nullptr,  // adds bias_correction_s, brain_region_s
                         const MaskVolume* fuBrain = nullptr, const PreparedFollowUp* preparedFu = nullptr);

/// The lesion mask of a probability map: voxels >= threshold, components under minMl removed.
MaskVolume::Pointer newLesionMask(const ImageVolume& probability, double threshold, double minMl = kMinLesionMl);

/// The shipped model: $LESIONDELTA_MODEL, else <prefix>/share/lesiondelta/models/ next to the
/// executable, else the source tree's resources/models/. Throws VolumeError when none exists.
std::string findShippedModel();

/// The installed sample case folder (<prefix>/share/lesiondelta/sample next to the executable's
/// prefix, else resources/sample of the source tree); empty when neither exists.
std::string findSampleCase();

}  // namespace lesiondelta
