#include "lesiondelta/report/CaseComparison.h"

#include <cmath>
#include <limits>

#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta::report {

namespace {

MaskVolume::Pointer unionOf(const std::vector<const MaskVolume*>& masks) {
    auto out = MaskVolume::New();
    out->CopyInformation(masks.front());
    out->SetRegions(masks.front()->GetLargestPossibleRegion());
    out->Allocate(true);
    const auto n = out->GetLargestPossibleRegion().GetNumberOfPixels();
    auto* o = out->GetBufferPointer();
    for (const auto* m : masks) {
        const auto* b = m->GetBufferPointer();
        for (std::size_t i = 0; i < n; ++i) o[i] |= b[i] ? 1 : 0;
    }
    return out;
}

/// For each label 1..count, whether `mask` has a voxel in it.
std::vector<bool> labelsHit(const LabelVolume& labels, unsigned int count, const MaskVolume& mask) {
    std::vector<bool> hit(count + 1, false);
    const auto n = labels.GetLargestPossibleRegion().GetNumberOfPixels();
    const auto* l = labels.GetBufferPointer();
    const auto* m = mask.GetBufferPointer();
    for (std::size_t i = 0; i < n; ++i) {
        if (l[i] && m[i]) hit[l[i]] = true;
    }
    return hit;
}

}  // namespace

std::vector<double> meanPerLabel(const ImageVolume& values, const LabelVolume& labels, unsigned int count) {
    std::vector<double> sum(count + 1, 0.0);
    std::vector<std::size_t> n(count + 1, 0);
    const auto voxels = labels.GetLargestPossibleRegion().GetNumberOfPixels();
    const auto* l = labels.GetBufferPointer();
    const auto* v = values.GetBufferPointer();
    for (std::size_t i = 0; i < voxels; ++i) {
        if (l[i] && l[i] <= count) {
            sum[l[i]] += v[i];
            ++n[l[i]];
        }
    }
    for (unsigned int k = 0; k <= count; ++k)
        sum[k] = n[k] ? sum[k] / double(n[k]) : std::numeric_limits<double>::quiet_NaN();
    return sum;
}

CaseComparison compareCase(const ReportCase& c, double minMl, CompareScope scope) {
    if (!c.fu) throw VolumeError(c.fuPath, "the follow-up scan is needed for a report");
    CaseComparison out;
    const bool everything = scope == CompareScope::Everything;
    std::vector<const MaskVolume*> masks;
    auto add = [&](const std::string& name, const MaskVolume* m, const std::string& what) {
        if (!m) return;
        if (!sameGrid(*m, *c.fu)) throw VolumeError(name, what + " is not on the follow-up scan's grid");
        out.sources.push_back(name);
        masks.push_back(m);
    };
    add("CNN", c.cnn.GetPointer(), "the CNN mask");
    add("LST", c.lst.GetPointer(), "the LST mask");
    for (const auto& [name, m] : c.raters) add(name, m.GetPointer(), "rater mask " + name);

    for (std::size_t s = 0; s < masks.size() && everything; ++s) {
        MethodCount count{out.sources[s], 0, 0.0};
        for (const auto& l : lesionTable(*masks[s], minMl)) {
            ++count.lesions;
            count.totalMl += l.volumeMl;
        }
        out.counts.push_back(count);
    }

    // CNN lesions with mean probability and who else found them.
    if (c.cnn && everything) {
        unsigned int n = 0;
        const auto labels = labelLesions(*c.cnn, minMl, &n);
        const auto table = lesionTable(*c.cnn, minMl, c.blInFu.GetPointer(), c.fu.GetPointer());
        std::vector<std::vector<bool>> hits;
        for (std::size_t s = 1; s < masks.size(); ++s) hits.push_back(labelsHit(*labels, n, *masks[s]));
        const auto meanProbability = c.probability ? meanPerLabel(*c.probability, *labels, n) : std::vector<double>{};
        for (const auto& lesion : table) {
            CnnLesionRow row{lesion, std::numeric_limits<double>::quiet_NaN(), {}};
            if (lesion.id < meanProbability.size()) row.meanProbability = meanProbability[lesion.id];
            for (std::size_t s = 1; s < masks.size(); ++s) {
                if (hits[s - 1][lesion.id]) row.alsoFoundBy.push_back(out.sources[s]);
            }
            out.cnnLesions.push_back(row);
        }
    }

    // Methods (CNN, LST) against each rater, and raters against each other.
    std::vector<LesionMetrics> cnnRuns, lstRuns;
    for (const auto& [name, rater] : c.raters) {
        if (c.cnn) {
            out.pairs.push_back({"CNN", name, compareLesions(*c.cnn, *rater, minMl)});
            cnnRuns.push_back(out.pairs.back().metrics);
        }
        if (c.lst) {
            out.pairs.push_back({"LST", name, compareLesions(*c.lst, *rater, minMl)});
            lstRuns.push_back(out.pairs.back().metrics);
        }
    }
    // Every ordered rater pair once; their mean is core's interRater() without computing it twice.
    std::vector<LesionMetrics> raterRuns;
    for (const auto& [a, ma] : c.raters) {
        for (const auto& [b, mb] : c.raters) {
            if (a == b) continue;
            out.pairs.push_back({a, b, compareLesions(*ma, *mb, minMl)});
            raterRuns.push_back(out.pairs.back().metrics);
        }
    }
    if (!cnnRuns.empty()) out.cnnVsRaters = averageMetrics(cnnRuns);
    if (!lstRuns.empty()) out.lstVsRaters = averageMetrics(lstRuns);
    if (raterRuns.size() >= 2) out.interRater = averageMetrics(raterRuns);

    // The union's lesions, for the concordance table.
    if (!masks.empty() && everything) {
        const auto all = unionOf(masks);
        unsigned int n = 0;
        const auto labels = labelLesions(*all, minMl, &n);
        std::vector<std::vector<bool>> hits;
        for (const auto* m : masks) hits.push_back(labelsHit(*labels, n, *m));
        for (const auto& lesion : lesionTable(*all, minMl)) {
            ConcordantLesion row{lesion, {}};
            for (std::size_t s = 0; s < masks.size(); ++s) row.foundBy.push_back(hits[s][lesion.id]);
            out.concordance.push_back(row);
        }
    }
    return out;
}

}  // namespace lesiondelta::report
