#include "lesiondelta/viewer/DisplayAxes.h"

#include <algorithm>
#include <cmath>

namespace lesiondelta::viewer {

int normalAxis(Plane plane) {
    switch (plane) {
        case Plane::Axial:
            return 2;
        case Plane::Coronal:
            return 1;
        case Plane::Sagittal:
            return 0;
    }
    return 2;
}

DisplayAxes::DisplayAxes(const itk::ImageBase<kDim>& grid) {
    const auto dir = grid.GetDirection();
    const auto size = grid.GetLargestPossibleRegion().GetSize();
    const auto spacing = grid.GetSpacing();
    std::array<bool, 3> used{false, false, false};
    // Greedy assignment, strongest cosine first, so that oblique scans still get a permutation.
    std::array<std::array<double, 3>, 3> strength{};
    for (int a = 0; a < 3; ++a)
        for (int v = 0; v < 3; ++v) strength[a][v] = std::abs(dir[a][v]);
    std::array<bool, 3> assigned{false, false, false};
    for (int round = 0; round < 3; ++round) {
        int bestA = -1, bestV = -1;
        double best = -1;
        for (int a = 0; a < 3; ++a)
            for (int v = 0; v < 3; ++v)
                if (!assigned[a] && !used[v] && strength[a][v] > best) best = strength[a][v], bestA = a, bestV = v;
        assigned[bestA] = used[bestV] = true;
        axis_[bestA] = bestV;
        reversed_[bestA] = dir[bestA][bestV] < 0;
    }
    for (int v = 0; v < 3; ++v) voxelSize_[v] = int64_t(size[v]);
    const std::array<int64_t, 3> voxelStride{1, voxelSize_[0], voxelSize_[0] * voxelSize_[1]};
    for (int a = 0; a < 3; ++a) {
        size_[a] = int(voxelSize_[axis_[a]]);
        spacing_[a] = spacing[axis_[a]];
        stride_[a] = reversed_[a] ? -voxelStride[axis_[a]] : voxelStride[axis_[a]];
    }
}

VoxelIndex DisplayAxes::voxelFromDisplay(const DisplayIndex& d) const {
    VoxelIndex v;
    for (int a = 0; a < 3; ++a) v[axis_[a]] = reversed_[a] ? voxelSize_[axis_[a]] - 1 - d[a] : d[a];
    return v;
}

DisplayIndex DisplayAxes::displayFromVoxel(const VoxelIndex& v) const {
    DisplayIndex d;
    for (int a = 0; a < 3; ++a) d[a] = int(reversed_[a] ? voxelSize_[axis_[a]] - 1 - v[axis_[a]] : v[axis_[a]]);
    return d;
}

int64_t DisplayAxes::offset(const DisplayIndex& d) const {
    const auto v = voxelFromDisplay(d);
    return v[0] + voxelSize_[0] * (v[1] + voxelSize_[1] * v[2]);
}

bool DisplayAxes::contains(const DisplayIndex& d) const {
    for (int a = 0; a < 3; ++a)
        if (d[a] < 0 || d[a] >= size_[a]) return false;
    return true;
}

DisplayIndex DisplayAxes::clamp(const DisplayIndex& d) const {
    DisplayIndex c;
    for (int a = 0; a < 3; ++a) c[a] = std::clamp(d[a], 0, std::max(0, size_[a] - 1));
    return c;
}

SliceGeometry sliceGeometry(const DisplayAxes& axes, Plane plane, int slice) {
    SliceGeometry g;
    const int n = normalAxis(plane);
    g.screenXAxis = plane == Plane::Sagittal ? 1 : 0;
    g.screenYAxis = plane == Plane::Axial ? 1 : 2;
    g.screenYUp = plane != Plane::Axial;
    g.width = axes.size()[g.screenXAxis];
    g.height = axes.size()[g.screenYAxis];
    g.pixelWidthMm = axes.spacingMm()[g.screenXAxis];
    g.pixelHeightMm = axes.spacingMm()[g.screenYAxis];
    DisplayIndex topLeft{0, 0, 0};
    topLeft[n] = std::clamp(slice, 0, std::max(0, axes.size()[n] - 1));
    topLeft[g.screenYAxis] = g.screenYUp ? g.height - 1 : 0;
    g.origin = axes.offset(topLeft);
    g.stepX = axes.stride(g.screenXAxis);
    g.stepY = g.screenYUp ? -axes.stride(g.screenYAxis) : axes.stride(g.screenYAxis);
    return g;
}

DisplayIndex displayFromScreen(const DisplayAxes& axes, Plane plane, int slice, int px, int py) {
    const auto g = sliceGeometry(axes, plane, slice);
    DisplayIndex d{0, 0, 0};
    d[normalAxis(plane)] = slice;
    d[g.screenXAxis] = px;
    d[g.screenYAxis] = g.screenYUp ? g.height - 1 - py : py;
    return d;
}

std::array<int, 2> screenFromDisplay(const DisplayAxes& axes, Plane plane, const DisplayIndex& d) {
    const auto g = sliceGeometry(axes, plane, 0);
    return {d[g.screenXAxis], g.screenYUp ? g.height - 1 - d[g.screenYAxis] : d[g.screenYAxis]};
}

}  // namespace lesiondelta::viewer
