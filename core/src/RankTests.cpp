#include "lesiondelta/core/RankTests.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace lesiondelta {
namespace {

constexpr std::size_t kExactLimit = 50;

// Average ranks (1-based) of values; tieTerm receives sum(t^3 - t) over tie groups.
std::vector<double> averageRanks(const std::vector<double>& values, double* tieTerm) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    double ties = 0.0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
        const double rank = 0.5 * double(i + j) + 1.0;
        for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
        const double t = double(j - i + 1);
        ties += t * t * t - t;
        i = j + 1;
    }
    if (tieTerm) *tieTerm = ties;
    return ranks;
}

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Two-sided p from a normal approximation with continuity correction (R's convention).
double normalTwoSided(double centred, double sigma) {
    if (sigma <= 0.0) return 1.0;
    const double correction = centred > 0 ? 0.5 : (centred < 0 ? -0.5 : 0.0);
    const double z = (centred - correction) / sigma;
    return std::min(1.0, 2.0 * std::min(normalCdf(z), 1.0 - normalCdf(z)));
}

// Two-sided exact p from a discrete null distribution of integer statistic values 0..max.
double exactTwoSided(const std::vector<double>& probability, double statistic, double centre) {
    const auto s = static_cast<long>(std::lround(statistic));
    double tail = 0.0;
    if (statistic > centre) {
        for (std::size_t v = s; v < probability.size(); ++v) tail += probability[v];
    } else {
        for (long v = 0; v <= s; ++v) tail += probability[v];
    }
    return std::min(1.0, 2.0 * tail);
}

}  // namespace

RankTestResult wilcoxonSignedRank(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size()) throw std::invalid_argument("signed-rank test needs pairs of equal length");
    std::vector<double> absDiff;
    std::vector<bool> positive;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double d = x[i] - y[i];
        if (d == 0.0 || std::isnan(d)) continue;  // zeros carry no sign (Wilcoxon's method)
        absDiff.push_back(std::abs(d));
        positive.push_back(d > 0);
    }
    RankTestResult r;
    r.n = absDiff.size();
    if (r.n == 0) return r;
    double tieTerm = 0.0;
    const auto ranks = averageRanks(absDiff, &tieTerm);
    for (std::size_t i = 0; i < r.n; ++i) r.statistic += positive[i] ? ranks[i] : 0.0;
    const double n = double(r.n);
    const double centre = n * (n + 1) / 4.0;
    if (r.n < kExactLimit && tieTerm == 0.0) {
        // Null distribution of W+: each rank 1..n enters the sum with probability 1/2.
        const std::size_t maxSum = r.n * (r.n + 1) / 2;
        std::vector<double> p(maxSum + 1, 0.0);
        p[0] = 1.0;
        for (std::size_t k = 1; k <= r.n; ++k) {
            for (std::size_t s = maxSum; s >= k; --s) p[s] = 0.5 * p[s] + 0.5 * p[s - k];
            for (std::size_t s = 0; s < k; ++s) p[s] *= 0.5;
        }
        r.exact = true;
        r.pValue = exactTwoSided(p, r.statistic, centre);
    } else {
        const double sigma = std::sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - tieTerm / 48.0);
        r.pValue = normalTwoSided(r.statistic - centre, sigma);
    }
    return r;
}

RankTestResult wilcoxonRankSum(const std::vector<double>& x, const std::vector<double>& y) {
    RankTestResult r;
    r.n = x.size() + y.size();
    if (x.empty() || y.empty()) return r;
    std::vector<double> all(x);
    all.insert(all.end(), y.begin(), y.end());
    double tieTerm = 0.0;
    const auto ranks = averageRanks(all, &tieTerm);
    const double nx = double(x.size()), ny = double(y.size());
    double rankSumX = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) rankSumX += ranks[i];
    r.statistic = rankSumX - nx * (nx + 1) / 2.0;  // Mann-Whitney U of x
    const double centre = nx * ny / 2.0;
    if (x.size() < kExactLimit && y.size() < kExactLimit && tieTerm == 0.0) {
        // P(i,j,u): probability that U = u for i values of x and j of y under the null, from
        // P(i,j,u) = i/(i+j) P(i-1,j,u-j) + j/(i+j) P(i,j-1,u); two rows of i are kept.
        const std::size_t m = x.size(), n = y.size(), maxU = m * n;
        using Row = std::vector<std::vector<double>>;
        Row previous(n + 1, std::vector<double>(maxU + 1, 0.0)), current = previous;
        for (std::size_t i = 0; i <= m; ++i) {
            for (std::size_t j = 0; j <= n; ++j) {
                auto& cell = current[j];
                std::fill(cell.begin(), cell.end(), 0.0);
                if (i == 0 || j == 0) {
                    cell[0] = 1.0;
                    continue;
                }
                const double wi = double(i) / double(i + j), wj = double(j) / double(i + j);
                for (std::size_t u = 0; u <= i * j; ++u) {
                    cell[u] = (u >= j ? wi * previous[j][u - j] : 0.0) + wj * current[j - 1][u];
                }
            }
            std::swap(previous, current);
        }
        const auto& P = previous[n];
        r.exact = true;
        r.pValue = exactTwoSided(P, r.statistic, centre);
    } else {
        const double N = nx + ny;
        const double sigma = std::sqrt(nx * ny / 12.0 * ((N + 1) - tieTerm / (N * (N - 1))));
        r.pValue = normalTwoSided(r.statistic - centre, sigma);
    }
    return r;
}

}  // namespace lesiondelta
