#include "lesiondelta/core/LesionTracking.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace lesiondelta {

std::vector<int> TrackedLesion::activeAgain() const {
    std::vector<int> out;
    for (int k = firstInterval + 1; k < int(changeMl.size()); ++k)
        if (changeMl[k] > 0) out.push_back(k);
    return out;
}

namespace {

bool sameGrid(const MaskVolume& a, const MaskVolume& b) {
    return a.GetLargestPossibleRegion() == b.GetLargestPossibleRegion() &&
           (a.GetSpacing() - b.GetSpacing()).GetNorm() < 1e-6 &&
           a.GetOrigin().EuclideanDistanceTo(b.GetOrigin()) < 1e-4;
}

}  // namespace

LesionCourse trackLesions(const std::vector<MaskVolume::ConstPointer>& intervals, const TrackingOptions& options) {
    const auto first = std::find_if(intervals.begin(), intervals.end(), [](const auto& m) { return bool(m); });
    if (first == intervals.end()) throw std::invalid_argument("trackLesions: no interval was measured");
    const MaskVolume& grid = **first;
    for (const auto& m : intervals)
        if (m && !sameGrid(*m, grid))
            throw std::invalid_argument("trackLesions: the interval masks lie on different grids");

    const auto region = grid.GetLargestPossibleRegion();
    const auto size = region.GetSize();
    const auto spacing = grid.GetSpacing();
    const double voxelMl = spacing[0] * spacing[1] * spacing[2] / 1000.0;
    const std::size_t n = region.GetNumberOfPixels();
    // How far (in voxels, per axis) the footprint of a lesion reaches to claim a finding.
    std::array<long, 3> reach{};
    for (int a = 0; a < 3; ++a) reach[a] = long(std::floor(options.matchMm / spacing[a] + 1e-9));

    LesionCourse course;
    course.identities = LabelVolume::New();
    course.identities->CopyInformation(&grid);
    course.identities->SetRegions(region);
    course.identities->Allocate(true);
    std::uint32_t* ids = course.identities->GetBufferPointer();
    const double nan = std::numeric_limits<double>::quiet_NaN();

    for (std::size_t k = 0; k < intervals.size(); ++k) {
        for (auto& l : course.lesions) l.changeMl.push_back(intervals[k] ? 0.0 : nan);
        if (!intervals[k]) continue;
        unsigned int count = 0;
        const auto labels = labelLesions(*intervals[k], options.minLesionMl, &count);
        const auto table = lesionTable(*intervals[k], options.minLesionMl);
        const std::uint32_t* label = labels->GetBufferPointer();
        // Each component's voxels, then which earlier lesion (if any) it touches most.
        std::vector<std::vector<std::size_t>> voxels(count + 1);
        for (std::size_t i = 0; i < n; ++i)
            if (label[i]) voxels[label[i]].push_back(i);
        std::vector<std::pair<std::size_t, unsigned int>> claims;  // (voxel, identity) to write after matching
        for (unsigned int c = 1; c <= count; ++c) {
            std::map<std::uint32_t, std::size_t> touches;
            for (const std::size_t i : voxels[c]) {
                const long x = long(i % size[0]), y = long((i / size[0]) % size[1]), z = long(i / (size[0] * size[1]));
                for (long dz = -reach[2]; dz <= reach[2]; ++dz)
                    for (long dy = -reach[1]; dy <= reach[1]; ++dy)
                        for (long dx = -reach[0]; dx <= reach[0]; ++dx) {
                            const long xx = x + dx, yy = y + dy, zz = z + dz;
                            if (xx < 0 || yy < 0 || zz < 0 || xx >= long(size[0]) || yy >= long(size[1]) ||
                                zz >= long(size[2]))
                                continue;
                            // Within the ellipsoid of matchMm, not the box.
                            const double d2 = std::pow(dx * spacing[0], 2) + std::pow(dy * spacing[1], 2) +
                                              std::pow(dz * spacing[2], 2);
                            if (d2 > options.matchMm * options.matchMm + 1e-9) continue;
                            const std::uint32_t id = ids[std::size_t(xx) + size[0] * (std::size_t(yy) + size[1] * zz)];
                            if (id) ++touches[id];
                        }
            }
            const double ml = double(voxels[c].size()) * voxelMl;
            unsigned int id = 0;
            if (!touches.empty()) {
                id = std::max_element(touches.begin(), touches.end(), [](const auto& a, const auto& b) {
                         return a.second < b.second;
                     })->first;
            } else {
                TrackedLesion l;
                l.id = unsigned(course.lesions.size() + 1);
                l.firstInterval = int(k);
                l.changeMl.assign(k + 1, 0.0);
                for (std::size_t j = 0; j < k; ++j)
                    if (!intervals[j]) l.changeMl[j] = nan;
                for (const auto& t : table)
                    if (t.id == c) l.centroidLpsMm = t.centroidLpsMm;
                course.lesions.push_back(l);
                id = l.id;
            }
            course.lesions[id - 1].changeMl[k] += ml;
            for (const std::size_t i : voxels[c]) claims.emplace_back(i, id);
        }
        // Written after the whole interval is matched, so that two findings of one interval
        // never claim each other.
        for (const auto& [i, id] : claims)
            if (!ids[i]) ids[i] = id;
    }
    return course;
}

}  // namespace lesiondelta
