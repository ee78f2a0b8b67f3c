#pragma once
// Lesions followed through a patient's course: the new/enlarged masks of consecutive intervals
// (visit 0 -> 1, 1 -> 2, ...), all on one reference grid, get persistent identities. A finding
// that touches a lesion seen in an earlier interval (its footprint widened by a registration
// tolerance) is that lesion active again (enlarging); any other finding is a new lesion, first
// seen at the interval's later visit.
#include <array>
#include <vector>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct TrackedLesion {
    unsigned int id = 0;    // 1.. in order of first appearance (within an interval, largest first)
    int firstInterval = 0;  // the interval it appeared in: between visits firstInterval and +1
    /// New/enlarged volume (ml) in each interval; 0 where it did not change, NaN where the
    /// interval was not measured.
    std::vector<double> changeMl;
    std::array<double, 3> centroidLpsMm{};  // of its first appearance, reference space
    /// Intervals in which it was found again after the first (enlarging).
    std::vector<int> activeAgain() const;
};

struct LesionCourse {
    std::vector<TrackedLesion> lesions;
    /// Reference grid: each voxel ever marked carries the identity of its lesion (0 elsewhere).
    LabelVolume::Pointer identities;
};

struct TrackingOptions {
    double minLesionMl = kMinLesionMl;
    /// A finding within this distance of an earlier lesion's footprint is that lesion: the
    /// residual misregistration between visits (sub-voxel after rigid registration) plus a margin.
    double matchMm = 1.5;
};

/// `intervals[k]`: the new/enlarged mask of interval k on the reference grid, or null when the
/// interval could not be measured (a visit failed to load). At least one must be given; all given
/// masks must share one grid. Throws std::invalid_argument otherwise.
LesionCourse trackLesions(const std::vector<MaskVolume::ConstPointer>& intervals, const TrackingOptions& options = {});

}  // namespace lesiondelta
