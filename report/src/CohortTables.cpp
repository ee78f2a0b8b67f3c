#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lesiondelta/report/CohortReport.h"

namespace lesiondelta::report {

namespace {
const std::vector<std::string> kMethods{"IR", "CNN", "LST"};
const std::vector<Metric> kMetrics{Metric::Sensitivity, Metric::Dice, Metric::FalsePositives, Metric::Fpr};

const std::optional<AveragedMetrics>& of(const CohortCase& c, const std::string& method) {
    if (method == "IR") return c.interRater;
    if (method == "CNN") return c.cnn;
    return c.lst;
}

std::string csvNumber(const std::optional<double>& v) {
    if (!v) return "";
    std::ostringstream s;
    s.precision(6);
    s << *v;
    return s.str();
}
}  // namespace

const char* metricName(Metric m) {
    switch (m) {
        case Metric::Sensitivity:
            return "sensitivity";
        case Metric::Dice:
            return "dice";
        case Metric::FalsePositives:
            return "fp_count";
        case Metric::Fpr:
            return "fpr";
    }
    return "";
}

std::optional<double> metricValue(const CohortCase& c, const std::string& method, Metric m) {
    if (!c.error.empty()) return std::nullopt;
    const auto& a = of(c, method);
    if (!a) return std::nullopt;
    switch (m) {
        case Metric::Sensitivity:
            return a->sensitivity;
        case Metric::Dice:
            return a->dice;
        case Metric::FalsePositives:
            return a->falsePositives;
        case Metric::Fpr:
            return a->fpr;
    }
    return std::nullopt;
}

CohortStatistics cohortStatistics(const std::vector<CohortCase>& cases) {
    CohortStatistics s;
    for (const auto& method : kMethods) {
        bool any = false;
        for (const auto& c : cases) any = any || (c.error.empty() && of(c, method).has_value());
        if (!any) continue;
        s.methods.push_back(method);
        std::vector<MeanSd> row;
        std::vector<std::optional<RankTestResult>> tests;
        for (Metric m : kMetrics) {
            std::vector<double> values, x, y;
            for (const auto& c : cases) {
                const auto v = metricValue(c, method, m);
                if (v) values.push_back(*v);
                const auto ir = metricValue(c, "IR", m);
                if (v && ir) {
                    x.push_back(*v);
                    y.push_back(*ir);
                }
            }
            row.push_back(meanSd(values));
            std::optional<RankTestResult> t;
            if (method != "IR" && !x.empty()) {
                const auto r = wilcoxonSignedRank(x, y);
                if (r.n > 0) t = r;
            }
            tests.push_back(t);
        }
        s.summary.push_back(row);
        s.vsInterRater.push_back(tests);
    }
    return s;
}

std::string cohortCsv(const std::vector<CohortCase>& cases) {
    std::ostringstream out;
    out << "case,method,raters,comparisons,sensitivity,dice,fp_count,fpr,error\n";
    for (const auto& c : cases) {
        if (!c.error.empty()) {
            std::string e = c.error;
            for (auto& ch : e) {
                if (ch == '"') ch = '\'';
            }
            out << c.id << ",,,,,,,,\"" << e << "\"\n";
            continue;
        }
        for (const auto& method : kMethods) {
            const auto& a = of(c, method);
            if (!a) continue;
            out << c.id << ',' << method << ',' << c.raters << ',' << a->comparisons << ',' << csvNumber(a->sensitivity)
                << ',' << csvNumber(a->dice) << ',' << csvNumber(a->falsePositives) << ',' << csvNumber(a->fpr)
                << ",\n";
        }
    }
    return out.str();
}

std::string cohortJson(const std::vector<CohortCase>& cases, const CohortStatistics& stats) {
    auto num = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    nlohmann::json j;
    j["cases"] = nlohmann::json::array();
    for (const auto& c : cases) {
        nlohmann::json row{{"case", c.id}, {"raters", c.raters}};
        if (!c.error.empty()) row["error"] = c.error;
        for (const auto& method : kMethods) {
            if (!of(c, method) || !c.error.empty()) continue;
            nlohmann::json m;
            for (Metric metric : kMetrics) m[metricName(metric)] = num(metricValue(c, method, metric));
            row[method] = m;
        }
        j["cases"].push_back(row);
    }
    for (std::size_t i = 0; i < stats.methods.size(); ++i) {
        nlohmann::json m;
        for (std::size_t k = 0; k < kMetrics.size(); ++k) {
            const auto& ms = stats.summary[i][k];
            nlohmann::json cell{{"mean", ms.n ? nlohmann::json(ms.mean) : nlohmann::json(nullptr)},
                                {"sd", ms.n > 1 ? nlohmann::json(ms.sd) : nlohmann::json(nullptr)},
                                {"n", ms.n}};
            if (const auto& t = stats.vsInterRater[i][k]) {
                cell["wilcoxon_vs_ir"] = {{"V", t->statistic}, {"p", t->pValue}, {"n", t->n}, {"exact", t->exact}};
            }
            m[metricName(kMetrics[k])] = cell;
        }
        j["summary"][stats.methods[i]] = m;
    }
    return j.dump(2) + "\n";
}

}  // namespace lesiondelta::report
