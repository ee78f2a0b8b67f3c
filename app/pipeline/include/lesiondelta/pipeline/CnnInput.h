#pragma once
// The CNN's inputs: both scans on a 1 mm grid in FU space, bias-corrected and standardised, the
// head mask and the search region; and the conversions between ITK volumes and ml's buffers.
#include <nlohmann/json.hpp>
#include <vector>

#include "lesiondelta/core/ResolutionMatching.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/ml/ChangeSegmenter.h"
#include "lesiondelta/pipeline/SegmentationTypes.h"

namespace lesiondelta {

/// The CNN's inputs as the paper prepares them: FU and BL (through `fuToBl`, one interpolation
/// from BL's own grid) on a 1 mm isotropic grid in FU space, each z-scored over its head voxels,
/// then brought to one effective resolution (matchResolution: the sharper blurred along an axis);
/// plus the FU head mask (Otsu) used to skip crops without head, and the search region (the
/// FU brain estimate without its outer `brainRimMm`; the head when brainRimMm < 0).
struct CnnInput {
    ImageVolume::Pointer bl, fu;  // standardised, 1 mm, FU space
    MaskVolume::Pointer head;
    MaskVolume::Pointer searchRegion;
    StandardisationStats blStats, fuStats;
    ResolutionMatch resolution;  // how BL and FU were brought to one effective resolution
};

/// FU's share of the CNN input, which needs no registration: FU on its 1 mm grid, bias-corrected
/// when asked, standardised, and its head mask. `segment` prepares it while BL is registered.
struct PreparedFollowUp {
    ImageVolume::Pointer fu;  // 1 mm, standardised
    MaskVolume::Pointer head;
    StandardisationStats stats;
};
PreparedFollowUp prepareFollowUp(const ImageVolume& fu, bool biasCorrection);

/// `fuBrain`, FU's brain estimate on FU's grid (the registration's), saves estimating it again
/// (brainMask on FU's own grid) for the search region; `preparedFu`, prepareFollowUp(fu, biasCorrection)
/// when already made.
CnnInput prepareCnnInput(const ImageVolume& bl, const ImageVolume& fu, const RigidTransform& fuToBl,
                         double brainRimMm = kDefaultBrainRimMm, bool biasCorrection = true,
                         nlohmann::json* timings = nullptr,  // adds bias_correction_s, brain_region_s
                         const MaskVolume* fuBrain = nullptr, const PreparedFollowUp* preparedFu = nullptr);

/// An ITK volume as ml's plain buffer (both x fastest; no reordering).
ml::VolumeBuffer toBuffer(const ImageVolume& image);

/// ml's probabilities (x fastest) as an ITK volume on `grid`.
ImageVolume::Pointer fromBuffer(const std::vector<float>& voxels, const ImageVolume& grid);

}  // namespace lesiondelta
