// lesiondelta-cli evaluate --cases LIST.csv [--min-ml 0.01] [--name METHOD] [--json FILE]
// A set of cases, printed like the paper's Table 2 (mean +- sd over cases of sensitivity, Dice,
// FP count and FPR) with one line per case. LIST.csv: a header line, then
//   case,prediction,reference[,reference2,...]
// paths relative to the CSV's folder; a prediction ending in "#lst" is read as LST change labels
// (label 3). Several references: each compared, then averaged per case. A case whose reference
// has no lesion counts for the FP count only.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "Arguments.h"
#include "Commands.h"
#include "CsvLine.h"
#include "lesiondelta/core/LesionMetrics.h"
#include "lesiondelta/core/MaskImport.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/ResultText.h"

namespace fs = std::filesystem;

namespace lesiondelta::cli {
namespace {

std::string cell(const MeanSd& m, int decimals) {
    if (m.n == 0) return "undefined";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f +- %.*f", decimals, m.mean, decimals, m.sd);
    return buf;
}

std::string value(const std::optional<double>& v) {
    if (!v) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", *v);
    return buf;
}

}  // namespace

int runEvaluateCases(const std::vector<std::string>& args) {
    const Arguments a(args, {"--cases", "--min-ml", "--name", "--json"}, {});
    const std::string list = a.required("--cases");
    const double minMl = a.number("--min-ml", kMinLesionMl, 0.0, 1e6);
    const std::string method = a.optional("--name").value_or(fs::path(list).stem().string());
    std::ifstream in(list);
    if (!in) throw VolumeError(list, "cannot be read");
    const fs::path base = fs::path(list).parent_path();
    auto resolve = [&](const std::string& p) { return fs::path(p).is_absolute() ? p : (base / p).string(); };
    std::string line;
    std::getline(in, line);  // header
    std::vector<AveragedMetrics> perCase;
    nlohmann::json cases = nlohmann::json::array();
    std::printf(
        "| case | reference lesions | found | FP | sensitivity | Dice | FPR |\n|---|---|---|---|---|---|---|\n");
    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \r\t") == std::string::npos) continue;
        const auto cells = splitCsvLine(line);
        if (cells.size() < 3) {
            throw VolumeError(list, "line " + std::to_string(lineNo) + ": expected case,prediction,reference[,...]");
        }
        std::string predPath = cells[1];
        const bool lst = predPath.ends_with("#lst");
        if (lst) predPath.resize(predPath.size() - 4);
        predPath = resolve(predPath);
        const auto pred = lst ? lstIncreaseMask(*readLabels(predPath)) : readMask(predPath);
        std::vector<LesionMetrics> comparisons;
        for (std::size_t r = 2; r < cells.size(); ++r) {
            const std::string refPath = resolve(cells[r]);
            const auto mapped = mapMaskToGrid(*readMask(refPath), *pred, refPath);
            if (!mapped.warning.empty()) std::cerr << "warning: " << mapped.warning << "\n";
            comparisons.push_back(compareLesions(*pred, *mapped.mask, minMl));
        }
        const auto avg = averageMetrics(comparisons);
        perCase.push_back(avg);
        const auto& first = comparisons.front();
        std::printf("| %s | %u | %u | %.1f | %s | %s | %s |\n", cells[0].c_str(), first.referenceLesions,
                    first.detectedReference, avg.falsePositives, value(avg.sensitivity).c_str(),
                    value(avg.dice).c_str(), value(avg.fpr).c_str());
        auto j = toJson(avg);
        j["case"] = cells[0];
        j["prediction"] = predPath;
        cases.push_back(j);
    }
    if (perCase.empty()) throw VolumeError(list, "lists no case");
    const auto s = summariseCases(perCase);
    std::printf("\n| method | cases | sensitivity | Dice | FP count | FPR |\n|---|---|---|---|---|---|\n");
    std::printf("| %s | %u | %s | %s | %s | %s |\n", method.c_str(), s.cases, cell(s.sensitivity, 2).c_str(),
                cell(s.dice, 2).c_str(), cell(s.falsePositives, 2).c_str(), cell(s.fpr, 2).c_str());
    if (const auto json = a.optional("--json")) {
        auto ms = [](const MeanSd& m) { return nlohmann::json{{"mean", m.mean}, {"sd", m.sd}, {"n", m.n}}; };
        const nlohmann::json out = {{"method", method},
                                    {"min_ml", minMl},
                                    {"cases", cases},
                                    {"summary",
                                     {{"cases", s.cases},
                                      {"sensitivity", ms(s.sensitivity)},
                                      {"dice", ms(s.dice)},
                                      {"false_positives", ms(s.falsePositives)},
                                      {"fpr", ms(s.fpr)}}}};
        writeTextAtomically(*json, out.dump(2) + "\n");
    }
    return 0;
}

}  // namespace lesiondelta::cli
