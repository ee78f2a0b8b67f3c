// Candidate agreement measures that pair_check_eval compares with the pair check's local
// correlation (core/PairSimilarity.h); they lost (docs: pair_check_eval), so they live here.
#include "CandidateSimilarity.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lesiondelta::bench {
namespace {

/// Each masked voxel's quantile bin (0..bins-1) by rank within the mask: equal-count bins.
std::vector<int> quantileBins(const ImageVolume& image, const MaskVolume& mask, int bins,
                              std::vector<double>* meanRank) {
    const auto n = image.GetLargestPossibleRegion().GetNumberOfPixels();
    const float* v = image.GetBufferPointer();
    const auto* m = mask.GetBufferPointer();
    std::vector<float> values;
    values.reserve(n / 2);
    for (std::size_t i = 0; i < n; ++i)
        if (m[i]) values.push_back(v[i]);
    std::vector<int> out;
    if (values.size() < 2) return out;
    // A fine histogram between the extremes, then its cumulative counts as ranks.
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const double low = *lo, span = double(*hi) - low;
    constexpr int kFine = 65536;
    std::vector<std::size_t> counts(kFine, 0);
    auto fineBin = [&](float x) { return span > 0 ? std::min(kFine - 1, int((double(x) - low) / span * kFine)) : 0; };
    for (float x : values) ++counts[fineBin(x)];
    std::vector<double> rankOfFine(kFine);
    std::vector<int> binOfFine(kFine);
    double below = 0;
    const double total = double(values.size());
    for (int f = 0; f < kFine; ++f) {
        const double mid = below + 0.5 * double(counts[f]);  // ties share their mean rank
        rankOfFine[f] = mid / total;
        binOfFine[f] = std::min(bins - 1, int(mid / total * bins));
        below += double(counts[f]);
    }
    out.reserve(values.size());
    if (meanRank) meanRank->reserve(values.size());
    for (float x : values) {
        const int f = fineBin(x);
        out.push_back(binOfFine[f]);
        if (meanRank) meanRank->push_back(rankOfFine[f]);
    }
    return out;
}

}  // namespace

double rankCorrelation(const ImageVolume& a, const ImageVolume& b, const MaskVolume& mask, int bins) {
    std::vector<double> ra, rb;
    quantileBins(a, mask, bins, &ra);
    quantileBins(b, mask, bins, &rb);
    if (ra.size() < 2 || ra.size() != rb.size()) return 0.0;
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    const double n = double(ra.size());
    for (std::size_t i = 0; i < ra.size(); ++i) {
        sa += ra[i];
        sb += rb[i];
        saa += ra[i] * ra[i];
        sbb += rb[i] * rb[i];
        sab += ra[i] * rb[i];
    }
    const double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
    if (va <= 0 || vb <= 0) return 0.0;
    return cov / std::sqrt(va * vb);
}

double normalisedMutualInformation(const ImageVolume& a, const ImageVolume& b, const MaskVolume& mask, int bins) {
    const auto ba = quantileBins(a, mask, bins, nullptr);
    const auto bb = quantileBins(b, mask, bins, nullptr);
    if (ba.size() < 2 || ba.size() != bb.size()) return 1.0;
    std::vector<double> joint(std::size_t(bins) * bins, 0.0), pa(bins, 0.0), pb(bins, 0.0);
    const double n = double(ba.size());
    for (std::size_t i = 0; i < ba.size(); ++i) joint[std::size_t(ba[i]) * bins + bb[i]] += 1.0 / n;
    for (int i = 0; i < bins; ++i)
        for (int j = 0; j < bins; ++j) {
            pa[i] += joint[std::size_t(i) * bins + j];
            pb[j] += joint[std::size_t(i) * bins + j];
        }
    auto entropy = [](const std::vector<double>& p) {
        double h = 0;
        for (double x : p)
            if (x > 0) h -= x * std::log(x);
        return h;
    };
    const double hj = entropy(joint);
    return hj > 0 ? (entropy(pa) + entropy(pb)) / hj : 1.0;
}

}  // namespace lesiondelta::bench
