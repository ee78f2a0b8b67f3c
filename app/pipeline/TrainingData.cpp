#include "TrainingData.h"

#include "SegmentationPipeline.h"

#include <algorithm>
#include <filesystem>

#include "lesiondelta/core/MaskImport.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"

namespace fs = std::filesystem;

namespace lesiondelta {
std::vector<ml::TrainingPair> loadTrainingPairs(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw VolumeError(folder, "training data folder not found");
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(folder, ec)) {
        if (e.is_directory() && fs::exists(e.path() / "fu.nii.gz")) dirs.push_back(e.path());
    }
    std::sort(dirs.begin(), dirs.end());
    if (dirs.empty()) throw VolumeError(folder, "holds no training pair (subfolders with bl.nii.gz, fu.nii.gz, new_lesions.nii.gz)");
    std::vector<ml::TrainingPair> pairs;
    for (const auto& d : dirs) {
        for (const char* f : {"bl.nii.gz", "new_lesions.nii.gz"}) {
            if (!fs::exists(d / f)) throw VolumeError((d / f).string(), "file not found (incomplete training pair)");
        }
        const auto fu = readVolume((d / "fu.nii.gz").string());
        const auto bl = readVolume((d / "bl.nii.gz").string());
        const auto target = readMask((d / "new_lesions.nii.gz").string());
        const auto grid = isotropicGridLike(*fu, 1.0);
        ml::TrainingPair p;
        p.name = d.filename().string();
        p.fu = toBuffer(*standardise(*resampleLinear(*fu, *grid)));
        p.bl = toBuffer(*standardise(*resampleLinear(*bl, *grid)));
        const auto t = resampleNearest(*target, *grid);
        p.target.assign(t->GetBufferPointer(), t->GetBufferPointer() + p.fu.count());
        pairs.push_back(std::move(p));
    }
    return pairs;
}

ml::TrainingPair loadLesionScan(const std::string& flairPath, const std::string& maskPath) {
    const auto flair = readVolume(flairPath);
    const auto mapped = mapMaskToGrid(*readMask(maskPath), *flair, maskPath);
    const auto grid = isotropicGridLike(*flair, 1.0);
    ml::TrainingPair p;
    p.name = fs::path(flairPath).parent_path().filename().string() + "/" + fs::path(flairPath).filename().string();
    p.fu = toBuffer(*standardise(*resampleLinear(*flair, *grid)));
    const auto t = resampleNearest(*mapped.mask, *grid);
    p.target.assign(t->GetBufferPointer(), t->GetBufferPointer() + p.fu.count());
    return p;
}

}  // namespace lesiondelta
