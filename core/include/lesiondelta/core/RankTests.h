#pragma once
// Non-parametric tests for the report's comparisons (metrics are not normally distributed).
#include <vector>

namespace lesiondelta {

struct RankTestResult {
    double statistic = 0.0;  // V = W+ (signed-rank) or W = U of x (rank-sum), as R reports them
    double pValue = 1.0;     // two-sided
    bool exact = false;      // exact distribution, or normal approximation
    std::size_t n = 0;       // pairs used (signed-rank: non-zero differences)
};

/// Paired Wilcoxon signed-rank test of x - y. Zero differences are dropped (Wilcoxon's method);
/// tied |differences| get average ranks. Exact p when n < 50 and there are no ties; otherwise
/// the normal approximation with tie correction and continuity correction (as R's wilcox.test).
/// Throws std::invalid_argument when sizes differ.
RankTestResult wilcoxonSignedRank(const std::vector<double>& x, const std::vector<double>& y);

/// Wilcoxon rank-sum (Mann-Whitney) test of two independent samples; exact when both have fewer
/// than 50 values and there are no ties, otherwise normal approximation with tie and continuity
/// correction.
RankTestResult wilcoxonRankSum(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace lesiondelta
