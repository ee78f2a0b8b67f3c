#pragma once
// Training pairs from disk for ml::train: every subfolder of a folder holding bl.nii.gz,
// fu.nii.gz and new_lesions.nii.gz (as `lesiondelta-cli synth` writes them), put on a 1 mm grid
// in FU space (BL keeps its simulated misregistration: training must learn to ignore it) and
// z-scored over the head as at inference.
#include <string>
#include <vector>

#include "lesiondelta/ml/Trainer.h"

namespace lesiondelta {

/// Throws VolumeError naming the folder or file when the folder is missing, holds no pair, or a
/// pair is incomplete or unreadable.
std::vector<ml::TrainingPair> loadTrainingPairs(const std::string& folder);

/// A single scan with all its lesions marked, for encoder pre-training (BL left empty). The mask
/// must lie on the scan's grid (mapped by physical coordinates when the grids differ slightly;
/// refused when they do not overlap). Throws VolumeError naming the file.
ml::TrainingPair loadLesionScan(const std::string& flairPath, const std::string& maskPath);

}  // namespace lesiondelta
