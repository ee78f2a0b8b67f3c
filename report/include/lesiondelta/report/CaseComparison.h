#pragma once
// What a report says about one BL/FU pair, computed without Qt: the CNN's lesions with which
// other method or rater found each, counts per method, and the paper's lesion-wise metrics of
// CNN vs each rater, LST vs each rater and rater vs rater (core's implementation).
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/LesionMetrics.h"
#include "lesiondelta/core/Volume.h"

namespace lesiondelta::report {

/// One case as loaded for a report; every mask is on the FU grid (the loader maps or refuses).
struct ReportCase {
    std::string id;  // patient/case label (omitted from anonymised reports)
    std::string blPath, fuPath;
    ImageVolume::Pointer fu;                                 // required
    ImageVolume::Pointer blInFu;                             // BL registered onto the FU grid; null if unknown
    ImageVolume::Pointer probability;                        // CNN probability, FU grid; null without CNN result
    MaskVolume::ConstPointer cnn;                            // CNN new-lesion mask; null without CNN result
    MaskVolume::ConstPointer lst;                            // LST increase mask (label 3); null without LST
    std::map<std::string, MaskVolume::ConstPointer> raters;  // name -> mask
    nlohmann::json cnnSummary;                               // segment's summary.json (model, threshold, timings)
    nlohmann::json scanInfo;                                 // optional: dates, scanner, sequence (from sidecars)
    std::vector<std::string> warnings;                       // problems met while loading, printed in the report
};

struct MethodCount {
    std::string method;  // "CNN", "LST" or a rater's name
    unsigned int lesions = 0;
    double totalMl = 0.0;
};

/// A pairwise comparison: `method` judged against `reference` (a rater).
struct PairComparison {
    std::string method, reference;
    LesionMetrics metrics;
};

/// A lesion of the union of all masks, and which sources have voxels in it.
struct ConcordantLesion {
    Lesion lesion;              // geometry on the FU grid (id = row number, 1 = largest)
    std::vector<bool> foundBy;  // parallel to CaseComparison::sources
};

/// A CNN lesion with its mean probability and which other sources overlap it.
struct CnnLesionRow {
    Lesion lesion;
    double meanProbability = 0.0;  // NaN without probability map
    std::vector<std::string> alsoFoundBy;
};

struct CaseComparison {
    std::vector<std::string> sources;  // "CNN", "LST", then raters (only those present)
    std::vector<MethodCount> counts;   // parallel to sources
    std::vector<CnnLesionRow> cnnLesions;
    std::vector<PairComparison> pairs;  // CNN vs raters, LST vs raters, rater vs rater
    std::vector<ConcordantLesion> concordance;
    // Per-case figures as in the paper: averaged over the raters (IR: over ordered rater pairs).
    std::optional<AveragedMetrics> cnnVsRaters, lstVsRaters, interRater;
};

/// Everything (a patient report), or only counts and metrics (a cohort: no lesion tables).
enum class CompareScope { Everything, MetricsOnly };

/// Compares everything the case holds. Throws VolumeError when a mask is not on the FU grid.
CaseComparison compareCase(const ReportCase& c, double minMl = kMinLesionMl,
                           CompareScope scope = CompareScope::Everything);

/// Mean of `values` over each label 1..count of `labels` in one pass (index = label; NaN where a
/// label has no voxel; index 0 unused).
std::vector<double> meanPerLabel(const ImageVolume& values, const LabelVolume& labels, unsigned int count);

}  // namespace lesiondelta::report
