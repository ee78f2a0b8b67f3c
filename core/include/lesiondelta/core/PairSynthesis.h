#pragma once
// Realistic longitudinal training pairs from a real FLAIR scan, with an exact new/enlarged ground
// truth on the FU grid (issue 4). Deterministic from a seed. Both directions of change are used:
// - removal: real lesions inpainted from surrounding normal-appearing tissue in BL (real lesion
//   appearance in FU becomes "new");
// - insertion: new lesions in white matter, shapes and intensity profiles taken from real lesions;
// - enlargement (a grown rim in FU, marked) and shrinkage (an eroded lesion in FU, NOT marked);
// - nuisance real follow-ups have: intensity scale and gamma, smooth bias field, noise, thick
//   slices, and a small residual rigid misregistration of BL.
#include <random>
#include <string>
#include <vector>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

/// A real lesion's shape and intensity profile: a binary patch and, per voxel, its intensity as a
/// ratio to the median of the normal-appearing tissue around it.
struct LesionShape {
    MaskVolume::Pointer mask;    // tight box around the component, spacing of its scan
    ImageVolume::Pointer ratio;  // same box; 0 outside the lesion
};

/// Every 26-connected lesion of at least 3 voxels of `lesions` (on `flair`'s grid) as a shape.
std::vector<LesionShape> extractLesionShapes(const ImageVolume& flair, const MaskVolume& lesions);

struct SynthesisOptions {
    unsigned int seed = 1;
    double removeFraction = 0.4;     // of the real lesions (needs a lesion mask)
    double enlargeFraction = 0.2;    // of the rest: grown at the rim in FU (marked)
    double shrinkFraction = 0.2;     // of the rest: eroded in FU (not marked)
    int insertMin = 0, insertMax = 3;  // new lesions inserted into white matter
    double insertMinMl = 0.005, insertMaxMl = 1.5;  // log-uniform sizes, most under 0.1 ml
    bool nuisance = true;            // intensity, bias, noise, thick slices, misregistration
    double maxShiftMm = 2.0, maxRotationDeg = 2.0;
};

struct SyntheticPair {
    ImageVolume::Pointer bl, fu;       // on the input scan's grid
    MaskVolume::Pointer newLesions;    // FU grid: removed + inserted lesions + grown rims
    int removed = 0, inserted = 0, enlarged = 0, shrunk = 0;
    double shiftMm[3] = {0, 0, 0};     // BL misregistration applied
    double rotationDeg = 0.0;
    std::string description;           // one line for logs and JSON
};

/// Makes a pair from `flair` (its lesion mask optional; shapes may come from other scans).
/// Throws VolumeError when the scan has no usable brain region.
SyntheticPair synthesisePair(const ImageVolume& flair, const MaskVolume* lesions,
                             const std::vector<LesionShape>& shapes, const SynthesisOptions& options);

}  // namespace lesiondelta
