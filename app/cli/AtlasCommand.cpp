// lesiondelta-cli atlas --data DIR --out FILE [--held-out 26] [--real-pair 01]: the training atlas
// (TrainingAtlas.h).
#include <chrono>
#include <filesystem>
#include <iostream>

#include "Arguments.h"
#include "Commands.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/pipeline/AtlasBuilder.h"

namespace lesiondelta::cli {

int runAtlas(const std::vector<std::string>& args) {
    const Arguments a(args, {"--data", "--out", "--held-out", "--real-pair"}, {});
    AtlasSources src;
    src.dataFolder = a.required("--data");
    const std::string out = a.required("--out");
    src.heldOutMni = a.optional("--held-out").value_or("26");
    if (src.heldOutMni != "07" && src.heldOutMni != "19" && src.heldOutMni != "26") {
        throw UsageError("--held-out must be one of the MNI patients 07, 19, 26");
    }
    src.realPairs = a.all("--real-pair");
    for (const auto& id : src.realPairs) {
        if (id == "03") throw UsageError("--real-pair 03: real pair 03 is the test pair and is never trained on");
        if (id != "01") throw UsageError("--real-pair must be 01 (the one real pair that may be trained on)");
    }
    src.log = [](const std::string& s) { std::cerr << s << "\n"; };
    const auto start = std::chrono::steady_clock::now();
    auto atlas = buildTrainingAtlas(src);
    std::string command = "lesiondelta-cli atlas";
    for (const auto& s : args) command += " " + s;
    atlas.description = "LesionDelta " + std::string(kVersion) + ": " + command +
                        "; scans: MNI 07/19/26 (with lesion masks), raw single-time-point 04/09/20; bank: 30 MNI "
                        "lesion masks + 16 longitudinal change masks; held out: MNI patient " +
                        src.heldOutMni + (src.realPairs.empty() ? "" : "; real pair: longitudinal patient01");
    ml::saveAtlas(atlas, out);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "wrote " << out << ": " << atlas.scans.size() << " scans, " << atlas.bank.size() << " bank lesions, "
              << (atlas.realPairs.empty() ? "" : std::to_string(atlas.realPairs.size()) + " real pair(s), ")
              << std::filesystem::file_size(out) / 1e6 << " MB, " << int(seconds) << " s\n";
    return 0;
}

}  // namespace lesiondelta::cli
