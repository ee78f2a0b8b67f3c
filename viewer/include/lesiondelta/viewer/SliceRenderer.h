#pragma once
// Draws one plane's slice of a scan into 32-bit pixels (0xAARRGGBB, Qt's Format_RGB32 layout):
// grey values through a window/level, then overlays blended in order: binary masks (fill or
// outline, colour, opacity) and a probability heat map. Qt-free and allocation-free per call, so
// scrolling stays well within a frame.
#include <cstdint>
#include <string>
#include <vector>

#include "lesiondelta/core/Volume.h"
#include "lesiondelta/viewer/DisplayAxes.h"
#include "lesiondelta/viewer/LayerId.h"
#include "lesiondelta/viewer/WindowLevel.h"

namespace lesiondelta::viewer {

struct MaskLayer {
    LayerId id;                     // what the layer is (found by this, not by its name)
    std::string name;               // what the reader sees (translated)
    MaskVolume::ConstPointer mask;  // on the scans' grid; any non-zero voxel is drawn
    std::uint32_t rgb = 0x00ff00;   // green: the CNN's new/enlarged lesions
    double opacity = 0.5;
    bool outline = false;  // only the boundary of each region in the slice
    bool visible = true;
};

struct HeatLayer {
    ImageVolume::ConstPointer probability;  // 0..1 on the scans' grid
    double floor = 0.2;                     // lower cut-off: below it nothing is drawn
    double opacity = 0.6;
    bool visible = false;
};

/// `out` must hold g.width * g.height pixels. All volumes must share `image`'s grid.
/// `outlineAll` draws every mask as an outline whatever its own setting (the views showing BL).
void renderSlice(const ImageVolume& image, const SliceGeometry& g, const WindowLevel& w,
                 const std::vector<MaskLayer>& masks, const HeatLayer& heat, std::uint32_t* out,
                 bool outlineAll = false);

/// The heat colour of a probability (dark red -> red -> yellow -> white).
std::uint32_t heatColour(double p);

}  // namespace lesiondelta::viewer
