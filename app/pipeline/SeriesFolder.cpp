#include "lesiondelta/pipeline/SeriesFolder.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>

#include "lesiondelta/core/DicomSeries.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/pipeline/BidsDataset.h"

namespace fs = std::filesystem;

namespace lesiondelta {

namespace {

std::chrono::year_month_day parseDate(const std::string& iso) {
    const std::string d = isoDate(iso);
    if (d.empty()) throw std::invalid_argument("not a date: " + iso);
    return std::chrono::year_month_day{std::chrono::year{std::stoi(d.substr(0, 4))},
                                       std::chrono::month{unsigned(std::stoi(d.substr(5, 2)))},
                                       std::chrono::day{unsigned(std::stoi(d.substr(8, 2)))}};
}

bool isImage(const fs::path& p) {
    const std::string n = p.filename().string();
    return n.ends_with(".nii.gz") || n.ends_with(".nii") || n.ends_with(".nrrd") || n.ends_with(".mha");
}

PatientSeries fromJson(const fs::path& dir) {
    const fs::path file = dir / "series.json";
    nlohmann::json j;
    try {
        std::ifstream in(file);
        j = nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        throw VolumeError(file.string(), std::string("is not valid JSON: ") + e.what());
    }
    if (!j.is_object() || !j.contains("visits") || !j["visits"].is_array())
        throw VolumeError(file.string(), "needs a \"visits\" list of {\"flair\": FILE, \"date\": YYYY-MM-DD}");
    PatientSeries s;
    s.source = "series.json";
    s.patient = j.value("patient", dir.filename().string());
    s.rebaseline = j.value("rebaseline", "");
    for (const auto& v : j["visits"]) {
        if (!v.is_object() || !v.contains("flair") || !v["flair"].is_string())
            throw VolumeError(file.string(), "every visit needs \"flair\": the scan's file");
        SeriesVisit visit;
        visit.flair = (dir / v["flair"].get<std::string>()).lexically_normal().string();
        const std::string date = v.value("date", "");
        visit.date = isoDate(date);
        if (visit.date.empty())
            throw VolumeError(file.string(), "the visit " + v["flair"].get<std::string>() +
                                                 (date.empty() ? " has no date" : " has no valid date (" + date + ")") +
                                                 "; give \"date\": \"YYYY-MM-DD\"");
        visit.label = v.value("label", visit.date);
        s.visits.push_back(visit);
    }
    return s;
}

PatientSeries fromBids(const fs::path& subjectDir) {
    const std::string subject = subjectDir.filename().string().substr(4);
    const auto scan = findBidsPairs(subjectDir.parent_path().string());
    PatientSeries s;
    s.source = "BIDS";
    s.patient = subject;
    for (const auto& pair : scan.pairs) {
        if (pair.subject != subject) continue;
        for (const auto* ses : {&pair.bl, &pair.fu}) {
            if (std::any_of(s.visits.begin(), s.visits.end(), [&](const auto& v) { return v.flair == ses->flair; }))
                continue;
            const std::string date = isoDate(ses->date);
            if (date.empty())
                throw VolumeError(ses->flair, "has no acquisition date (scans.tsv, sessions.tsv or its JSON sidecar)");
            s.visits.push_back({"ses-" + ses->session, ses->flair, date, {}});
        }
    }
    return s;
}

PatientSeries fromFileNames(const fs::path& dir) {
    PatientSeries s;
    s.source = "file names";
    s.patient = dir.filename().string();
    std::vector<fs::path> files, folders;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.is_regular_file() && isImage(e.path())) files.push_back(e.path());
        if (e.is_directory()) folders.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::sort(folders.begin(), folders.end());
    // DICOM folders, one per visit, dated by their headers.
    for (const auto& folder : folders) {
        const auto series = listDicomSeries(folder.string());
        if (series.empty()) continue;
        std::vector<DicomSeriesInfo> flair;
        for (const auto& one : series) {
            std::string d = one.description;
            std::transform(d.begin(), d.end(), d.begin(), [](unsigned char c) { return char(std::tolower(c)); });
            if (d.find("flair") != std::string::npos) flair.push_back(one);
        }
        if (series.size() == 1) flair = series;
        if (flair.size() != 1)
            throw VolumeError(folder.string(),
                              "holds " + std::to_string(series.size()) +
                                  " DICOM series and not exactly one named FLAIR; give the visits in " +
                                  (dir / "series.json").string());
        std::string date = isoDate(flair.front().date);
        if (date.empty()) date = isoDate(folder.filename().string());
        if (date.empty())
            throw VolumeError(folder.string(),
                              "has no acquisition or study date in its DICOM headers; give the dates in " +
                                  (dir / "series.json").string());
        s.visits.push_back({date, folder.string(), date, series.size() > 1 ? flair.front().uid : std::string()});
    }
    for (const auto& f : files) {
        const std::string date = dateInName(f.filename().string());
        if (date.empty())
            throw VolumeError(f.string(), "has no date in its name (2024-03-12 or 20240312); give the dates in " +
                                              (dir / "series.json").string());
        s.visits.push_back({date, f.string(), date, {}});
    }
    return s;
}

}  // namespace

