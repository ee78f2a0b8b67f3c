#pragma once
// The whole CNN job for one BL/FU pair, joining core (I/O, registration, resampling,
// standardisation, lesions) and ml (the network): registration -> 1 mm -> z-score -> CNN ->
// back to the FU grid -> threshold -> lesions of at least 0.01 ml. Results are returned in memory;
// ResultsFolder::write() puts them on disk only when everything has succeeded. The steps' own
// headers: SegmentationTypes.h (input, result), PairLoading.h, CnnInput.h, InstalledFiles.h;
// this header includes them for callers of the whole job.
#include <string>
#include <vector>

#include "lesiondelta/pipeline/CnnInput.h"
#include "lesiondelta/pipeline/InstalledFiles.h"
#include "lesiondelta/pipeline/PairLoading.h"
#include "lesiondelta/pipeline/Plausibility.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationTypes.h"

namespace lesiondelta {

SegmentationResult runSegmentation(const SegmentationInput& input);

/// All plausibility checks of a finished detection (Plausibility.h): inputs, scan dates (from
/// sidecars or DICOM headers next to the scans), alignment and the result's volume.
std::vector<PlausibilityWarning> plausibilityOfResult(const SegmentationInput& input, const ImageVolume& bl,
                                                      const ImageVolume& fu, double alignmentAgreement,
                                                      double newLesionMl, double headMl);

/// The classical subtraction detector (core/SubtractionDetector) with the same outputs as
/// runSegmentation; `probability` holds its score (robust SDs of the smoothed difference).
SegmentationResult runSubtractionBaseline(const SegmentationInput& input);

/// The lesion mask of a probability map: voxels >= threshold, components under minMl removed.
MaskVolume::Pointer newLesionMask(const ImageVolume& probability, double threshold, double minMl = kMinLesionMl);

}  // namespace lesiondelta
