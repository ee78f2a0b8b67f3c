#pragma once
// A distance measured in one slice, as ITK-SNAP's ruler: two points in slice pixel coordinates
// (continuous; pixel (i, j) covers [i, i+1) x [j, j+1)) of one plane at one slice. Qt-free.
#include <array>
#include <cmath>

#include "lesiondelta/viewer/DisplayAxes.h"

namespace lesiondelta::viewer {

struct Ruler {
    Plane plane = Plane::Axial;
    int slice = 0;
    std::array<double, 2> from{}, to{};  // slice pixel coordinates

    /// In mm on the slice's own pixel spacing (screen x and y may differ: reformatted planes).
    double lengthMm(const SliceGeometry& g) const {
        return std::hypot((to[0] - from[0]) * g.pixelWidthMm, (to[1] - from[1]) * g.pixelHeightMm);
    }
};

}  // namespace lesiondelta::viewer
