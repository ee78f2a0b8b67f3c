#pragma once
// The result files of one case: what `segment` (and `batch`, `report --compute`, the window's
// Detect) writes, and what the window, the reports and `batch` read back. Their names exist only
// here.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct SegmentationResult;

class ResultsFolder {
public:
    explicit ResultsFolder(std::filesystem::path dir) : dir_(std::move(dir)) {}

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path newLesions() const { return dir_ / "new_lesions.nii.gz"; }   // uint8, FU grid
    std::filesystem::path probability() const { return dir_ / "probability.nii.gz"; }  // float32, FU grid
    std::filesystem::path blInFu() const { return dir_ / "bl_in_fu.nii.gz"; }          // BL on the FU grid
    std::filesystem::path transform() const { return dir_ / "bl_to_fu.tfm"; }          // FU -> BL points
    std::filesystem::path lesionTable() const { return dir_ / "lesions.csv"; }
    std::filesystem::path summary() const { return dir_ / "summary.json"; }  // written last
    /// The results as DICOM objects for the PACS (pacs send, File > Send results to PACS).
    std::filesystem::path dicomDir() const { return dir_ / "dicom"; }

    /// The six files write() makes, summary.json last (it is written last).
    std::vector<std::filesystem::path> files() const {
        return {newLesions(), probability(), blInFu(), transform(), lesionTable(), summary()};
    }

    /// The names of what write() makes, for messages: "{new_lesions.nii.gz, ..., summary.json}".
    static std::string fileList();

    /// A CNN result to show: new_lesions and probability both exist.
    bool hasCnnResult() const;

    /// Writes the six files of `segment` into the folder (created when needed), each atomically,
    /// summary.json last. Throws VolumeError naming the folder or file that failed.
    void write(const SegmentationResult& result) const;

    /// When the folder holds results, moves them (each a rename) into earlier/<time>/, <time> being
    /// when their summary.json was written (UTC, 2026-11-30T145500), so that new results written
    /// next keep the old ones. Returns that folder; empty when there was nothing to keep. Throws
    /// VolumeError naming the folder when they cannot be moved (nothing is then overwritten).
    std::filesystem::path keepEarlier() const;
    std::filesystem::path earlierDir() const { return dir_ / "earlier"; }

    /// summary.json parsed; null when it does not exist; VolumeError naming it when malformed.
    nlohmann::json readSummary() const;

    /// probability.nii.gz; VolumeError naming it when it does not lie on `fu`'s grid.
    ImageVolume::Pointer readProbability(const ImageVolume& fu) const;

    /// bl_in_fu.nii.gz when it exists and lies on `fu`'s grid, else null.
    ImageVolume::Pointer readBlInFu(const ImageVolume& fu) const;

private:
    std::filesystem::path dir_;
};

}  // namespace lesiondelta
