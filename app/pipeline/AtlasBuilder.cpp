#include "lesiondelta/pipeline/AtlasBuilder.h"

#include <itkImageRegionConstIterator.h>
#include <itkImageRegionConstIteratorWithIndex.h>
#include <itkLabelImageToShapeLabelMapFilter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "lesiondelta/core/BiasCorrection.h"
#include "lesiondelta/core/BrainMask.h"
#include "lesiondelta/core/ChangeDirection.h"
#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/MaskBoundingBox.h"
#include "lesiondelta/core/MaskedStatistics.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/TransformIO.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/CnnInput.h"
#include "lesiondelta/pipeline/PairLoading.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace fs = std::filesystem;

namespace lesiondelta {
namespace {

using Index = itk::Index<kDim>;

std::string existing(const fs::path& p) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) throw VolumeError(p.string(), "file not found (needed for the training atlas)");
    return p.string();
}

using Region = itk::ImageRegion<kDim>;

// (z, y, x) tensor of an ITK volume's region (x fastest in both).
template <typename TImage>
torch::Tensor boxTensor(const TImage& image, const Region& box, torch::ScalarType type) {
    const auto& n = box.GetSize();
    auto t = torch::empty({int64_t(n[2]), int64_t(n[1]), int64_t(n[0])}, torch::kFloat32);
    float* out = t.data_ptr<float>();
    for (itk::ImageRegionConstIterator<TImage> it(&image, box); !it.IsAtEnd(); ++it)
        *out++ = static_cast<float>(it.Get());
    return t.to(type);
}

double medianOf(std::vector<float>& v) {
    if (v.empty()) return 0.0;
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

// One training scan: 1 mm, N4, z-score, head crop, brain estimate.
ml::AtlasScan atlasScan(const std::string& name, const std::string& flairPath, const MaskVolume* lesions1mm,
                        const ImageVolume::Pointer& iso) {
    auto corrected = correctBias(*iso, *headMask(*iso));
    const auto z = standardise(*corrected);
    const auto head = headMask(*corrected);
    const auto brain = brainMask(*corrected);
    const auto box = maskBoundingBox(*head, 3);
    if (box.GetNumberOfPixels() == 0) throw VolumeError(flairPath, "has no head region to train on");
    ml::AtlasScan s;
    s.name = name;
    s.flair = boxTensor(*z, box, torch::kFloat32);
    s.brain = boxTensor(*brain, box, torch::kUInt8);
    const auto& lo = box.GetIndex();
    s.mniCropStart = {lo[2], lo[1], lo[0]};
    std::vector<float> tissue, lesion;
    for (itk::ImageRegionConstIteratorWithIndex<MaskVolume> it(brain, brain->GetBufferedRegion()); !it.IsAtEnd();
         ++it) {
        if (!it.Get()) continue;
        const float v = z->GetPixel(it.GetIndex());
        (lesions1mm && lesions1mm->GetPixel(it.GetIndex()) ? lesion : tissue).push_back(v);
    }
    s.tissueMedian = medianOf(tissue);
    s.lesionContrast = lesion.empty() ? 0.0 : medianOf(lesion) - s.tissueMedian;
    return s;
}

// Every 26-connected component of >= 3 voxels of `mask1mm` (a 1 mm grid) as a bank lesion; with
// `mniGrid`, its box's MNI position is recorded.
void addLesions(std::vector<ml::BankLesion>& bank, const std::string& source, const MaskVolume& mask1mm,
                const ImageVolume* mniGrid, bool heldOut) {
    const auto labels = labelLesions(mask1mm, 2.5 * voxelVolumeMl(mask1mm));  // >= 3 voxels
    // Each lesion's box (voxels of the 1 mm mask), in label order.
    auto shapes = itk::LabelImageToShapeLabelMapFilter<LabelVolume>::New();
    shapes->SetInput(labels);
    shapes->SetComputePerimeter(false);
    shapes->Update();
    const auto* map = shapes->GetOutput();
    for (unsigned int i = 0; i < map->GetNumberOfLabelObjects(); ++i) {
        const auto* lesion = map->GetNthLabelObject(i);
        const Region box = lesion->GetBoundingBox();
        const Index lo = box.GetIndex();
        ml::BankLesion b;
        b.source = source;
        b.heldOut = heldOut;
        auto t = boxTensor(*labels, box, torch::kInt64);
        b.mask = (t == int64_t(lesion->GetLabel())).to(torch::kUInt8);
        b.voxels = b.mask.sum().item<int64_t>();
        if (mniGrid) {
            PhysicalPointLps p;
            mask1mm.TransformIndexToPhysicalPoint(lo, p);
            Index m;
            mniGrid->TransformPhysicalPointToIndex(p, m);
            b.mniOrigin = {m[2], m[1], m[0]};
        }
        bank.push_back(std::move(b));
    }
}

// A real pair as segment prepares it (registration, 1 mm FU space, N4, z-score), cropped to the
// search region's box plus 16 mm of context, with the reference realpair_eval scores against:
// the increasing components (>= 0.01 ml) of the change mask, split on FU's own grid.
ml::AtlasRealPair atlasRealPair(const fs::path& dir, const std::string& name) {
    SegmentationInput in;
    in.blPath = existing(dir / "study1_FLAIR.nii.gz");
    in.fuPath = existing(dir / "study2_FLAIR.nii.gz");
    nlohmann::json timings;
    const auto pair = loadAndRegisterPair(in, timings);
    // The change mask lives in the dataset's common space; its FU transform maps common -> FU
    // points, so FU points reach it through the inverse.
    const auto fuToCommon = readTransform(existing(dir / "study2_FLAIR_to_common_space.txt"), true);
    const auto change = resampleNearest(*readMask(existing(dir / "gt.nii.gz")), *pair.fu, fuToCommon);
    const auto increase = splitChangeByDirection(*change, *pair.blInFu, *pair.fu).increase;
    // The search region from the registration's FU brain estimate, as segment makes it.
    const auto cnn = prepareCnnInput(*pair.bl, *pair.fu, *pair.registration.fuToBl, kDefaultBrainRimMm, true, nullptr,
                                     pair.registration.fuBrain.GetPointer());
    const auto target = resampleNearest(*increase, *cnn.fu);
    const auto box = maskBoundingBox(*cnn.searchRegion, 16);
    if (box.GetNumberOfPixels() == 0) throw VolumeError(in.fuPath, "has no search region to train on");
    ml::AtlasRealPair r;
    r.name = name;
    r.bl = boxTensor(*cnn.bl, box, torch::kFloat32);
    r.fu = boxTensor(*cnn.fu, box, torch::kFloat32);
    r.target = boxTensor(*target, box, torch::kUInt8);
    r.region = boxTensor(*cnn.searchRegion, box, torch::kUInt8);
    return r;
}

}  // namespace

