#pragma once
// Lesion-wise metrics of Krueger et al. 2020, section 3.2 (see shared/docs/method.md).
#include <optional>
#include <vector>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct LesionMetrics {
    unsigned int referenceLesions = 0;
    unsigned int predictedLesions = 0;
    unsigned int detectedReference = 0;  // reference lesions overlapping a predicted lesion
    unsigned int falsePositives = 0;     // predicted lesions overlapping no reference lesion
    // Undefined (nullopt) when the reference has no lesion.
    std::optional<double> sensitivity;
    std::optional<double> fpr;   // falsePositives / referenceLesions
    std::optional<double> dice;  // over the voxels of matched lesions only
};

/// Compares a prediction with one reference on the same grid. Both first lose components smaller
/// than `minMl`. When reference lesions exist but none is matched, Dice is 0 (every reference
/// lesion was missed), not undefined.
LesionMetrics compareLesions(const MaskVolume& predicted, const MaskVolume& reference, double minMl = kMinLesionMl);

/// Mean of the defined values of several comparisons (e.g. one method vs each rater of a case).
/// Undefined when no value is defined. FP counts are always defined and averaged.
struct AveragedMetrics {
    std::optional<double> sensitivity;
    std::optional<double> fpr;
    std::optional<double> dice;
    double falsePositives = 0.0;
    unsigned int comparisons = 0;
};
AveragedMetrics averageMetrics(const std::vector<LesionMetrics>& comparisons);

/// Inter-rater figures: every rater compared with every other rater (ordered pairs), averaged.
/// Needs at least two raters.
AveragedMetrics interRater(const std::vector<const MaskVolume*>& raters, double minMl = kMinLesionMl);

/// Mean and sample standard deviation of the defined per-case values (the paper's Table 2: mean
/// +- sd over cases; cases without reference lesions count for the FP count only).
struct MeanSd {
    double mean = 0.0, sd = 0.0;
    unsigned int n = 0;  // cases with a defined value
};
/// Mean and sample sd (0 for a single value) of `values`.
MeanSd meanSd(const std::vector<double>& values);

struct CohortSummary {
    MeanSd sensitivity, dice, falsePositives, fpr;
    unsigned int cases = 0;
};
CohortSummary summariseCases(const std::vector<AveragedMetrics>& perCase);

}  // namespace lesiondelta
