// lesiondelta-cli evaluate --cases LIST.csv [--min-ml 0.01] [--name METHOD] [--json FILE]
// A set of cases, printed like the paper's Table 2 (mean +- sd over cases of sensitivity, Dice,
// FP count and FPR) with one line per case. LIST.csv: a header line, then
//   case,prediction,reference[,reference2,...]
// paths relative to the CSV's folder; a prediction ending in "#lst" is read as LST change labels
// (label 3). Several references: each compared, then averaged per case. A case whose reference
// has no lesion counts for the FP count only.
// With --thresholds 0.2,0.3,... the predictions are probability maps (segment's
// probability.nii.gz), each cut at every threshold: one summary line per threshold and the one
// with the best lesion-wise F1 over all cases (how a model's threshold is chosen on held-out
// pairs; tools/evaluate-model).
#include <array>
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
#include "lesiondelta/pipeline/SegmentationPipeline.h"

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

std::vector<double> parseThresholds(const std::string& text) {
    std::vector<double> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        std::size_t used = 0;
        double t = -1;
        try {
            t = std::stod(item, &used);
        } catch (const std::exception&) {
        }
        if (used != item.size() || t <= 0.0 || t >= 1.0)
            throw UsageError("--thresholds takes numbers between 0 and 1, separated by commas: '" + text + "'");
        out.push_back(t);
    }
    if (out.empty()) throw UsageError("--thresholds needs at least one threshold");
    return out;
}

struct Row {
    std::string name, prediction;
    std::vector<std::string> references;
};

/// Every case's probability map cut at every threshold; returns the JSON of the sweep.
nlohmann::json sweep(const std::vector<Row>& rows, const std::vector<double>& thresholds, double minMl,
                     const std::string& method) {
    std::vector<std::vector<AveragedMetrics>> perThreshold(thresholds.size());
    std::vector<std::array<double, 3>> pooled(thresholds.size(), {0, 0, 0});  // found, missed, FP
    for (const auto& row : rows) {
        const auto probability = readVolume(row.prediction);
        std::vector<MaskVolume::ConstPointer> references;
        for (const auto& r : row.references) {
            const auto mapped = mapMaskToGrid(*readMask(r), *probability, r);
            if (!mapped.warning.empty()) std::cerr << "warning: " << mapped.warning << "\n";
            references.push_back(mapped.mask);
        }
        for (std::size_t t = 0; t < thresholds.size(); ++t) {
            const auto mask = newLesionMask(*probability, thresholds[t], minMl);
            std::vector<LesionMetrics> comparisons;
            for (const auto& ref : references) comparisons.push_back(compareLesions(*mask, *ref, minMl));
            const auto avg = averageMetrics(comparisons);
            perThreshold[t].push_back(avg);
            const auto& first = comparisons.front();
            pooled[t][0] += first.detectedReference;
            pooled[t][1] += first.referenceLesions - first.detectedReference;
            pooled[t][2] += avg.falsePositives;
        }
        std::cerr << "swept " << row.name << "\n";
    }
    std::printf(
        "| method | threshold | cases | sensitivity | Dice | FP count | lesion-wise F1 |\n"
        "|---|---|---|---|---|---|---|\n");
    nlohmann::json out = {{"method", method}, {"min_ml", minMl}, {"thresholds", nlohmann::json::array()}};
    std::size_t best = 0;
    std::vector<double> f1(thresholds.size());
    for (std::size_t t = 0; t < thresholds.size(); ++t) {
        const auto [found, missed, fp] = pooled[t];
        f1[t] = found > 0 ? 2 * found / (2 * found + missed + fp) : 0.0;
        if (f1[t] > f1[best]) best = t;
        const auto s = summariseCases(perThreshold[t]);
        std::printf("| %s | %.2f | %u | %s | %s | %s | %.3f |\n", method.c_str(), thresholds[t], s.cases,
                    cell(s.sensitivity, 2).c_str(), cell(s.dice, 2).c_str(), cell(s.falsePositives, 2).c_str(), f1[t]);
        out["thresholds"].push_back({{"threshold", thresholds[t]},
                                     {"sensitivity", s.sensitivity.mean},
                                     {"dice", s.dice.mean},
                                     {"false_positives", s.falsePositives.mean},
                                     {"found", found},
                                     {"missed", missed},
                                     {"f1", f1[t]}});
    }
    out["chosen"] = thresholds[best];
    std::printf("\nbest lesion-wise F1 %.3f at threshold %.2f\n", f1[best], thresholds[best]);
    return out;
}

}  // namespace

int runEvaluateCases(const std::vector<std::string>& args) {
    const Arguments a(args, {"--cases", "--min-ml", "--name", "--json", "--thresholds"}, {});
    const std::string list = a.required("--cases");
    const double minMl = a.number("--min-ml", kMinLesionMl, 0.0, 1e6);
    const std::string method = a.optional("--name").value_or(fs::path(list).stem().string());
    std::ifstream in(list);
    if (!in) throw VolumeError(list, "cannot be read");
    const fs::path base = fs::path(list).parent_path();
    auto resolve = [&](const std::string& p) { return fs::path(p).is_absolute() ? p : (base / p).string(); };
    std::string line;
    std::getline(in, line);  // header
    if (const auto thresholds = a.optional("--thresholds")) {
        const auto levels = parseThresholds(*thresholds);
        std::vector<Row> rows;
        for (int lineNo = 2; std::getline(in, line); ++lineNo) {
            if (line.find_first_not_of(" \r\t") == std::string::npos) continue;
            const auto cells = splitCsvLine(line);
            if (cells.size() < 3 || cells[1].ends_with("#lst"))
                throw VolumeError(list, "line " + std::to_string(lineNo) +
                                            ": expected case,probability map,reference[,...] (--thresholds)");
            Row row{cells[0], resolve(cells[1]), {}};
            for (std::size_t r = 2; r < cells.size(); ++r) row.references.push_back(resolve(cells[r]));
            rows.push_back(row);
        }
        if (rows.empty()) throw VolumeError(list, "lists no case");
        const auto out = sweep(rows, levels, minMl, method);
        if (const auto json = a.optional("--json")) writeTextAtomically(*json, out.dump(2) + "\n");
        return 0;
    }
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
