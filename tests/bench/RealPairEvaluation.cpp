// Lesion-wise evaluation on the real Ljubljana pairs (patients 01 and 03), printed like the
// paper's Table 2. Reference: the positive-change (new/enlarging) components of each pair's
// change mask, mapped from the dataset's common space into FU space with its own transform.
//   realpair_eval [--model MODEL.safetensors] [--precision auto|fp32|bf16] [--crops tiles|paper] [--data DIR]
//                 [--threshold T]
//                 [--rim-mm 5] [--bias-correction on|off] [--lesions on] [--pictures DIR] [--amplify K]
// --lesions on lists every reference lesion: volume, FU/BL contrast (against the head and against
// its surroundings), the share of it in the CNN's search region, the CNN's highest probability in it
// and whether it was found (where the misses lie: small, faint, outside the region or just under
// the threshold), then the CNN's false positives;
// --pictures DIR also writes DIR/PATIENT-lesionNN.png and PATIENT-fpNN.png: BL | FU | FU with the
// reference (green) and the CNN's lesions (magenta) outlined, a 48 mm axial patch around each.
// --amplify K (a probe, not an evaluation): before the CNN runs, each reference lesion's change
// in FU is made K times as large (FU' = FU + (K - 1) (FU - g BL) inside the lesion, BL registered
// into FU space, g the heads' FU/BL median ratio; written to a temporary file that the CNN reads)
// - how much more change would the network need to see the lesions it misses?
// Always evaluates the classical baseline detector; the CNN too when a model is given.
// Nothing here is fitted to these two cases.
#include <itkImageDuplicator.h>

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "lesiondelta/core/ChangeDirection.h"
#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/LesionMetrics.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/TransformIO.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"
#include "lesiondelta/report/SliceImages.h"

namespace fs = std::filesystem;
using namespace lesiondelta;

