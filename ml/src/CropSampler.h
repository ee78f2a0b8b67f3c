#pragma once
// Random training crops from BL/FU pairs (or single scans, where BL is empty) with augmentation:
// about half centred on a target voxel, flips about the two axial-plane axes, a 0-2 voxel shift
// of one scan against the other, a smooth bias field and noise per scan. Private to ml/.
#include <torch/torch.h>

#include <random>
#include <vector>

#include "lesiondelta/ml/Trainer.h"

namespace lesiondelta::ml {

struct Crop {
    torch::Tensor bl, fu, target;  // [1, 1, P, P, P]; bl undefined for single scans
};

class CropSampler {
public:
    /// Throws std::invalid_argument when a pair's volumes differ in size or are empty.
    CropSampler(const std::vector<TrainingPair>& pairs, int64_t patch, double lesionCentredFraction, unsigned seed,
                bool augment);
    /// A crop from any pair, or (positiveOnly) from a pair with at least one target voxel.
    Crop next(bool positiveOnly = false);
    bool hasPositive() const { return !positive_.empty(); }

private:
    const std::vector<TrainingPair>& pairs_;
    int64_t patch_;
    double centred_;
    bool augment_;
    std::mt19937 rng_;
    std::vector<std::vector<int64_t>> targets_;
    std::vector<std::size_t> positive_;
    std::vector<float> padBl_, padFu_;
};

}  // namespace lesiondelta::ml
