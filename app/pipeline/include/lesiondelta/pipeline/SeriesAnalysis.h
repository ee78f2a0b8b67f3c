#pragma once
// A patient's course (issue 20): every visit registered once to a reference visit (default the
// latest), each consecutive pair of visits run through the detector (the CNN, or the classical
// subtraction detector), each interval's new/enlarged mask mapped into the reference space and
// the lesions tracked through the course (core/LesionTracking). Per-pair results and per-visit
// transforms are kept in OUT (ResultsFolder per interval), so running it again reuses them.
// A visit that cannot be read is left out with its reason (the intervals join its neighbours);
// an interval whose detection fails is reported and left unmeasured.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lesiondelta/core/LesionTracking.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/pipeline/SegmentationTypes.h"
#include "lesiondelta/pipeline/SeriesFolder.h"
#include "lesiondelta/report/CourseReport.h"

namespace lesiondelta {

struct SeriesInput {
    PatientSeries series;
    std::string outDir;            // per-interval results, per-visit transforms and the course files
    std::string reference;         // label or date of the reference visit; empty: the latest readable
    std::string detector = "cnn";  // cnn | subtraction
    /// The detector's settings (model, device, precision, crops, threshold...); its paths,
    /// progress and registered pair are set per interval.
    SegmentationInput settings;
    bool force = false;  // recompute what OUT already holds
    /// Keep every visit resampled into the reference space (SeriesVisitState::inReference): the
    /// pair check makes them anyway, and a viewer needs them.
    bool keepVisitsInReference = false;
    ProgressCallback progress;
    TrackingOptions tracking;
};

struct SeriesVisitState {
    SeriesVisit visit;
    std::string error;  // why it was left out; empty when it was used
    /// Reference points -> this visit's points (LPS mm); null for the reference itself.
    SpatialTransform::ConstPointer referenceToVisit;
    /// The pair check against the reference visit after registration (Plausibility.h's
    /// checkAlignment): another patient's scan or a failed registration.
    std::vector<PlausibilityWarning> warnings;
    double alignmentAgreement = 1.0;
    /// The visit on the reference grid (with SeriesInput::keepVisitsInReference; the reference
    /// visit itself too); null otherwise or when it was left out.
    ImageVolume::Pointer inReference;
};

struct SeriesInterval {
    int from = 0, to = 0;  // visit indices
    int days = 0;
    std::string folder;                 // its ResultsFolder
    bool reused = false;                // read back from an earlier run
    std::string error;                  // why it was not measured; empty when it was
    std::vector<std::string> warnings;  // the pair's plausibility warnings (Plausibility.h)
    bool unreliable = false;
    MaskVolume::Pointer inReference;  // new/enlarged mask on the reference grid; null when not measured
    std::size_t findings = 0;         // lesions of at least the minimum volume
};

struct SeriesResult {
    PatientSeries series;
    int reference = -1;  // visit index
    ImageVolume::Pointer referenceScan;
    std::vector<SeriesVisitState> visits;
    std::vector<SeriesInterval> intervals;
    LesionCourse course;
};

SeriesResult analyseSeries(const SeriesInput& input);

/// The course in plain numbers per interval and overall (what series.json holds).
nlohmann::json seriesSummary(const SeriesResult& result);

/// Writes OUT/series.json (seriesSummary), OUT/lesions.csv (one row per tracked lesion: id, first
/// seen, ml per interval, centroid), OUT/intervals.csv and OUT/lesion_ids.nii.gz (identities on the
/// reference grid), each atomically. Throws VolumeError naming the file that failed.
void writeSeriesOutputs(const SeriesResult& result, const std::string& outDir);

/// "No new or enlarging T2 lesions since 2024-03-12 (2 follow-ups)" or "3 new or enlarging T2
/// lesions since ... in 2 follow-ups (1.4 per year)", counted from the rebaseline visit.
std::string courseSentence(const SeriesResult& result);

/// What the course report shows (report/CourseReport.h), in plain numbers and labels.
report::CourseData courseReportData(const SeriesResult& result);

}  // namespace lesiondelta
