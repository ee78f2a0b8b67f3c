// lesiondelta-cli synth --flair F [--lesions M] [--shapes-flair F2 --shapes-mask M2 ...] --seed N --out DIR
//                       [--inserts N | --no-change] [--no-nuisance]
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "Arguments.h"
#include "Commands.h"
#include "ResultText.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/MaskImport.h"
#include "lesiondelta/core/PairSynthesis.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"

namespace lesiondelta::cli {

int runSynth(const std::vector<std::string>& args) {
    const Arguments a(args, {"--flair", "--lesions", "--shapes-flair", "--shapes-mask", "--seed", "--out", "--inserts"},
                      {"--no-nuisance", "--no-change"});
    const std::string flairPath = a.required("--flair"), out = a.required("--out");
    const auto lesionPath = a.optional("--lesions");
    const auto shapeFlairs = a.all("--shapes-flair"), shapeMasks = a.all("--shapes-mask");
    if (shapeFlairs.size() != shapeMasks.size()) throw UsageError("give --shapes-flair and --shapes-mask in pairs");
    SynthesisOptions options;
    options.seed = static_cast<unsigned>(a.number("--seed", 1, 0, 4294967295.0));
    options.nuisance = !a.flag("--no-nuisance");
    if (const auto n = a.optional("--inserts")) {
        options.insertMin = 0;
        options.insertMax = static_cast<int>(a.number("--inserts", 3, 0, 50));
    }

    if (a.flag("--no-change")) {
        // A stable pair: only scan nuisance and shrinking lesions (not marked); the target is empty.
        if (a.optional("--inserts")) throw UsageError("--no-change and --inserts exclude each other");
        options.removeFraction = 0.0;
        options.enlargeFraction = 0.0;
        options.insertMin = options.insertMax = 0;
    }
    const auto flair = readVolume(flairPath);
    MaskVolume::ConstPointer lesions;
    std::vector<LesionShape> shapes;
    try {
        if (lesionPath) {
            const auto mapped = mapMaskToGrid(*readMask(*lesionPath), *flair, *lesionPath);
            if (!mapped.warning.empty()) std::cerr << "warning: " << mapped.warning << "\n";
            lesions = mapped.mask;
            shapes = extractLesionShapes(*flair, *lesions);
        }
        for (std::size_t i = 0; i < shapeFlairs.size(); ++i) {
            const auto f = readVolume(shapeFlairs[i]);
            const auto m = mapMaskToGrid(*readMask(shapeMasks[i]), *f, shapeMasks[i]);
            const auto more = extractLesionShapes(*f, *m.mask);
            shapes.insert(shapes.end(), more.begin(), more.end());
        }
    } catch (const VolumeError& e) {
        if (e.path().empty()) throw VolumeError(flairPath, e.problem());
        throw;
    }
    SyntheticPair pair;
    try {
        pair = synthesisePair(*flair, lesions.GetPointer(), shapes, options);
    } catch (const VolumeError& e) {
        throw VolumeError(flairPath, e.problem());
    }
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (!std::filesystem::is_directory(out)) throw VolumeError(out, "output folder cannot be created");
    const std::filesystem::path dir(out);
    writeVolume(*pair.bl, (dir / "bl.nii.gz").string());
    writeVolume(*pair.fu, (dir / "fu.nii.gz").string());
    writeMask(*pair.newLesions, (dir / "new_lesions.nii.gz").string());
    const nlohmann::json info = {{"software", {{"name", "LesionDelta"}, {"version", kVersion}}},
                                 {"flair", flairPath},
                                 {"lesions", lesionPath.value_or("")},
                                 {"shapes", shapes.size()},
                                 {"seed", options.seed},
                                 {"nuisance", options.nuisance},
                                 {"removed", pair.removed},
                                 {"inserted", pair.inserted},
                                 {"enlarged", pair.enlarged},
                                 {"shrunk_not_marked", pair.shrunk},
                                 {"bl_shift_mm", {pair.shiftMm[0], pair.shiftMm[1], pair.shiftMm[2]}},
                                 {"bl_rotation_deg", pair.rotationDeg},
                                 {"description", pair.description}};
    writeTextAtomically((dir / "synth.json").string(), info.dump(2) + "\n");
    std::cout << pair.description << "\nwrote " << out << "/{bl.nii.gz, fu.nii.gz, new_lesions.nii.gz, synth.json}\n";
    return 0;
}

}  // namespace lesiondelta::cli