std::string isoDate(const std::string& text) {
    static const std::regex iso(R"(^(\d{4})-?(\d{2})-?(\d{2}))");
    std::smatch m;
    if (!std::regex_search(text, m, iso)) return {};
    const std::chrono::year_month_day d{std::chrono::year{std::stoi(m[1])},
                                        std::chrono::month{unsigned(std::stoi(m[2]))},
                                        std::chrono::day{unsigned(std::stoi(m[3]))}};
    if (!d.ok()) return {};
    return m[1].str() + "-" + m[2].str() + "-" + m[3].str();
}

std::string dateInName(const std::string& name) {
    static const std::regex dated(R"((\d{4})-?(\d{2})-?(\d{2}))");
    for (auto it = std::sregex_iterator(name.begin(), name.end(), dated); it != std::sregex_iterator(); ++it)
        if (std::string date = isoDate((*it)[0].str()); !date.empty()) return date;
    return {};
}

int daysBetween(const std::string& from, const std::string& to) {
    return int((std::chrono::sys_days{parseDate(to)} - std::chrono::sys_days{parseDate(from)}).count());
}

int findVisit(const PatientSeries& series, const std::string& labelOrDate) {
    for (std::size_t i = 0; i < series.visits.size(); ++i)
        if (series.visits[i].label == labelOrDate || series.visits[i].date == labelOrDate) return int(i);
    return -1;
}

PatientSeries readSeriesFolder(const std::string& dirText) {
    const fs::path dir = fs::path(dirText).lexically_normal();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw VolumeError(dirText, "is not a folder");
    PatientSeries s;
    const std::string name = (dir.filename().empty() ? dir.parent_path() : dir).filename().string();
    bool hasSessions = false;
    for (const auto& e : fs::directory_iterator(dir, ec))
        hasSessions |= e.is_directory() && e.path().filename().string().starts_with("ses-");
    if (fs::exists(dir / "series.json")) {
        s = fromJson(dir);
    } else if (name.starts_with("sub-") && hasSessions) {
        s = fromBids(dir.filename().empty() ? dir.parent_path() : dir);
    } else {
        s = fromFileNames(dir);
    }
    s.folder = dir.string();
    if (s.visits.empty())
        throw VolumeError(dirText,
                          "holds no visits: give series.json, a BIDS subject folder or FLAIRs with dates in "
                          "their names");
    for (const auto& v : s.visits)
        if (!fs::exists(v.flair)) throw VolumeError(v.flair, "does not exist (a visit of " + dirText + ")");
    std::stable_sort(s.visits.begin(), s.visits.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    for (std::size_t i = 1; i < s.visits.size(); ++i)
        if (s.visits[i].date == s.visits[i - 1].date)
            throw VolumeError(s.visits[i].flair, "has the same date (" + s.visits[i].date + ") as " +
                                                     s.visits[i - 1].flair + ": one visit per date");
    if (s.visits.size() < 2) throw VolumeError(dirText, "holds one visit; a course needs at least two");
    if (!s.rebaseline.empty() && findVisit(s, s.rebaseline) < 0)
        throw VolumeError(dirText,
                          "names the rebaseline visit \"" + s.rebaseline + "\", which is not one of its visits");
    return s;
}

}  // namespace lesiondelta