namespace {

struct Row {
    std::string method, patient;
    LesionMetrics m;
};

void printSummary(const std::string& method, const std::vector<Row>& rows) {
    std::vector<AveragedMetrics> perCase;
    for (const auto& r : rows) {
        if (r.method == method) perCase.push_back(averageMetrics({r.m}));
    }
    const auto s = summariseCases(perCase);
    auto cell = [](const MeanSd& m) {
        if (m.n == 0) return std::string("undefined");
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.2f +- %.2f", m.mean, m.sd);
        return std::string(buf);
    };
    std::printf("| %-18s | %-13s | %-13s | %-13s | %-13s |\n", method.c_str(), cell(s.sensitivity).c_str(),
                cell(s.dice).c_str(), cell(s.falsePositives).c_str(), cell(s.fpr).c_str());
}

// BL | FU | FU with the reference (green) and the CNN's lesions (magenta) outlined: a 48 mm axial
// patch around the lesion's centroid, drawn by the report's slice pictures, as a PNG.
void writeLesionPicture(const fs::path& file, const Lesion& l, const MaskVolume& reference, const ImageVolume& blInFu,
                        const ImageVolume& fu, const MaskVolume& predicted) {
    report::AxialPatch patch;
    patch.centre = PhysicalPointLps(l.centroidLpsMm.data());
    patch.widthMm = patch.heightMm = 48.0;
    patch.pixelMm = 0.25;
    const QImage bl = report::axialImage(blInFu, patch, report::robustWindow(blInFu));
    const QImage plain = report::axialImage(fu, patch, report::robustWindow(fu));
    QImage outlined = plain.copy();
    report::outlineMask(outlined, predicted, patch, QColor(255, 0, 255));
    report::outlineMask(outlined, reference, patch, QColor(0, 230, 0));
    QImage strip(3 * patch.width(), patch.height(), QImage::Format_RGB32);
    QPainter painter(&strip);
    painter.drawImage(0, 0, bl);
    painter.drawImage(patch.width(), 0, plain);
    painter.drawImage(2 * patch.width(), 0, outlined);
    painter.end();
    if (!strip.save(QString::fromStdString(file.string())))
        std::fprintf(stderr, "could not write %s\n", file.string().c_str());
}

// One line per reference lesion (FU grid): where the CNN's misses lie.
// `networkBl`/`networkFu`: the CNN's standardised inputs brought onto the FU grid, for each lesion's
// change in the units the network sees (pair_contrast measures synthetic pairs so). `split`: the
// reference split (its increasing lesions and the FU/BL gain it compared them with).
void printReferenceLesions(const std::string& patient, const ChangeSplit& split, const ImageVolume& blInFu,
                           const ImageVolume& fu, const ImageVolume& networkBl, const ImageVolume& networkFu,
                           const SegmentationResult& cnn, const fs::path& pictures) {
    const MaskVolume& reference = *split.increase;
    const auto labels = labelLesions(reference);
    const auto table = lesionTable(reference, kMinLesionMl, &blInFu, &fu);
    const auto networkTable = lesionTable(reference, kMinLesionMl, &networkBl, &networkFu);
    std::vector<float> maxProbability(table.size() + 1, 0.f);
    std::vector<bool> found(table.size() + 1, false);
    std::vector<std::size_t> voxels(table.size() + 1, 0), searched(table.size() + 1, 0);
    const auto* region = cnn.searchRegion->GetBufferPointer();
    const auto* label = labels->GetBufferPointer();
    const auto* probability = cnn.probability->GetBufferPointer();
    const auto* predicted = cnn.newLesions->GetBufferPointer();
    const std::size_t n = labels->GetLargestPossibleRegion().GetNumberOfPixels();
    for (std::size_t i = 0; i < n; ++i) {
        if (label[i] == 0 || label[i] > table.size()) continue;
        maxProbability[label[i]] = std::max(maxProbability[label[i]], probability[i]);
        if (predicted[i]) found[label[i]] = true;
        ++voxels[label[i]];
        searched[label[i]] += region[i] != 0;
    }
    // FU/BL of the lesion relative to FU/BL of the head (the scanners' scales differ): the gain the
    // reference split used.
    const double scale = split.gain;
    // The lesion's contrast over its surroundings (median of the non-reference voxels within 5
    // voxels in-plane and one slice) in FU, divided by the same in BL: > 1 brighter than before.
    const auto size = fu.GetLargestPossibleRegion().GetSize();
    auto localChange = [&](const Lesion& l) {
        std::vector<float> shellFu, shellBl;
        for (long k = std::max(0L, l.boxMinIndex[2] - 1); k <= std::min(long(size[2]) - 1, l.boxMaxIndex[2] + 1); ++k)
            for (long j = std::max(0L, l.boxMinIndex[1] - 5); j <= std::min(long(size[1]) - 1, l.boxMaxIndex[1] + 5);
                 ++j)
                for (long i = std::max(0L, l.boxMinIndex[0] - 5);
                     i <= std::min(long(size[0]) - 1, l.boxMaxIndex[0] + 5); ++i) {
                    const itk::Index<3> at{{i, j, k}};
                    if (reference.GetPixel(at)) continue;
                    shellFu.push_back(fu.GetPixel(at)), shellBl.push_back(blInFu.GetPixel(at));
                }
        if (shellFu.empty()) return 1.0;
        auto median = [](std::vector<float>& v) {
            std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
            return double(v[v.size() / 2]);
        };
        return (l.meanFu / std::max(1e-6, median(shellFu))) / (l.meanBl / std::max(1e-6, median(shellBl)));
    };
    std::printf(
        "%s reference lesions (FU grid): id, ml, (FU/BL)/(FU/BL of the head), the same over its surroundings, "
        "FU - BL in the network's input (z units; BL there), slice, share of it in the CNN's search region, max CNN "
        "probability, found\n",
        patient.c_str());
    for (const auto& l : table) {
        const auto& z = networkTable[l.id - 1];
        std::printf("  %2u  %.3f ml  %.2f  %.2f  %+.2f (%+.2f)  k=%ld  %3.0f %%  %.2f  %s\n", l.id, l.volumeMl,
                    l.meanFu / std::max(1e-6, l.meanBl) / scale, localChange(l), z.meanFu - z.meanBl, z.meanBl,
                    std::lround(l.centroidIndex[2]),
                    100.0 * double(searched[l.id]) / double(std::max<std::size_t>(1, voxels[l.id])),
                    maxProbability[l.id], found[l.id] ? "found" : "missed");
        if (!pictures.empty()) {
            char name[64];
            std::snprintf(name, sizeof name, "%s-lesion%02u.png", patient.c_str(), l.id);
            writeLesionPicture(pictures / name, l, reference, blInFu, fu, *cnn.newLesions);
        }
    }
    // The CNN's false positives: its lesions that touch no reference voxel.
    const auto predictedLabels = labelLesions(*cnn.newLesions);
    const auto predictedTable = lesionTable(*cnn.newLesions);
    std::vector<bool> hits(predictedTable.size() + 1, false);
    const auto* pl = predictedLabels->GetBufferPointer();
    const auto* ref = reference.GetBufferPointer();
    for (std::size_t i = 0; i < n; ++i) {
        if (pl[i] && pl[i] <= predictedTable.size() && ref[i]) hits[pl[i]] = true;
    }
    for (const auto& l : predictedTable) {
        if (hits[l.id]) continue;
        std::printf("  FP %2u  %.3f ml  k=%ld  at FU voxel (%ld, %ld)\n", l.id, l.volumeMl,
                    std::lround(l.centroidIndex[2]), std::lround(l.centroidIndex[0]), std::lround(l.centroidIndex[1]));
        if (!pictures.empty()) {
            char name[64];
            std::snprintf(name, sizeof name, "%s-fp%02u.png", patient.c_str(), l.id);
            writeLesionPicture(pictures / name, l, reference, blInFu, fu, *cnn.newLesions);
        }
    }
}

// Deletes a temporary file however its scope ends (an error in the segmentation included).
struct RemovedAtScopeEnd {
    fs::path path;
    ~RemovedAtScopeEnd() {
        std::error_code ignored;
        if (!path.empty()) fs::remove(path, ignored);
    }
};

// FU with each reference lesion's change over BL made `k` times as large (see --amplify).
ImageVolume::Pointer amplifiedChange(const ImageVolume& fu, const ImageVolume& blInFu, const ChangeSplit& split,
                                     double k) {
    const MaskVolume& reference = *split.increase;
    const double gain = split.gain;
    auto copy = itk::ImageDuplicator<ImageVolume>::New();
    copy->SetInputImage(&fu);
    copy->Update();
    ImageVolume::Pointer out = copy->GetOutput();
    auto* v = out->GetBufferPointer();
    const auto* bl = blInFu.GetBufferPointer();
    const auto* ref = reference.GetBufferPointer();
    const std::size_t n = out->GetLargestPossibleRegion().GetNumberOfPixels();
    for (std::size_t i = 0; i < n; ++i)
        if (ref[i]) v[i] = std::max(0.f, float(v[i] + (k - 1.0) * (v[i] - gain * bl[i])));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path data = fs::path(LESIONDELTA_SHARED_DATA) / "ljubljana-longitudinal";
    std::string model, precision = "fp32", crops = "tiles";
    double rimMm = kDefaultBrainRimMm;
    double threshold = -1.0;  // < 0: the model's own
    double amplify = 1.0;
    bool bias = true, listLesions = false;
    fs::path pictures;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--model")
            model = argv[i + 1];
        else if (a == "--precision")
            precision = argv[i + 1];
        else if (a == "--crops")
            crops = argv[i + 1];
        else if (a == "--data")
            data = argv[i + 1];
        else if (a == "--rim-mm")
            rimMm = std::atof(argv[i + 1]);
        else if (a == "--threshold")
            threshold = std::atof(argv[i + 1]);
        else if (a == "--bias-correction")
            bias = std::string(argv[i + 1]) == "on";
        else if (a == "--amplify")
            amplify = std::atof(argv[i + 1]);
        else if (a == "--lesions")
            listLesions = std::string(argv[i + 1]) == "on";
        else if (a == "--pictures")
            pictures = argv[i + 1], listLesions = true, fs::create_directories(pictures);
    }
    std::vector<Row> rows;
    try {
        for (const std::string patient : {"patient01", "patient03"}) {
            const fs::path dir = data / patient;
            if (!fs::exists(dir)) {
                std::printf("%s not found: skipped\n", dir.string().c_str());
                continue;
            }
            SegmentationInput in;
            in.blPath = (dir / "study1_FLAIR.nii.gz").string();
            in.fuPath = (dir / "study2_FLAIR.nii.gz").string();
            const auto baseline = runSubtractionBaseline(in);
            // gt lives in common space; the dataset's transform maps common -> FU raw points, so
            // resampling onto the FU grid needs its inverse (FU points -> common points).
            const auto fuToCommon = readTransform((dir / "study2_FLAIR_to_common_space.txt").string(), true);
            const auto change = resampleNearest(*readMask((dir / "gt.nii.gz").string()), *baseline.fu, fuToCommon);
            const auto split = splitChangeByDirection(*change, *baseline.blInFu, *baseline.fu);
            std::printf("%s: change mask in FU space has %u increasing and %u decreasing components >= 0.01 ml\n",
                        patient.c_str(), split.increasing, split.decreasing);
            rows.push_back({"baseline", patient, compareLesions(*baseline.newLesions, *split.increase)});
            if (!model.empty()) {
                in.modelPath = model;
                in.precision = precision;
                in.crops = crops;
                in.brainRimMm = rimMm;
                in.biasCorrection = bias;
                in.threshold = threshold;
                const fs::path probe = fs::temp_directory_path() / ("realpair-amplified-" + patient + ".nii.gz");
                const RemovedAtScopeEnd probeFile{amplify != 1.0 ? probe : fs::path()};
                if (amplify != 1.0) {
                    writeVolume(*amplifiedChange(*baseline.fu, *baseline.blInFu, split, amplify), probe.string());
                    in.fuPath = probe.string();
                    std::printf("%s: reference lesions' change amplified %.2f x (FU read from %s)\n", patient.c_str(),
                                amplify, probe.string().c_str());
                }
                const auto cnn = runSegmentation(in);
                rows.push_back({"CNN", patient, compareLesions(*cnn.newLesions, *split.increase)});
                std::printf("%s: CNN %s, %s crops: %d run, inference %.1f s, total %.1f s\n", patient.c_str(),
                            cnn.summary["precision"].get<std::string>().c_str(), crops.c_str(),
                            cnn.summary["inference"]["crops_run"].get<int>(),
                            cnn.summary["timings"]["inference_s"].get<double>(),
                            cnn.summary["timings"]["total_s"].get<double>());
                if (listLesions) {
                    const auto network = prepareCnnInput(*readVolume(in.blPath), *cnn.fu, *cnn.fuToBl, rimMm, bias);
                    printReferenceLesions(patient, split, *baseline.blInFu, *baseline.fu,
                                          *resampleLinear(*network.bl, *baseline.fu),
                                          *resampleLinear(*network.fu, *baseline.fu), cnn, pictures);
                }
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    std::printf(
        "\n| method | patient | reference lesions | found | false positives | Dice (matched) "
        "|\n|---|---|---|---|---|---|\n");
    for (const auto& r : rows) {
        std::printf("| %s | %s | %u | %u | %u | %s |\n", r.method.c_str(), r.patient.c_str(), r.m.referenceLesions,
                    r.m.detectedReference, r.m.falsePositives,
                    r.m.dice ? std::to_string(*r.m.dice).substr(0, 4).c_str() : "undefined");
    }
    std::printf("\nMean +- sd over the pairs (paper's Table 2 columns):\n");
    std::printf("| %-18s | %-13s | %-13s | %-13s | %-13s |\n", "method", "sensitivity", "Dice", "FP count", "FPR");
    printSummary("baseline", rows);
    if (!model.empty()) printSummary("CNN", rows);
    return 0;
}
