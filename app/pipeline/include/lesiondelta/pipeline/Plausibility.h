#pragma once
// Plausibility checks shown to the reader: things that make a detection untrustworthy or need a
// second look, each with what it means. Used by `segment` (stderr and summary.json), the window
// (a warning banner) and the reports (printed warnings).
#include <string>
#include <vector>

#include "lesiondelta/core/Volume.h"
#include "lesiondelta/pipeline/CaseFolder.h"

namespace lesiondelta {

struct ResolutionMatch;  // core/ResolutionMatching.h

struct PlausibilityWarning {
    std::string code;         // stable key: same_scan, fu_before_bl, resolution, resolution_matched, alignment,
                              // implausible_result
    std::string message;      // for the reader: what was found and what it means
    bool unreliable = false;  // the CNN result must be treated as unreliable
};

/// Same-patient pairs reach a normalised correlation of 0.75-0.95 inside the head after
/// registration; below this, BL and FU are different patients, different contrasts or misregistered.
/// Below this local correlation of FU and registered BL (core/PairSimilarity alignmentAgreement)
/// a pair is reported as possibly different patients or misregistered: pair_check_eval measured
/// 0.74-0.86 for same-patient pairs (also across a scanner change) and 0.05-0.24 for different
/// patients and pairs misregistered by 8 mm / 8 degrees.
inline constexpr double kPlausibleAgreement = 0.5;
/// New/enlarging lesion volume above which a result is implausible for one follow-up interval.
inline constexpr double kImplausibleNewLesionMl = 20.0;
inline constexpr double kImplausibleHeadFraction = 0.01;

/// Before detection: the same file or identical voxels twice; voxel volumes or slice thicknesses
/// that differ by more than a factor 3 (e.g. 1 mm 3D against 5 mm 2D: change at lesion scale
/// cannot be told from partial-volume differences).
std::vector<PlausibilityWarning> checkPairInputs(const std::string& blPath, const std::string& fuPath,
                                                 const ImageVolume& bl, const ImageVolume& fu);

/// After resolution matching (core/ResolutionMatching) on `grid` (the 1 mm grid in FU space):
/// which visit was blurred along which anatomical axis, and by how much - the visits were
/// acquired differently there (another slice thickness or slice direction). A caution for small
/// detections, not an unreliable result.
std::vector<PlausibilityWarning> checkResolutionMatch(const ResolutionMatch& match, const ImageVolume& grid);

/// Scan dates (case.json, BIDS sidecars, DICOM headers): FU dated before BL (swapped?) or both on
/// the same day.
std::vector<PlausibilityWarning> checkScanDates(const CaseFolder& pair);

/// After registration: `ncc` is the normalised correlation of FU and BL-in-FU inside the head.
std::vector<PlausibilityWarning> checkAlignment(double agreement, const std::string& blPath, const std::string& fuPath);

/// After detection: a new-lesion volume beyond kImplausibleNewLesionMl or kImplausibleHeadFraction
/// of the head (scanner change, artefact or wrong pairing rather than disease activity).
std::vector<PlausibilityWarning> checkResult(double newLesionMl, double headMl);

/// Whether any warning makes the CNN result unreliable.
bool anyUnreliable(const std::vector<PlausibilityWarning>& warnings);

}  // namespace lesiondelta
