#pragma once
// What the reading views draw: BL (in FU space) and FU on the FU grid, the mask layers in
// drawing order and the probability heat map (Qt-free). Owned by the application; changed only
// through its setters, each of which announces what changed to the listeners (the views, the
// overlay panel), as SlicePairModel does for the coupling - nobody refreshes views by hand.
#include <array>
#include <functional>
#include <map>
#include <vector>

#include "lesiondelta/core/Volume.h"
#include "lesiondelta/viewer/SlicePairModel.h"
#include "lesiondelta/viewer/SliceRenderer.h"

namespace lesiondelta::viewer {

class ViewerScene {
public:
    enum Change : unsigned {
        Scans = 1,        // new scans (every layer and the heat map went with the old ones)
        LayerList = 2,    // a layer added, removed or replaced
        LayerStyle = 4,   // visibility, outline or opacity of a layer; outlines on BL
        LayerPixels = 8,  // a layer's mask changed (a new volume or edited in place)
        Heat = 16,        // the heat map's probability, cut-off or visibility
    };
    using Listener = std::function<void(unsigned changes)>;
    enum class Placement { Below, Above };  // a new layer is drawn below or above the others

    /// Observing does not change the scene: views hold it const and still listen.
    int addListener(Listener listener) const;
    void removeListener(int id) const;

    const ImageVolume* scan(Side side) const { return scans_[side == Side::Baseline ? 0 : 1].GetPointer(); }
    bool ready() const { return scans_[0] && scans_[1]; }
    const std::vector<MaskLayer>& masks() const { return masks_; }
    const MaskLayer* layer(const LayerId& id) const;
    const HeatLayer& heat() const { return heat_; }
    /// The views showing BL draw every mask as an outline, so that a lesion marked on FU never
    /// hides what BL looked like there (each layer's own fill/outline applies to FU).
    bool outlineOnBaseline() const { return outlineOnBaseline_; }

    /// New scans on a new grid: every layer and the heat map's probability go (the heat map's
    /// cut-off and visibility stay, they are the reader's choice).
    void setScans(ImageVolume::ConstPointer blInFu, ImageVolume::ConstPointer fu);
    /// Adds the layer, or replaces the one with the same id where it is in the drawing order.
    void setLayer(MaskLayer layer, Placement where = Placement::Above);
    /// Removes the layers `which` selects; returns how many.
    std::size_t removeLayers(const std::function<bool(const MaskLayer&)>& which);
    /// The layer's mask is `mask` now, or was edited in place when it is the same volume.
    /// False when there is no such layer.
    bool setLayerMask(const LayerId& id, MaskVolume::ConstPointer mask);
    bool setLayerVisible(const LayerId& id, bool visible);
    bool setLayerOutline(const LayerId& id, bool outline);
    bool setLayerOpacity(const LayerId& id, double opacity);  // clamped to 0..1
    void setOutlineOnBaseline(bool on);
    void setHeatProbability(ImageVolume::ConstPointer probability);
    void setHeatVisible(bool visible);
    void setHeatFloor(double floor);  // clamped to 0..1

private:
    MaskLayer* find(const LayerId& id);
    void notify(unsigned changes);
    std::array<ImageVolume::ConstPointer, 2> scans_;  // [0] BL in FU space, [1] FU
    std::vector<MaskLayer> masks_;
    HeatLayer heat_;
    bool outlineOnBaseline_ = true;
    mutable std::map<int, Listener> listeners_;
    mutable int nextId_ = 1;
};

}  // namespace lesiondelta::viewer
