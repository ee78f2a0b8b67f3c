// The course's numbers, files and sentence (SeriesAnalysis.h).
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <set>
#include <sstream>

#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/ResultText.h"
#include "lesiondelta/pipeline/SeriesAnalysis.h"

namespace fs = std::filesystem;

namespace lesiondelta {

namespace {

int rebaselineIndex(const SeriesResult& r) {
    const int i = r.series.rebaseline.empty() ? -1 : findVisit(r.series, r.series.rebaseline);
    if (i >= 0) return i;
    for (std::size_t v = 0; v < r.visits.size(); ++v)
        if (r.visits[v].error.empty()) return int(v);
    return 0;
}

struct IntervalCounts {
    int fresh = 0, again = 0;
    double ml = 0.0;
};

IntervalCounts countsOf(const SeriesResult& r, std::size_t k) {
    IntervalCounts c;
    for (const auto& l : r.course.lesions) {
        const double ml = l.changeMl[k];
        if (!(ml > 0)) continue;
        (l.firstInterval == int(k) ? c.fresh : c.again) += 1;
        c.ml += ml;
    }
    return c;
}

/// Lesions new or enlarging in any interval after the rebaseline visit; which intervals count.
struct SinceRebaseline {
    int lesions = 0, followUps = 0, unmeasured = 0;
    double years = 0.0;
};

SinceRebaseline sinceRebaseline(const SeriesResult& r) {
    const int base = rebaselineIndex(r);
    SinceRebaseline s;
    std::set<unsigned> active;
    for (std::size_t k = 0; k < r.intervals.size(); ++k) {
        const auto& interval = r.intervals[k];
        if (interval.from < base) continue;
        ++s.followUps;
        s.years += interval.days / 365.25;
        if (!interval.error.empty()) {
            ++s.unmeasured;
            continue;
        }
        for (const auto& l : r.course.lesions)
            if (l.changeMl[k] > 0) active.insert(l.id);
    }
    s.lesions = int(active.size());
    return s;
}

std::string fixed(double v, int digits) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(digits) << v;
    return o.str();
}

}  // namespace

std::string courseSentence(const SeriesResult& r) {
    const auto s = sinceRebaseline(r);
    const std::string since = r.visits[rebaselineIndex(r)].visit.date;
    const std::string followUps = std::to_string(s.followUps) + (s.followUps == 1 ? " follow-up" : " follow-ups");
    std::string text;
    if (s.lesions == 0) {
        text = "No new or enlarging T2 lesions since " + since + " (" + followUps + ")";
    } else {
        text = std::to_string(s.lesions) +
               (s.lesions == 1 ? " new or enlarging T2 lesion" : " new or enlarging T2 lesions") + " since " + since +
               " in " + followUps;
        if (s.years > 0) text += " (" + fixed(s.lesions / s.years, 1) + " per year)";
    }
    if (s.unmeasured > 0)
        text += "; " + std::to_string(s.unmeasured) + (s.unmeasured == 1 ? " interval" : " intervals") +
                " could not be measured";
    return text + ".";
}

report::CourseData courseReportData(const SeriesResult& r) {
    const auto q = [](const std::string& t) { return QString::fromStdString(t); };
    report::CourseData c;
    c.patient = q(r.series.patient);
    c.reference = q(r.visits[r.reference].visit.label);
    const int base = rebaselineIndex(r);
    c.rebaseline = q(r.visits[base].visit.label);
    c.rebaselineDate = q(r.visits[base].visit.date);
    for (const auto& v : r.visits) c.visits.push_back({q(v.visit.label), q(v.visit.date), q(v.error)});
    for (std::size_t k = 0; k < r.intervals.size(); ++k) {
        const auto& i = r.intervals[k];
        report::CourseInterval ci;
        ci.from = q(r.visits[i.from].visit.label);
        ci.to = q(r.visits[i.to].visit.label);
        ci.days = i.days;
        ci.measured = i.error.empty();
        ci.unreliable = i.unreliable;
        QStringList notes;
        if (!i.error.empty()) notes << q(i.error);
        for (const auto& w : i.warnings) notes << q(w);
        ci.note = notes.join(QStringLiteral(" "));
        if (ci.measured) {
            const auto counts = countsOf(r, k);
            ci.fresh = counts.fresh;
            ci.again = counts.again;
            ci.ml = counts.ml;
        }
        c.intervals.push_back(ci);
    }
    for (const auto& l : r.course.lesions) {
        report::CourseLesion cl;
        cl.id = l.id;
        cl.firstSeen = q(r.visits[r.intervals[l.firstInterval].to].visit.label);
        for (int k : l.activeAgain()) cl.againAt << q(r.visits[r.intervals[k].to].visit.label);
        cl.changeMl = l.changeMl;
        c.lesions.push_back(cl);
    }
    const auto s = sinceRebaseline(r);
    c.lesionsSinceRebaseline = s.lesions;
    c.followUps = s.followUps;
    c.unmeasured = s.unmeasured;
    c.years = s.years;
    return c;
}

