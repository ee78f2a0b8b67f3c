#pragma once
// What the reading views draw: BL (in FU space) and FU on the FU grid, the mask layers in
// drawing order and the probability heat map. Owned by the application; views read it.
#include <array>
#include <vector>

#include "lesiondelta/core/Volume.h"
#include "lesiondelta/viewer/SlicePairModel.h"
#include "lesiondelta/viewer/SliceRenderer.h"

namespace lesiondelta::viewer {

struct ViewerScene {
    std::array<ImageVolume::ConstPointer, 2> scans;  // [0] BL in FU space, [1] FU
    std::vector<MaskLayer> masks;
    HeatLayer heat;
    /// The views showing BL draw every mask as an outline, so that a lesion marked on FU never
    /// hides what BL looked like there (each layer's own fill/outline applies to FU).
    bool outlineOnBaseline = true;

    const ImageVolume* scan(Side side) const { return scans[side == Side::Baseline ? 0 : 1].GetPointer(); }
    bool ready() const { return scans[0] && scans[1]; }
    MaskLayer* layer(const LayerId& id) { return find(masks, id); }
    const MaskLayer* layer(const LayerId& id) const { return find(masks, id); }

private:
    template <class Layers>
    static auto find(Layers& layers, const LayerId& id) -> decltype(&layers.front()) {
        for (auto& l : layers)
            if (l.id == id) return &l;
        return nullptr;
    }
};

}  // namespace lesiondelta::viewer
