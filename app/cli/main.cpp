// lesiondelta-cli: the command-line front end of LesionDelta.
#include <iostream>
#include <string>
#include <vector>

#include "Arguments.h"
#include "Commands.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/Progress.h"
#include "lesiondelta/core/VolumeError.h"

namespace {

const char* kUsage = R"(Usage: lesiondelta-cli <verb> [options]

Finds and measures new or enlarged multiple-sclerosis lesions between a baseline (BL) and a
follow-up (FU) FLAIR scan. Images: NIfTI (.nii/.nii.gz), NRRD, MetaImage (.mha/.mhd) or a DICOM
series folder (--bl-series/--fu-series UID when a folder holds several series).

Verbs:
  register --bl BL --fu FU --out DIR
      Rigidly registers BL to FU. Writes DIR/bl_in_fu.nii.gz (BL on the FU grid),
      DIR/bl_to_fu.tfm (ITK transform) and DIR/summary.json (timings, metric, alignment check).
  lesions --mask MASK [--min-ml 0.01] [--json] [--bl IMG --fu IMG]
      Lesion table (26-connected components of at least --min-ml millilitres) as CSV on
      stdout, or JSON with --json. --bl/--fu add mean intensities per lesion.
  evaluate --pred MASK --ref RATER1 [--ref RATER2 ...] [--min-ml 0.01]
      Lesion-wise sensitivity, FP count, FPR and Dice (Krueger et al. 2020) per rater, averaged
      over raters, and inter-rater figures when there are two or more raters; JSON on stdout.
      Undefined values (no reference lesion) are null.

Options:
  --help       this text
  --version    the version

Exit status: 0 on success, 1 when an input cannot be used, 2 on a command-line error.
)";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "lesiondelta-cli " << lesiondelta::kVersion << "\n";
        return 0;
    }
    const std::string verb = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& a : rest) {
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return 0;
        }
    }
    try {
        if (verb == "register") return lesiondelta::cli::runRegister(rest);
        if (verb == "lesions") return lesiondelta::cli::runLesions(rest);
        if (verb == "evaluate") return lesiondelta::cli::runEvaluate(rest);
        std::cerr << "error: unknown verb '" << verb << "' (see lesiondelta-cli --help)\n";
        return 2;
    } catch (const lesiondelta::cli::UsageError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const lesiondelta::VolumeError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    } catch (const lesiondelta::Cancelled&) {
        std::cerr << "error: cancelled\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
