#pragma once
// Builds the training atlas (ml/TrainingAtlas.h) from the shared real data with core's imaging:
// each training FLAIR brought to 1 mm and through segment's preprocessing (N4 within the head,
// z-score over the head), cropped to the head, with its brain estimate; and a bank of every
// lesion of the 30 MNI lesion masks and the 16 longitudinal change masks, each a tight 1 mm box;
// optionally real pairs (AtlasSources::realPairs).
#include <functional>
#include <string>
#include <vector>

#include "lesiondelta/ml/TrainingAtlas.h"

namespace lesiondelta {

struct AtlasSources {
    std::string dataFolder;         // the shared data folder (../shared/data)
    std::string heldOutMni = "26";  // MNI patient kept for validation (scan and its bank lesions)
    /// Longitudinal patients (e.g. "01") whose real pair goes in as AtlasRealPair: segment's
    /// registration and preprocessing, the reference from the change mask's increasing part.
    std::vector<std::string> realPairs;
    std::function<void(const std::string&)> log;  // one line per step (optional)
};

/// Throws VolumeError naming a missing or unreadable file.
ml::TrainingAtlas buildTrainingAtlas(const AtlasSources& sources);

}  // namespace lesiondelta
