// lesiondelta-cli synth --atlas ATLAS --out DIR [--count 4] [--seed 1] [--crop 96] [--held-out]
//     [--whole-brain] [--stable | --changed] [--inserts MIN,MAX] [--device cpu|cuda]
// Synthetic BL/FU pairs from the training atlas, written as NIfTI to look at or to evaluate on:
// the same generator (ml/PairSynthesizer) the trainer calls every step.
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

}  // namespace

int runSynth(const std::vector<std::string>& args) {
    const Arguments a(args, {"--atlas", "--out", "--count", "--seed", "--crop", "--inserts", "--device"},
                      {"--held-out", "--whole-brain", "--stable", "--changed"});
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
