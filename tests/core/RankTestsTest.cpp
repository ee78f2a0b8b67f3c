// Checked against textbook examples (Hollander & Wolfe 1973, as printed in R's wilcox.test help)
// and a worked normal-approximation example.
#include <gtest/gtest.h>

#include <cmath>

#include "lesiondelta/core/RankTests.h"

using namespace lesiondelta;

namespace {

TEST(WilcoxonSignedRank, HollanderWolfeDepressionScalesGiveV40AndExactP0039) {
    // Hamilton depression scale before (x) and after (y) therapy, 9 patients (H&W p. 29).
    const std::vector<double> x{1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    const std::vector<double> y{0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    const auto r = wilcoxonSignedRank(x, y);
    EXPECT_TRUE(r.exact);
    EXPECT_EQ(r.n, 9u);
    EXPECT_DOUBLE_EQ(r.statistic, 40.0);
    EXPECT_NEAR(r.pValue, 0.0390625, 1e-7);  // one-sided 0.01953 in the textbook, doubled
}

TEST(WilcoxonSignedRank, TiesUseTheNormalApproximationWithTieCorrection) {
    // d = 1, 2, 2, -3, 4, 5: ranks 1, 2.5, 2.5, 4, 5, 6; V = 17; n = 6.
    // var = 6*7*13/24 - (2^3-2)/48 = 22.625; z = (17 - 10.5 - 0.5) / sqrt(22.625) = 1.2614
    const std::vector<double> x{1, 2, 2, 0, 4, 5}, y{0, 0, 0, 3, 0, 0};
    const auto r = wilcoxonSignedRank(x, y);
    EXPECT_FALSE(r.exact);
    EXPECT_DOUBLE_EQ(r.statistic, 17.0);
    EXPECT_NEAR(r.pValue, 2 * (1 - 0.5 * std::erfc(-1.261396 / std::sqrt(2.0))), 1e-5);
    EXPECT_NEAR(r.pValue, 0.2072, 1e-3);
}

TEST(WilcoxonSignedRank, ZeroDifferencesAreDropped) {
    const std::vector<double> x{1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30, 7.0};
    const std::vector<double> y{0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29, 7.0};
    const auto r = wilcoxonSignedRank(x, y);
    EXPECT_EQ(r.n, 9u);
    EXPECT_NEAR(r.pValue, 0.0390625, 1e-7);
}

TEST(WilcoxonSignedRank, ExactAndNormalAgreeForTwentyPairs) {
    std::vector<double> x, y;
    for (int i = 1; i <= 20; ++i) {
        x.push_back(i * 1.01);
        y.push_back(i % 3 == 0 ? i * 1.01 + i * 0.1 : i * 1.01 - i * 0.05);
    }
    const auto exact = wilcoxonSignedRank(x, y);
    ASSERT_TRUE(exact.exact);
    // n = 20 without ties: the normal approximation of the same statistic is close.
    const double n = 20, centre = n * (n + 1) / 4, sigma = std::sqrt(n * (n + 1) * (2 * n + 1) / 24);
    const double z = (exact.statistic - centre + (exact.statistic > centre ? -0.5 : 0.5)) / sigma;
    const double normal = 2 * std::min(0.5 * std::erfc(-z / std::sqrt(2.0)), 0.5 * std::erfc(z / std::sqrt(2.0)));
    EXPECT_NEAR(exact.pValue, normal, 0.01);
}

TEST(WilcoxonSignedRank, UnequalLengthsAreRefused) {
    EXPECT_THROW(wilcoxonSignedRank({1, 2}, {1}), std::invalid_argument);
}

TEST(WilcoxonRankSum, HollanderWolfePermeabilityGivesW35AndExactP0254) {
    // Permeability constants of the human chorioamnion (H&W pp. 69f).
    const std::vector<double> x{0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    const std::vector<double> y{1.15, 0.88, 0.90, 0.74, 1.21};
    const auto r = wilcoxonRankSum(x, y);
    EXPECT_TRUE(r.exact);
    EXPECT_DOUBLE_EQ(r.statistic, 35.0);
    EXPECT_NEAR(r.pValue, 2 * 0.1272, 2e-4);  // one-sided 0.1272 in the textbook
}

TEST(WilcoxonRankSum, CompletelySeparatedSamplesGiveTheSmallestExactP) {
    // U = 0 for 4 vs 4: p = 2 / C(8,4) = 2/70.
    const auto r = wilcoxonRankSum({1, 2, 3, 4}, {5, 6, 7, 8});
    EXPECT_DOUBLE_EQ(r.statistic, 0.0);
    EXPECT_NEAR(r.pValue, 2.0 / 70.0, 1e-12);
}

TEST(WilcoxonRankSum, TiesUseTheNormalApproximation) {
    const auto r = wilcoxonRankSum({1, 2, 2, 3, 4}, {2, 5, 6, 7, 8});
    EXPECT_FALSE(r.exact);
    EXPECT_GT(r.pValue, 0.0);
    EXPECT_LT(r.pValue, 0.1);
}

}  // namespace
