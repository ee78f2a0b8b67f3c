// lesiondelta-cli synth --atlas ATLAS --out DIR [--count 4] [--seed 1] [--crop 96] [--held-out]
//     [--whole-brain] [--stable | --changed] [--inserts MIN,MAX] [--device cpu|cuda]
//     [--series VISITS [--quiet]] [--clear] [--brighten-fraction F] [--stable-insert-fraction F]
//     [--insert-depth MM] [--faint-dot-fraction F] [--periventricular-fraction F]
// Synthetic BL/FU pairs from the training atlas, written as NIfTI to look at or to evaluate on:
// the same generator (ml/PairSynthesizer) the trainer calls every step. With --series, one
// synthetic patient course instead (a folder `series` reads; the truth in DIR/truth/).
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "Arguments.h"
#include "Commands.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/ml/ComputeDevice.h"
#include "lesiondelta/ml/PairSynthesizer.h"
#include "lesiondelta/ml/WeightsFile.h"
#include "lesiondelta/pipeline/ResultText.h"

namespace fs = std::filesystem;

namespace lesiondelta::cli {
namespace {

// A [P, P, P] (z, y, x) crop as a 1 mm volume with identity orientation (x fastest in both).
template <typename TImage>
typename TImage::Pointer asVolume(const torch::Tensor& crop) {
    const auto t = crop.to(torch::kCPU, torch::kFloat32).contiguous();
    auto image = TImage::New();
    typename TImage::RegionType region;
    for (int a = 0; a < 3; ++a) region.SetSize(a, t.size(2 - a));
    image->SetRegions(region);
    image->Allocate();
    const float* in = t.data_ptr<float>();
    auto* out = image->GetBufferPointer();
    for (int64_t i = 0; i < t.numel(); ++i) out[i] = static_cast<typename TImage::PixelType>(in[i]);
    return image;
}

/// Visit dates of a synthetic course: about six months apart.
std::string visitDate(int v) {
    static const char* const kDates[] = {"2020-01-15", "2020-07-14", "2021-01-12", "2021-07-13",
                                         "2022-01-11", "2022-07-12", "2023-01-10", "2023-07-11"};
    return kDates[v];
}

void writeSeries(ml::PairSynthesizer& synth, const ml::SeriesPlan& plan, const std::string& out, nlohmann::json& info) {
    const auto series = synth.nextSeries(plan);
    const fs::path truth = fs::path(out) / "truth";
    std::error_code ec;
    fs::create_directories(truth, ec);
    nlohmann::json visits = nlohmann::json::array(), lesions = nlohmann::json::array();
    for (int v = 0; v < plan.visits; ++v) {
        const std::string file = "flair_" + visitDate(v) + ".nii.gz";
        writeVolume(*asVolume<ImageVolume>(series.visits[v][0][0]), (fs::path(out) / file).string());
        nlohmann::json visit = {{"date", visitDate(v)}, {"flair", file}, {"acquisition", series.visitNotes[v]}};
        if (v > 0) {
            const std::string target = "interval_" + visitDate(v - 1) + "_to_" + visitDate(v) + ".nii.gz";
            writeMask(*asVolume<MaskVolume>(series.intervalTargets[v - 1][0][0]), (truth / target).string());
            visit["new_or_enlarged_since_previous"] = "truth/" + target;
        }
        visits.push_back(visit);
    }
    writeMask(*asVolume<MaskVolume>(series.lesionIds), (truth / "lesion_ids.nii.gz").string());
    for (std::size_t i = 0; i < series.lesions.size(); ++i) {
        const auto& l = series.lesions[i];
        lesions.push_back({{"id", i + 1},
                           {"first_seen", visitDate(l.appears)},
                           {"enlarges_again_at", l.enlarges >= 0 ? nlohmann::json(visitDate(l.enlarges)) : nullptr},
                           {"bank_voxels", l.bankVoxels},
                           {"voxels_final", (series.lesionIds == int16_t(i + 1)).sum().item<int64_t>()}});
    }
    info["series"] = {{"description", series.description}, {"visits", visits}, {"lesions", lesions}};
    writeTextAtomically((truth / "truth.json").string(), info.dump(2) + "\n");
    std::cout << series.description << "\n";
}

}  // namespace

int runSynth(const std::vector<std::string>& args) {
    const Arguments a(
        args,
        {"--atlas", "--out", "--count", "--seed", "--crop", "--inserts", "--device", "--series", "--brighten-fraction",
         "--stable-insert-fraction", "--insert-depth", "--faint-dot-fraction", "--periventricular-fraction"},
        {"--held-out", "--whole-brain", "--stable", "--changed", "--quiet", "--clear"});
    const std::string atlasPath = a.required("--atlas"), out = a.required("--out");
    const int count = int(a.number("--count", 4, 1, 10000));
    ml::SynthesisOptions o;
    o.crop = int64_t(a.number("--crop", 96, 16, 256));
    if (o.crop % 16) throw UsageError("--crop must be a multiple of 16");
    o.heldOut = a.flag("--held-out");
    o.centreOnBrain = a.flag("--whole-brain");
    if (a.flag("--stable") && a.flag("--changed")) throw UsageError("--stable and --changed exclude each other");
    if (a.flag("--stable")) o.stableFraction = 1.0;
    if (const auto inserts = a.optional("--inserts")) {
        if (std::sscanf(inserts->c_str(), "%d,%d", &o.insertMin, &o.insertMax) != 2 || o.insertMin < 0 ||
            o.insertMax < o.insertMin) {
            throw UsageError("--inserts takes MIN,MAX (e.g. 2,6)");
        }
    }
    if (a.flag("--clear")) {  // lesions a reader sees at once: 0.1-3 ml, bright, slices up to 3 mm
        o.smallLesionFraction = 0.0;
        o.contrastMin = 0.8;
        o.sliceMaxMm = 3.0;
    }
    o.brightenFraction = a.number("--brighten-fraction", 0.0, 0.0, 1.0);
    o.stableInsertFraction = a.number("--stable-insert-fraction", 0.0, 0.0, 1.0);
    o.setInsertDepth(int(a.number("--insert-depth", o.insertDepthMm, 1, ml::SynthesisOptions::kDeepInsertMm)));
    o.faintDotFraction = a.number("--faint-dot-fraction", 0.0, 0.0, 1.0);
    o.periventricularFraction = a.number("--periventricular-fraction", 0.0, 0.0, 1.0);
    if (o.brightenFraction + o.stableInsertFraction > 1)
        throw UsageError("--brighten-fraction and --stable-insert-fraction add up to more than 1");
    const auto seed = static_cast<std::uint64_t>(a.number("--seed", 1, 0, 4294967295.0));
    const auto device = ml::chooseDevice(a.optional("--device").value_or("cpu"));
    ml::TrainingAtlas atlas;
    try {
        atlas = ml::loadAtlas(atlasPath);
    } catch (const ml::WeightsError& e) {
        throw VolumeError(atlasPath, std::string(e.what()).substr(atlasPath.size() + 2));
    }
    torch::manual_seed(seed);
    ml::PairSynthesizer synth(atlas, o, device, seed);
    std::error_code ec;
    fs::create_directories(out, ec);
    if (!fs::is_directory(out)) throw VolumeError(out, "output folder cannot be created");
    if (const auto visits = a.optional("--series")) {
        ml::SeriesPlan plan;
        plan.visits = int(a.number("--series", 4, 2, 8));
        plan.quiet = a.flag("--quiet");
        nlohmann::json info = {{"software", {{"name", "LesionDelta"}, {"version", kVersion}}},
                               {"atlas", atlasPath},
                               {"seed", seed},
                               {"crop", o.crop},
                               {"held_out", o.heldOut}};
        writeSeries(synth, plan, out, info);
        std::cout << "wrote a " << plan.visits << "-visit series to " << out
                  << " (flair_DATE.nii.gz; truth/ holds the interval targets, lesion_ids.nii.gz, truth.json)\n";
        return 0;
    }
    nlohmann::json pairs = nlohmann::json::array();
    for (int i = 0; i < count; ++i) {
        const auto b = synth.next(1, a.flag("--changed"));
        char name[32];
        std::snprintf(name, sizeof name, "pair%03d", i + 1);
        const fs::path dir = fs::path(out) / name;
        fs::create_directories(dir, ec);
        writeVolume(*asVolume<ImageVolume>(b.bl[0][0]), (dir / "bl.nii.gz").string());
        writeVolume(*asVolume<ImageVolume>(b.fu[0][0]), (dir / "fu.nii.gz").string());
        writeMask(*asVolume<MaskVolume>(b.target[0][0]), (dir / "new_lesions.nii.gz").string());
        const double voxels = b.target.sum().item<double>();
        pairs.push_back({{"name", name}, {"description", b.descriptions[0]}, {"target_voxels", voxels}});
        std::cout << name << ": " << b.descriptions[0] << "; target " << voxels << " voxels\n";
    }
    const nlohmann::json info = {{"software", {{"name", "LesionDelta"}, {"version", kVersion}}},
                                 {"atlas", atlasPath},
                                 {"seed", seed},
                                 {"crop", o.crop},
                                 {"held_out", o.heldOut},
                                 {"whole_brain", o.centreOnBrain},
                                 {"pairs", pairs}};
    writeTextAtomically((fs::path(out) / "synth.json").string(), info.dump(2) + "\n");
    std::cout << "wrote " << count << " pairs to " << out << " (pairNNN/{bl,fu,new_lesions}.nii.gz, synth.json)\n";
    return 0;
}

}  // namespace lesiondelta::cli
