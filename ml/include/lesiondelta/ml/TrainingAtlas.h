#pragma once
// The training atlas: everything the pair synthesis needs, in ONE file of the weights-file layout
// (TensorFile.h, format "lesiondelta-atlas"), readable without ITK. `lesiondelta-cli atlas` writes
// it (core does the imaging); ml/ reads it on any device.
//
// Coordinate space: every tensor index is (z, y, x) on a scan's 1 mm grid ("atlas voxels"), x
// fastest in memory as in VolumeBuffer. MNI scans keep the MNI 1 mm grid (182 x 218 x 182) minus
// a head crop whose start (`mniCropStart`) is recorded, so a bank lesion's MNI position maps to
// the scan by subtracting it.
//
// Stored compactly: FLAIR as uint8 (z-score = offset + scale * q, steps of about 0.06 sd, below
// scan noise), brain masks as bits, bank lesions as one flat uint8 buffer with a table of boxes.
#include <torch/torch.h>

#include <array>
#include <string>
#include <vector>

namespace lesiondelta::ml {

constexpr const char* kAtlasFormat = "lesiondelta-atlas";
constexpr const char* kAtlasFormatVersion = "1";

struct AtlasScan {
    std::string name;                              // e.g. "mni/patient07", "raw/patient04"
    bool mni = false;                              // on the MNI 1 mm grid (bank MNI positions apply)
    bool heldOut = false;                          // validation only, never trained on
    std::array<int64_t, 3> mniCropStart{0, 0, 0};  // (z, y, x) of voxel 0 in the MNI grid
    torch::Tensor flair;                           // float32 [Z, Y, X], N4-corrected, z-scored over the head
    torch::Tensor brain;                           // uint8 [Z, Y, X], 1 = brain estimate (core/BrainMask)
    std::string ownLesions;                        // bank source holding this scan's own lesion mask ("" = none)
    double tissueMedian = 0.0;                     // median z-score inside the brain, lesions excluded
    double lesionContrast = 0.0;                   // median lesion z-score minus tissueMedian (0 = unknown)
};

struct BankLesion {
    std::string source;                            // mask it came from, e.g. "mni/patient12", "change/patient05"
    torch::Tensor mask;                            // uint8 [z, y, x], tight box at 1 mm
    std::array<int64_t, 3> mniOrigin{-1, -1, -1};  // (z, y, x) of the box in the MNI grid; -1: none
    int64_t voxels = 0;
    bool heldOut = false;  // of a held-out patient: validation only
};

/// A real BL/FU pair as inference sees it (segment's preprocessing: BL registered into FU space,
/// both on FU's 1 mm grid, N4, z-scored over the head), cropped to the search region's box, with
/// its reference: the new/enlarging components (>= 0.01 ml) of the pair's change mask. Optional
/// (`atlas --real-pair`): real steps mixed into training (lesiondelta-train --real-every).
struct AtlasRealPair {
    std::string name;      // e.g. "longitudinal/patient01"
    torch::Tensor bl, fu;  // float32 [Z, Y, X] on FU's 1 mm grid ("pair voxels")
    torch::Tensor target;  // uint8 [Z, Y, X], 1 = new or enlarged
    torch::Tensor region;  // uint8 [Z, Y, X], 1 = the CNN's search region (brain without its rim)
};

struct TrainingAtlas {
    std::vector<AtlasScan> scans;
    std::vector<BankLesion> bank;
    std::vector<AtlasRealPair> realPairs;  // none unless asked for
    std::string description;               // how it was made (command, data, date)
};

/// Writes atomically; throws WeightsError naming the file.
void saveAtlas(const TrainingAtlas& atlas, const std::string& path);

/// Reads and validates; throws WeightsError naming the file and the problem (not an atlas, wrong
/// version, truncated, corrupt, inconsistent).
TrainingAtlas loadAtlas(const std::string& path);

}  // namespace lesiondelta::ml
