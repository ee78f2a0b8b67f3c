#pragma once
// What an overlay layer is, independent of the (translated) name the reader sees: the
// application finds the CNN layer, the LST layer or a rater's layer by this identity, never by
// display text or position.
#include <string>

namespace lesiondelta::viewer {

enum class LayerKind {
    Cnn,           // the CNN's new/enlarged lesions
    Lst,           // LST's lesion-change output (label 3: increase)
    Rater,         // a rater's saved mask; `rater` names the rater
    RaterEditing,  // the mask a rater is painting now; `rater` names the rater
    Roi,           // the region-of-interest outline of the annotation tools
    RoiPreview,    // the preview of a fill or threshold inside the ROI
    Other,         // any other mask the reader added
};

struct LayerId {
    LayerKind kind = LayerKind::Other;
    std::string rater;  // Rater, RaterEditing: the rater's name or code; Other: the source file
    friend bool operator==(const LayerId&, const LayerId&) = default;
};

/// A rater's mask, saved or being edited: both count as that rater's reading in reports.
inline bool isRaterLayer(const LayerId& id) {
    return id.kind == LayerKind::Rater || id.kind == LayerKind::RaterEditing;
}

}  // namespace lesiondelta::viewer
