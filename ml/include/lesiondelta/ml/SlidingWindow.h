#pragma once
// Whole-volume inference from overlapping cubic crops (Krueger et al. 2020: 3 x 3 x 3 evenly
// spaced 128^3 crops, merged by the mean over overlaps, threshold 0.4).
#include <torch/torch.h>

#include <array>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lesiondelta::ml {

/// A scalar volume as a plain buffer, x fastest: voxel (x, y, z) at x + sx * (y + sy * z).
/// For the CNN: 1 mm isotropic, BL already in FU space, each scan standardised.
struct VolumeBuffer {
    std::array<int64_t, 3> size{0, 0, 0};
    std::vector<float> voxels;
    int64_t count() const { return size[0] * size[1] * size[2]; }
};

/// Maps a BL crop and an FU crop ([1, 1, P, P, P], z, y, x) to probabilities of the same shape.
using CropPredictor = std::function<torch::Tensor(const torch::Tensor& bl, const torch::Tensor& fu)>;

/// Progress between crops: fraction done and a stage name; return false to cancel.
using InferenceProgress = std::function<bool(double fraction, const std::string& stage)>;

class InferenceCancelled : public std::runtime_error {
public:
    InferenceCancelled() : std::runtime_error("inference cancelled") {}
};

/// Where the crops go. Paper: cropsPerAxis evenly spaced crops per axis over the whole grid
/// (3 x 3 x 3 = 27 on a head; every voxel evaluated about 7 times). Tiles: the fewest crops that
/// cover the bounding box of `searchRegion` (the whole grid without one) with `margin` voxels of
/// context beyond it, neighbouring crops overlapping by at least 2 x margin (2 x 2 x 2 = 8 on a
/// brain at 128^3, margin 16).
enum class CropPlacement { Paper, Tiles };

/// "tiles" or "paper"; throws std::invalid_argument otherwise.
CropPlacement parseCropPlacement(const std::string& name);
std::string cropPlacementName(CropPlacement p);

struct SlidingWindowOptions {
    int64_t patch = 128;
    CropPlacement placement = CropPlacement::Paper;
    int cropsPerAxis = 3;  // Paper placement
    int64_t margin = 16;   // Tiles placement: context voxels around the search region
    /// Optional search region on the same grid (1 = the CNN's result is used there): Tiles
    /// placement covers its bounding box.
    const std::vector<std::uint8_t>* searchRegion = nullptr;
    double threshold = 0.4;  // probability >= threshold is lesion
    /// Optional head mask on the same grid (1 = head). Crops with less than minHeadFraction of
    /// head voxels are skipped and predict nothing (they hold no brain to find lesions in).
    const std::vector<std::uint8_t>* headMask = nullptr;
    double minHeadFraction = 0.005;
    InferenceProgress progress;
};

struct SlidingWindowResult {
    std::vector<float> probability;  // mean over the crops covering each voxel; 0 where none ran
    std::vector<std::uint8_t> mask;  // probability >= threshold
    int cropsRun = 0;
    int cropsSkipped = 0;
};

/// Start positions along one axis of length n: `perAxis` evenly spaced starts from 0 to n - patch
/// (rounded, duplicates removed), more when perAxis crops cannot cover the axis (n > perAxis *
/// patch); {0} when n <= patch (the crop is padded).
std::vector<int64_t> cropStarts(int64_t n, int64_t patch, int perAxis);

/// Tiles placement along one axis of length n: the fewest starts such that crops of `patch`
/// cover [lo - margin, hi + margin) clipped to [0, n), neighbours overlapping by at least
/// 2 x margin, evenly spaced; {0} when n <= patch.
std::vector<int64_t> tileStarts(int64_t n, int64_t lo, int64_t hi, int64_t patch, int64_t margin);

/// Runs the predictor on every crop and merges. Throws std::invalid_argument for mismatched or
/// non-finite input and InferenceCancelled when progress answers false.
SlidingWindowResult slidingWindow(const VolumeBuffer& bl, const VolumeBuffer& fu, const CropPredictor& predict,
                                  const SlidingWindowOptions& options);

}  // namespace lesiondelta::ml
