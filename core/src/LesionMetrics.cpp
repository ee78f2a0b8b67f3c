#include "lesiondelta/core/LesionMetrics.h"

#include <itkImageRegionConstIterator.h>

#include <cmath>

#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {

LesionMetrics compareLesions(const MaskVolume& predicted, const MaskVolume& reference, double minMl) {
    if (!sameGrid(predicted, reference)) {
        throw VolumeError("", "prediction and reference are on different grids; map them first");
    }
    unsigned int nPred = 0, nRef = 0;
    const auto pred = labelLesions(predicted, minMl, &nPred);
    const auto ref = labelLesions(reference, minMl, &nRef);

    std::vector<char> predMatched(nPred + 1, 0), refMatched(nRef + 1, 0);
    itk::ImageRegionConstIterator<LabelVolume> ip(pred, pred->GetBufferedRegion());
    itk::ImageRegionConstIterator<LabelVolume> ir(ref, ref->GetBufferedRegion());
    for (; !ip.IsAtEnd(); ++ip, ++ir) {
        if (ip.Get() && ir.Get()) {
            predMatched[ip.Get()] = 1;
            refMatched[ir.Get()] = 1;
        }
    }
    // Voxel counts over matched lesions only.
    std::size_t tp = 0, fp = 0, fn = 0;
    for (ip.GoToBegin(), ir.GoToBegin(); !ip.IsAtEnd(); ++ip, ++ir) {
        const bool p = ip.Get() && predMatched[ip.Get()];
        const bool r = ir.Get() && refMatched[ir.Get()];
        tp += (p && r);
        fp += (p && !r);
        fn += (r && !p);
    }

    LesionMetrics m;
    m.referenceLesions = nRef;
    m.predictedLesions = nPred;
    for (unsigned int i = 1; i <= nRef; ++i) m.detectedReference += refMatched[i];
    for (unsigned int i = 1; i <= nPred; ++i) m.falsePositives += !predMatched[i];
    if (nRef > 0) {
        m.sensitivity = double(m.detectedReference) / nRef;
        m.fpr = double(m.falsePositives) / nRef;
        m.dice = (tp + fp + fn) == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return m;
}

AveragedMetrics averageMetrics(const std::vector<LesionMetrics>& comparisons) {
    AveragedMetrics avg;
    avg.comparisons = static_cast<unsigned int>(comparisons.size());
    auto mean = [&](auto member) -> std::optional<double> {
        double sum = 0.0;
        int n = 0;
        for (const auto& c : comparisons) {
            if (const auto& v = c.*member) {
                sum += *v;
                ++n;
            }
        }
        return n ? std::optional<double>(sum / n) : std::nullopt;
    };
    avg.sensitivity = mean(&LesionMetrics::sensitivity);
    avg.fpr = mean(&LesionMetrics::fpr);
    avg.dice = mean(&LesionMetrics::dice);
    for (const auto& c : comparisons) avg.falsePositives += c.falsePositives;
    if (!comparisons.empty()) avg.falsePositives /= comparisons.size();
    return avg;
}

AveragedMetrics interRater(const std::vector<const MaskVolume*>& raters, double minMl) {
    if (raters.size() < 2) throw std::invalid_argument("inter-rater figures need at least two raters");
    std::vector<LesionMetrics> pairs;
    for (std::size_t i = 0; i < raters.size(); ++i) {
        for (std::size_t j = 0; j < raters.size(); ++j) {
            if (i != j) pairs.push_back(compareLesions(*raters[i], *raters[j], minMl));
        }
    }
    return averageMetrics(pairs);
}

MeanSd meanSd(const std::vector<double>& v) {
    MeanSd m;
    m.n = unsigned(v.size());
    if (v.empty()) return m;
    for (double x : v) m.mean += x;
    m.mean /= double(v.size());
    double sq = 0;
    for (double x : v) sq += (x - m.mean) * (x - m.mean);
    m.sd = v.size() > 1 ? std::sqrt(sq / double(v.size() - 1)) : 0.0;
    return m;
}

CohortSummary summariseCases(const std::vector<AveragedMetrics>& perCase) {
    std::vector<double> sens, dice, fp, fpr;
    for (const auto& c : perCase) {
        if (c.sensitivity) sens.push_back(*c.sensitivity);
        if (c.dice) dice.push_back(*c.dice);
        if (c.fpr) fpr.push_back(*c.fpr);
        fp.push_back(c.falsePositives);
    }
    CohortSummary s;
    s.cases = unsigned(perCase.size());
    s.sensitivity = meanSd(sens);
    s.dice = meanSd(dice);
    s.falsePositives = meanSd(fp);
    s.fpr = meanSd(fpr);
    return s;
}

}  // namespace lesiondelta
