#include "lesiondelta/viewer/ViewerScene.h"

#include <algorithm>

namespace lesiondelta::viewer {

int ViewerScene::addListener(Listener listener) const {
    listeners_[nextId_] = std::move(listener);
    return nextId_++;
}

void ViewerScene::removeListener(int id) const { listeners_.erase(id); }

void ViewerScene::notify(unsigned changes) {
    if (changes == 0) return;
    const auto copy = listeners_;  // a listener may remove itself
    for (const auto& [id, l] : copy) l(changes);
}

const MaskLayer* ViewerScene::layer(const LayerId& id) const {
    const auto it = std::find_if(masks_.begin(), masks_.end(), [&](const MaskLayer& l) { return l.id == id; });
    return it == masks_.end() ? nullptr : &*it;
}

MaskLayer* ViewerScene::find(const LayerId& id) { return const_cast<MaskLayer*>(std::as_const(*this).layer(id)); }

void ViewerScene::setScans(ImageVolume::ConstPointer blInFu, ImageVolume::ConstPointer fu) {
    scans_ = {std::move(blInFu), std::move(fu)};
    masks_.clear();
    heat_.probability = nullptr;
    notify(Scans | LayerList | LayerPixels | Heat);
}

void ViewerScene::setLayer(MaskLayer layer, Placement where) {
    if (auto* existing = find(layer.id)) {
        *existing = std::move(layer);
    } else if (where == Placement::Below) {
        masks_.insert(masks_.begin(), std::move(layer));
    } else {
        masks_.push_back(std::move(layer));
    }
    notify(LayerList | LayerStyle | LayerPixels);
}

std::size_t ViewerScene::removeLayers(const std::function<bool(const MaskLayer&)>& which) {
    const auto before = masks_.size();
    masks_.erase(std::remove_if(masks_.begin(), masks_.end(), which), masks_.end());
    const auto removed = before - masks_.size();
    if (removed > 0) notify(LayerList | LayerPixels);
    return removed;
}

bool ViewerScene::setLayerMask(const LayerId& id, MaskVolume::ConstPointer mask) {
    auto* l = find(id);
    if (!l) return false;
    l->mask = std::move(mask);
    notify(LayerPixels);
    return true;
}

bool ViewerScene::setLayerVisible(const LayerId& id, bool visible) {
    auto* l = find(id);
    if (!l) return false;
    if (l->visible != visible) {
        l->visible = visible;
        notify(LayerStyle);
    }
    return true;
}

bool ViewerScene::setLayerOutline(const LayerId& id, bool outline) {
    auto* l = find(id);
    if (!l) return false;
    if (l->outline != outline) {
        l->outline = outline;
        notify(LayerStyle);
    }
    return true;
}

bool ViewerScene::setLayerOpacity(const LayerId& id, double opacity) {
    auto* l = find(id);
    if (!l) return false;
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (l->opacity != opacity) {
        l->opacity = opacity;
        notify(LayerStyle);
    }
    return true;
}

void ViewerScene::setOutlineOnBaseline(bool on) {
    if (outlineOnBaseline_ == on) return;
    outlineOnBaseline_ = on;
    notify(LayerStyle);
}

void ViewerScene::setHeatProbability(ImageVolume::ConstPointer probability) {
    heat_.probability = std::move(probability);
    notify(Heat);
}

void ViewerScene::setHeatVisible(bool visible) {
    if (heat_.visible == visible) return;
    heat_.visible = visible;
    notify(Heat);
}

void ViewerScene::setHeatFloor(double floor) {
    floor = std::clamp(floor, 0.0, 1.0);
    if (heat_.floor == floor) return;
    heat_.floor = floor;
    notify(Heat);
}

}  // namespace lesiondelta::viewer
