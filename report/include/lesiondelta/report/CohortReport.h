#pragma once
// The cohort report: per-case metrics of inter-rater (IR), CNN vs raters and LST vs raters as in
// the paper (Krueger et al. 2020, Fig. 4 and Table 2): boxplots with points, a mean +- sd table,
// Wilcoxon signed-rank p-values against IR, and CSV/JSON exports of every per-case number.
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "lesiondelta/core/LesionMetrics.h"
#include "lesiondelta/core/RankTests.h"

namespace lesiondelta::report {

/// One case of the cohort: its averaged figures per method ("IR", "CNN", "LST"; absent when the
/// case lacks the masks), or the reason it could not be used.
struct CohortCase {
    std::string id;
    std::optional<AveragedMetrics> interRater, cnn, lst;
    unsigned int raters = 0;
    std::string error;  // non-empty: the case was skipped, with this reason
};

enum class Metric { Sensitivity, Dice, FalsePositives, Fpr };
const char* metricName(Metric m);  // "sensitivity", "dice", "fp_count", "fpr"

/// The per-case value of one metric for one method; nullopt when undefined or absent.
std::optional<double> metricValue(const CohortCase& c, const std::string& method, Metric m);

struct CohortStatistics {
    std::vector<std::string> methods;  // those with at least one case: IR, CNN, LST
    // summary[method][metric] over cases with a defined value
    std::vector<std::vector<MeanSd>> summary;
    // Wilcoxon signed-rank of method vs IR over cases where both are defined; nullopt for IR itself
    // or with fewer than one non-zero difference.
    std::vector<std::vector<std::optional<RankTestResult>>> vsInterRater;
};
CohortStatistics cohortStatistics(const std::vector<CohortCase>& cases);

/// Every per-case number, one row per case and method.
std::string cohortCsv(const std::vector<CohortCase>& cases);
std::string cohortJson(const std::vector<CohortCase>& cases, const CohortStatistics& stats);

struct CohortReportOptions {
    QString title;
    QString softwareVersion;
};

/// Writes the PDF atomically; throws VolumeError naming the file. Returns the page count.
/// Needs a QApplication (QCustomPlot draws with widgets' machinery).
int writeCohortReport(const std::vector<CohortCase>& cases, const CohortReportOptions& options,
                      const std::string& pdfPath);

}  // namespace lesiondelta::report
