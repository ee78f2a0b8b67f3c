#pragma once
// Display index space: the FU voxel grid re-indexed so that its axes follow patient LPS
// (x towards Left, y towards Posterior, z towards Superior), found from the direction cosines by
// taking for each LPS axis the voxel axis closest to it (as ITK-SNAP does). No resampling: a
// display index maps to exactly one voxel index of the volume, so views, edits and results stay
// on the FU grid. Qt-free.
#include <array>
#include <cstdint>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta::viewer {

using DisplayIndex = std::array<int, 3>;  // display index space (LPS-aligned axes)

enum class Plane { Axial, Coronal, Sagittal };

/// The display axis a plane is normal to: axial z, coronal y, sagittal x.
int normalAxis(Plane plane);

class DisplayAxes {
public:
    DisplayAxes() = default;
    explicit DisplayAxes(const itk::ImageBase<kDim>& grid);

    const DisplayIndex& size() const { return size_; }  // voxels per display axis
    const std::array<double, 3>& spacingMm() const { return spacing_; }
    int voxelAxis(int displayAxis) const { return axis_[displayAxis]; }
    bool reversed(int displayAxis) const { return reversed_[displayAxis]; }

    VoxelIndex voxelFromDisplay(const DisplayIndex& d) const;
    DisplayIndex displayFromVoxel(const VoxelIndex& v) const;
    /// Linear offset into the volume's buffer (x fastest) of a display index.
    int64_t offset(const DisplayIndex& d) const;
    /// Buffer step of one display step along an axis (negative where the axis is reversed).
    int64_t stride(int displayAxis) const { return stride_[displayAxis]; }
    bool contains(const DisplayIndex& d) const;
    DisplayIndex clamp(const DisplayIndex& d) const;

private:
    DisplayIndex size_{0, 0, 0};
    std::array<double, 3> spacing_{1, 1, 1};
    std::array<int, 3> axis_{0, 1, 2};
    std::array<bool, 3> reversed_{false, false, false};
    std::array<int64_t, 3> voxelSize_{0, 0, 0};
    std::array<int64_t, 3> stride_{1, 1, 1};
};

/// How one plane's slice lies on screen. Axial: screen x = display x (patient left on screen
/// right, the radiological convention), screen y = display y (anterior at the top). Coronal:
/// screen x = display x, screen y = superior at the top. Sagittal: screen x = display y
/// (anterior on the left), screen y = superior at the top.
struct SliceGeometry {
    int width = 0, height = 0;  // pixels = voxels of the slice
    double pixelWidthMm = 1, pixelHeightMm = 1;
    int64_t origin = 0;                    // buffer offset of screen pixel (0, 0)
    int64_t stepX = 1, stepY = 1;          // buffer offset per screen pixel right / down
    int screenXAxis = 0, screenYAxis = 1;  // display axes along screen x and y
    bool screenYUp = false;                // screen y runs against its display axis
};

SliceGeometry sliceGeometry(const DisplayAxes& axes, Plane plane, int slice);

/// The display index under screen pixel (px, py) of a plane's slice.
DisplayIndex displayFromScreen(const DisplayAxes& axes, Plane plane, int slice, int px, int py);
/// The screen pixel of a display index in a plane's slice (the normal axis ignored).
std::array<int, 2> screenFromDisplay(const DisplayAxes& axes, Plane plane, const DisplayIndex& d);

}  // namespace lesiondelta::viewer