nlohmann::json seriesSummary(const SeriesResult& r) {
    nlohmann::json visits = nlohmann::json::array(), intervals = nlohmann::json::array(),
                   lesions = nlohmann::json::array();
    for (const auto& v : r.visits) {
        nlohmann::json j = {{"label", v.visit.label}, {"date", v.visit.date}, {"flair", v.visit.flair}};
        if (!v.error.empty()) j["error"] = v.error;
        visits.push_back(j);
    }
    int cumulative = 0;
    for (std::size_t k = 0; k < r.intervals.size(); ++k) {
        const auto& i = r.intervals[k];
        nlohmann::json j = {{"from", r.visits[i.from].visit.label},
                            {"to", r.visits[i.to].visit.label},
                            {"days", i.days},
                            {"results", i.folder},
                            {"reused", i.reused}};
        if (!i.error.empty()) {
            j["error"] = i.error;
        } else {
            const auto c = countsOf(r, k);
            cumulative += c.fresh;
            j["new"] = c.fresh;
            j["enlarging_again"] = c.again;
            j["new_or_enlarging_ml"] = c.ml;
            j["cumulative_lesions"] = cumulative;
            j["per_year"] = i.days > 0 ? nlohmann::json((c.fresh + c.again) / (i.days / 365.25)) : nlohmann::json();
            j["findings_in_pair"] = i.findings;
        }
        if (!i.warnings.empty()) j["warnings"] = i.warnings;
        j["unreliable"] = i.unreliable;
        intervals.push_back(j);
    }
    for (const auto& l : r.course.lesions) {
        nlohmann::json ml = nlohmann::json::array();
        for (double v : l.changeMl) ml.push_back(std::isnan(v) ? nlohmann::json() : nlohmann::json(v));
        nlohmann::json again = nlohmann::json::array();
        for (int k : l.activeAgain()) again.push_back(r.visits[r.intervals[k].to].visit.label);
        lesions.push_back({{"id", l.id},
                           {"first_seen", r.visits[r.intervals[l.firstInterval].to].visit.label},
                           {"enlarging_again_at", again},
                           {"change_ml", ml},
                           {"centroid_lps_mm", l.centroidLpsMm}});
    }
    const auto s = sinceRebaseline(r);
    return {{"patient", r.series.patient},
            {"source", r.series.source},
            {"reference", r.visits[r.reference].visit.label},
            {"rebaseline", r.visits[rebaselineIndex(r)].visit.label},
            {"visits", visits},
            {"intervals", intervals},
            {"lesions", lesions},
            {"since_rebaseline",
             {{"new_or_enlarging", s.lesions},
              {"follow_ups", s.followUps},
              {"years", s.years},
              {"unmeasured_intervals", s.unmeasured}}},
            {"sentence", courseSentence(r)}};
}

void writeSeriesOutputs(const SeriesResult& r, const std::string& outDir) {
    const fs::path out(outDir);
    fs::create_directories(out);
    std::ostringstream lesions;
    lesions << "id,first_seen";
    for (const auto& i : r.intervals)
        lesions << ",ml_" << r.visits[i.from].visit.label << "_to_" << r.visits[i.to].visit.label;
    lesions << ",x_lps_mm,y_lps_mm,z_lps_mm\n";
    for (const auto& l : r.course.lesions) {
        lesions << l.id << "," << r.visits[r.intervals[l.firstInterval].to].visit.label;
        for (double v : l.changeMl) lesions << "," << (std::isnan(v) ? std::string() : fixed(v, 4));
        for (double c : l.centroidLpsMm) lesions << "," << fixed(c, 1);
        lesions << "\n";
    }
    std::ostringstream intervals;
    intervals << "from,to,days,new,enlarging_again,new_or_enlarging_ml,per_year,unreliable,error\n";
    for (std::size_t k = 0; k < r.intervals.size(); ++k) {
        const auto& i = r.intervals[k];
        intervals << r.visits[i.from].visit.label << "," << r.visits[i.to].visit.label << "," << i.days << ",";
        if (i.error.empty()) {
            const auto c = countsOf(r, k);
            intervals << c.fresh << "," << c.again << "," << fixed(c.ml, 4) << ","
                      << (i.days > 0 ? fixed((c.fresh + c.again) / (i.days / 365.25), 2) : "");
        } else {
            intervals << ",,,";
        }
        std::string error = i.error;
        for (char& ch : error)
            if (ch == ',' || ch == '\n') ch = ';';
        intervals << "," << (i.unreliable ? "yes" : "no") << "," << error << "\n";
    }
    writeLabels(*r.course.identities, (out / "lesion_ids.nii.gz").string());
    writeTextAtomically((out / "lesions.csv").string(), lesions.str());
    writeTextAtomically((out / "intervals.csv").string(), intervals.str());
    writeTextAtomically((out / "series.json").string(), seriesSummary(r).dump(2) + "\n");  // last
}

}  // namespace lesiondelta