ml::TrainingAtlas buildTrainingAtlas(const AtlasSources& src) {
    const fs::path data(src.dataFolder);
    const fs::path mniFolder = data / "ljubljana-cross-sectional-mni";
    const fs::path single = data / "ljubljana-longitudinal/single-timepoint";
    const fs::path bankFolder = data / "ljubljana-lesion-masks";
    auto log = [&](const std::string& s) {
        if (src.log) src.log(s);
    };
    ml::TrainingAtlas atlas;

    // The MNI 1 mm grid, from one MNI FLAIR (all MNI FLAIRs and masks share it).
    const auto mniGrid = isotropicGridLike(*readVolume(existing(mniFolder / "patient07/FLAIR.nii.gz")), 1.0);
    for (const char* p : {"07", "19", "26"}) {
        const std::string flairPath = existing(mniFolder / ("patient" + std::string(p)) / "FLAIR.nii.gz");
        const std::string maskPath = existing(mniFolder / ("patient" + std::string(p)) / "lesion_mask.nii.gz");
        log("scan mni/patient" + std::string(p));
        const auto iso = resampleLinear(*readVolume(flairPath), *mniGrid);
        const auto lesions = resampleNearest(*readMask(maskPath), *mniGrid);
        auto s = atlasScan("mni/patient" + std::string(p), flairPath, lesions.GetPointer(), iso);
        s.mni = true;
        s.heldOut = src.heldOutMni == p;
        s.ownLesions = "mni/patient" + std::string(p);
        atlas.scans.push_back(std::move(s));
    }
    for (const auto& [patient, study] :
         std::vector<std::pair<std::string, std::string>>{{"04", "study1"}, {"09", "study2"}, {"20", "study2"}}) {
        const std::string flairPath = existing(single / ("patient" + patient) / (study + "_FLAIR.nii.gz"));
        log("scan raw/patient" + patient);
        const auto flair = readVolume(flairPath);
        const auto iso = resampleLinear(*flair, *isotropicGridLike(*flair, 1.0));
        atlas.scans.push_back(atlasScan("raw/patient" + patient, flairPath, nullptr, iso));
    }
    // The lesion bank: 30 MNI masks (real shapes and positions) and 16 change masks (real shapes).
    for (int p = 1; p <= 30; ++p) {
        char number[8];
        std::snprintf(number, sizeof number, "%02d", p);  // patient01 ... patient30
        const std::string id = number;
        const std::string path =
            existing(bankFolder / "cross-sectional-mni" / ("patient" + id + "_lesion_mask.nii.gz"));
        const auto mask = resampleNearest(*readMask(path), *mniGrid);
        addLesions(atlas.bank, "mni/patient" + id, *mask, mniGrid.GetPointer(), id == src.heldOutMni);
    }
    std::vector<fs::path> changeFolders;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(bankFolder / "longitudinal-change", ec))
        changeFolders.push_back(e.path());
    if (ec || changeFolders.empty())
        throw VolumeError((bankFolder / "longitudinal-change").string(), "folder not found or empty");
    std::sort(changeFolders.begin(), changeFolders.end());
    for (const auto& f : changeFolders) {
        const auto gt = readMask(existing(f / "gt.nii.gz"));
        const auto mask = resampleNearest(*gt, *isotropicGridLike(*gt, 1.0));
        addLesions(atlas.bank, "change/" + f.filename().string(), *mask, nullptr, false);
    }
    log("bank: " + std::to_string(atlas.bank.size()) + " lesions");
    for (const auto& id : src.realPairs) {
        const std::string name = "longitudinal/patient" + id;
        log("real pair " + name);
        atlas.realPairs.push_back(atlasRealPair(data / "ljubljana-longitudinal" / ("patient" + id), name));
        log("  " + std::to_string(atlas.realPairs.back().target.sum().item<int64_t>()) + " target voxels");
    }
    return atlas;
}

}  // namespace lesiondelta
