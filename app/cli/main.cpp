// lesiondelta-cli: the command-line front end of LesionDelta.
#include <algorithm>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "Arguments.h"
#include "Commands.h"
#include "Interrupt.h"
#include "TrainCommand.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/Progress.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/ml/HeapReuse.h"

namespace {

const char* kUsage = R"(Usage: lesiondelta-cli <verb> [options]

Finds and measures new or enlarged multiple-sclerosis lesions between a baseline (BL) and a
follow-up (FU) FLAIR scan. Images: NIfTI (.nii/.nii.gz), NRRD, MetaImage (.mha/.mhd) or a DICOM
series folder (--bl-series/--fu-series UID when a folder holds several series).

Verbs:
  segment --bl BL --fu FU --out DIR [--model FILE] [--threshold T] [--device auto|cpu|cuda]
          [--precision auto|fp32|bf16] [--crops tiles|paper] [--min-ml 0.01] [--rim-mm 5]
          [--no-bias-correction] [--quiet]
      The whole job: registration, 1 mm resampling, N4 bias-field correction of both scans
      (unless --no-bias-correction) and standardisation, the CNN (128^3 crops, mean over
      overlaps: --crops tiles, the default, places the fewest crops covering the search region
      with 16 mm of context - 8 on a typical brain; --crops paper the published 3 x 3 x 3 over
      the whole grid), search region (the estimated brain without its outer
      --rim-mm mm, where coil and partial-volume differences mimic new lesions; 0: whole brain
      estimate, -1: whole head), threshold (the model's, 0.4 as published, unless given),
      removal of lesions under 0.01 ml. Writes DIR/new_lesions.nii.gz (uint8, FU grid),
      DIR/probability.nii.gz (float32, FU grid), DIR/bl_in_fu.nii.gz, DIR/bl_to_fu.tfm,
      DIR/lesions.csv and DIR/summary.json (device, timings per stage, model checksum).
      Without --model it uses the shipped model (resources/models/lesiondelta-cnn.safetensors).
      --precision auto (the default) runs the CNN in bfloat16 where the CPU has native bf16
      (AVX512-BF16 or AMX: about 3x faster, probabilities within about 0.01 of fp32) and in fp32
      everywhere else (CUDA included). An explicit bf16 on a CPU without native bf16 is emulated,
      many times slower than fp32: segment then warns.
  baseline --bl BL --fu FU --out DIR [--min-ml 0.01] [--quiet]
      A classical, non-learning detector with the same outputs as segment: registration, each
      scan normalised within the brain, FU - BL where FU is hyperintense, smoothed, thresholded
      at a level set by the case's own noise, lesions under 0.01 ml dropped. probability.nii.gz
      then holds its score.
  batch --bids DATASET [--out DERIVATIVES] | --cases LIST.csv --out DIR [--model FILE]
        [--precision auto|fp32|bf16] [--jobs N] [--force]
      segment on every BL/FU pair of a study. BIDS: each subject's sub-*/ses-*/anat/*_FLAIR.nii.gz
      sessions ordered by acquisition date (scans.tsv, sessions.tsv or the JSON sidecar; else by
      label), consecutive sessions paired; outputs as BIDS derivatives (default
      DATASET/derivatives/lesiondelta): sub-X/ses-FU/anat/sub-X_ses-FU_desc-newlesions_mask.nii.gz,
      _probseg.nii.gz, _lesions.tsv and a _mask.json sidecar with provenance, plus
      dataset_description.json. LIST.csv: a header, then case,bl,fu; outputs in DIR/CASE/.
      Pairs whose outputs are newer than their scans and come from the same model are skipped
      (--force redoes them); a failing pair is logged and the others go on; progress on stderr,
      a summary table at the end; exit 1 when any pair failed. --jobs N runs N pairs at once,
      each with its share of the cores.
  batch --bids DATASET --series [--out DERIVATIVES] [--detector cnn|subtraction] [--model FILE] [--force]
      series (below) for every subject: its sessions are its course; outputs in
      DERIVATIVES/sub-X/series/. A subject with fewer than two dated sessions is skipped with a note.
  pairs --bids DATASET
      The BL/FU pairs batch would process, as JSON on stdout (the Snakemake workflow uses it).
  pacs echo|find|get|visits|store|send --pacs AE@HOST:PORT [--ae OUR_AE (LESIONDELTA)] [--timeout 10]
      The PACS (DICOM network, DCMTK): echo tests the node (C-ECHO); find --patient-name N
      and/or --patient-id ID [--date 20200101-20201231] lists the studies and their series
      (C-FIND; FLAIR series marked); get --study UID --series UID [--cache DIR] retrieves a
      series (C-GET) into the cache (default ~/.cache/lesiondelta/pacs/STUDY/SERIES, complete or
      not at all) and prints its folder, which segment --bl/--fu and series take; visits
      --patient-id ID [--date ...] --out DIR retrieves every study's FLAIR series and writes
      DIR/series.json, a patient series for `series --dir DIR`; store --file FILE_OR_FOLDER
      (repeatable) sends DICOM files (C-STORE); send --case DIR [--report PDF] [--fu FOLDER]
      [--no-outlines] writes the case's new/enlarged mask as DICOM SEG, the lesion volumes as
      a TID 1500 measurement report (SR), the report as Encapsulated PDF and the FU slices with the lesions outlined (Secondary Capture, "not for
      diagnosis - derived") into DIR/dicom/, in the FU's study and referencing its images, and
      sends them. Connects only when asked.
  series --dir DIR --out OUT [--reference VISIT] [--rebaseline VISIT] [--detector cnn|subtraction]
         [--model FILE] [--threshold T] [--device ...] [--precision ...] [--min-ml 0.01]
         [--match-mm 1.5] [--force] [--report COURSE.pdf [--language en|de]]
      A patient's course: DIR holds the visits as series.json ({"visits": [{"flair": FILE,
      "date": "YYYY-MM-DD"}, ...], optional "patient", "rebaseline"}), as a BIDS subject folder
      (sub-X/ses-*/anat/*_FLAIR.nii.gz with dates) or as FLAIR files with dates in their names
      and DICOM folders (one per visit, dated by their headers).
      Every visit is registered once to the reference (default: the latest), each consecutive
      pair of visits is detected (outputs in OUT/intervals/A_to_B/, reused when run again) and
      each lesion gets an identity at the visit where it first appears; a later finding within
      --match-mm of it is the same lesion enlarging again. Writes OUT/series.json (per interval:
      new, enlarging again, volume, per year; per lesion: first seen, ml per interval; the
      sentence since the rebaseline visit, default the first), OUT/lesions.csv, OUT/intervals.csv
      and OUT/lesion_ids.nii.gz (identities on the reference grid). A visit that cannot be read
      is left out with a warning and the intervals join its neighbours (exit 1 then).
      --report writes the course report: the sentence, a timeline of new and again-enlarging
      lesions per interval, the interval and lesion tables.
  report --case DIR -o REPORT.pdf [--anonymise] [--lesion-pictures 12] [--min-ml 0.01]
         [--language en|de]
      The patient report of a case folder (a folder written by segment, or one with case.json
      or bl/fu files; LST output lst*.nii.gz and rater masks raters/NAME.nii.gz are compared
      when present): summary, lesion table, overview and BL/FU pictures, comparison of CNN, LST
      and raters, methods. A4 PDF, written atomically. --anonymise prints neither the patient
      ID, scan dates nor file names. The language follows the system (German or English)
      unless --language names one.
  cohort --cases LIST.csv | --study DIR -o COHORT.pdf [--csv F] [--json F] [--title T]
         [--compute [--model FILE]] [--language en|de]
      The cohort report: per case, CNN vs raters, LST vs raters and inter-rater (IR) figures;
      boxplots, mean +- sd with Wilcoxon signed-rank p-values against IR, per-case table.
      LIST.csv: a header, then case,folder (folders relative to the CSV); --study DIR: every
      sub-folder is a case. Also writes the per-case numbers as CSV and JSON (default: beside
      the PDF). Broken cases are skipped with their reason, on stderr and in the report.
      --compute runs segment on cases without a CNN result first (kept in their results/);
      without it such cases count for IR and LST only.
  atlas --data DIR --out ATLAS [--held-out 26] [--real-pair 01]
      The training atlas, one file: the six training FLAIRs of the shared data folder DIR
      (MNI 07/19/26 with lesion masks, raw 04/09/20) at 1 mm after segment's preprocessing
      (N4, z-score), cropped to the head, with brain estimates; and a bank of every lesion of
      the 30 MNI lesion masks and the 16 longitudinal change masks. MNI patient --held-out is
      for validation only. Read by train --atlas and synth --atlas. --real-pair 01 adds real
      pair 01 as segment prepares it (registered, 1 mm FU space, N4, z-score; ~8 MB) with its
      reference (the change mask's new/enlarging part), for train --real-every; pair 03 is the
      test pair and is refused.
  synth --atlas ATLAS --out DIR [--count 4] [--seed 1] [--crop 96] [--held-out] [--whole-brain]
        [--stable | --changed] [--inserts MIN,MAX] [--device cpu|cuda] [--series VISITS [--quiet]]
        [--clear] [--brighten-fraction F] [--stable-insert-fraction F]
      Synthetic BL/FU pairs from the training atlas, made by the generator the trainer calls
      every step: anatomy (rotation, elastic, flip), change (bank lesions inserted, real ones
      removed, rims grown or shrunk), acquisition per visit (slices 1-5 mm along the protocol's
      axis - BL along another in 15 % of pairs - with tilt and offset, PSF, bias, gamma, Rician
      noise, BL misregistration). Writes
      DIR/pairNNN/{bl,fu,new_lesions}.nii.gz (1 mm crops, target in FU space) and DIR/synth.json.
      --held-out uses the held-out scan only; --whole-brain centres each crop on the brain.
      --series VISITS (2-8) writes one synthetic patient course instead: DIR/flair_DATE.nii.gz
      (about six months apart; lesions new at planned visits, some enlarging again later; each
      visit acquired on its own), the truth in DIR/truth/ (per-interval targets,
      lesion_ids.nii.gz, truth.json); --quiet makes a course without change. --clear makes
      lesions a reader sees at once (0.1-3 ml, bright, slices up to 3 mm thick).
      --brighten-fraction F: of the inserted and unchanged own lesions, F are already in BL but
      fainter (lesions that brightened or grew: marked whole); --stable-insert-fraction F: of
      the inserted lesions, F are in BL alike (not marked). Both 0 by default, as the trainer.
  info [--model FILE]
      Model metadata, LibTorch version and available devices.
  register --bl BL --fu FU --out DIR
      Rigidly registers BL to FU. Writes DIR/bl_in_fu.nii.gz (BL on the FU grid),
      DIR/bl_to_fu.tfm (ITK transform) and DIR/summary.json (timings, metric, alignment check).
  lesions --mask MASK [--min-ml 0.01] [--json] [--bl IMG --fu IMG]
      Lesion table (26-connected components of at least --min-ml millilitres) as CSV on
      stdout, or JSON with --json. --bl/--fu add mean intensities per lesion.
  evaluate --pred MASK | --pred-lst LST_LABELS --ref RATER1 [--ref RATER2 ...] [--min-ml 0.01]
      Lesion-wise sensitivity, FP count, FPR and Dice (Krueger et al. 2020) per rater, averaged
      over raters, and inter-rater figures when there are two or more raters; JSON on stdout.
  evaluate --cases LIST.csv [--name METHOD] [--json FILE] [--min-ml 0.01] [--thresholds T1,T2,...]
      A set of cases (CSV: case,prediction,reference[,reference2...], paths relative to the
      CSV; a prediction ending in #lst is read as LST labels), printed like the paper's
      Table 2: a line per case and mean +- sd over cases of sensitivity, Dice, FP count, FPR.
      Undefined values (no reference lesion) are null. --pred-lst takes LST's lesion change
      label image (1 decrease, 2 no change, 3 increase) and counts label 3 only. Masks on
      another grid are resampled by physical position, with a warning. --thresholds
      0.2,0.3,... takes probability maps as predictions, cuts each at every threshold and
      prints a line per threshold and the one with the best lesion-wise F1 (pooled over cases).

Options:
  --help       this text
  --version    the version

Exit status: 0 on success, 1 when an input cannot be used, 2 on a command-line error, 130 when
stopped by Ctrl-C or SIGTERM (segment, baseline, register, report, batch stop at their next
step without writing a partial result; train stops after its current step with a checkpoint
of it; a second Ctrl-C ends the program at once).
)";

// The usage text, with the training command's (ml/train) indented like the other verbs.
void printUsage() {
    std::cout << kUsage;
    std::istringstream train(lesiondelta::ml::kTrainUsage);
    for (std::string line; std::getline(train, line);) std::cout << "  " << line << "\n";
}

}  // namespace

namespace {

int runEvaluateEither(const std::vector<std::string>& rest) {
    const bool cases = std::find(rest.begin(), rest.end(), "--cases") != rest.end();
    return cases ? lesiondelta::cli::runEvaluateCases(rest) : lesiondelta::cli::runEvaluate(rest);
}

/// Every verb, once: dispatch, `--verbs` and the test that --help documents each read this.
struct Verb {
    const char* name;
    int (*run)(const std::vector<std::string>&);
};
constexpr Verb kVerbs[] = {
    {"segment", lesiondelta::cli::runSegment},
    {"baseline", lesiondelta::cli::runBaseline},
    {"register", lesiondelta::cli::runRegister},
    {"lesions", lesiondelta::cli::runLesions},
    {"evaluate", runEvaluateEither},
    {"info", lesiondelta::cli::runInfo},
    {"report", lesiondelta::cli::runReport},
    {"cohort", lesiondelta::cli::runCohort},
    {"batch", lesiondelta::cli::runBatch},
    {"pairs", lesiondelta::cli::runPairs},
    {"series", lesiondelta::cli::runSeries},
    {"pacs", lesiondelta::cli::runPacs},
    {"synth", lesiondelta::cli::runSynth},
    {"atlas", lesiondelta::cli::runAtlas},
    {"train", lesiondelta::cli::runTrain},
};

}  // namespace

int main(int argc, char** argv) {
    lesiondelta::ml::keepFreedMemoryInHeap();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--verbs") {  // one per line, for shell completion
        for (const auto& v : kVerbs) std::cout << v.name << "\n";
        return 0;
    }
    if (args[0] == "--version") {
        std::cout << "lesiondelta-cli " << lesiondelta::kVersion << "\n";
        return 0;
    }
    const std::string verb = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& a : rest) {
        if (a == "--help" || a == "-h") {
            printUsage();
            return 0;
        }
    }
    lesiondelta::cli::installInterruptHandler();
    try {
        for (const auto& v : kVerbs)
            if (verb == v.name) return v.run(rest);
        std::cerr << "error: unknown verb '" << verb << "' (see lesiondelta-cli --help)\n";
        return 2;
    } catch (const lesiondelta::cli::UsageError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const lesiondelta::VolumeError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    } catch (const lesiondelta::Cancelled&) {
        if (lesiondelta::cli::interrupted()) {
            std::cerr << "interrupted: stopped before writing anything\n";
            return 130;  // as a shell reports a program ended by Ctrl-C
        }
        std::cerr << "error: cancelled\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
