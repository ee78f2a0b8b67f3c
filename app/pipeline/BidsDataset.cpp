#include "lesiondelta/pipeline/BidsDataset.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lesiondelta/core/VolumeError.h"

namespace fs = std::filesystem;

namespace lesiondelta {

namespace {

bool isFlair(const std::string& name) { return name.ends_with("_FLAIR.nii.gz") || name.ends_with("_FLAIR.nii"); }

/// Rows of a BIDS .tsv as column -> value maps.
std::vector<std::map<std::string, std::string>> readTsv(const fs::path& path) {
    std::vector<std::map<std::string, std::string>> rows;
    std::ifstream in(path);
    std::string line;
    if (!std::getline(in, line)) return rows;
    auto split = [](const std::string& l) {
        std::vector<std::string> cells;
        std::stringstream ss(l);
        for (std::string c; std::getline(ss, c, '\t');) {
            while (!c.empty() && (c.back() == '\r' || c.back() == ' ')) c.pop_back();
            cells.push_back(c);
        }
        return cells;
    };
    const auto header = split(line);
    while (std::getline(in, line)) {
        const auto cells = split(line);
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
        rows.push_back(row);
    }
    return rows;
}

std::string sidecarDate(const fs::path& flair) {
    std::string name = flair.filename().string();
    name = name.substr(0, name.find(".nii"));
    std::ifstream in(flair.parent_path() / (name + ".json"));
    if (!in) return {};
    try {
        const auto j = nlohmann::json::parse(in);
        for (const char* key : {"AcquisitionDateTime", "AcquisitionDate"}) {
            if (j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
        }
    } catch (const std::exception&) {
    }
    return {};
}

std::string dateOf(const fs::path& subjectDir, const std::string& session, const fs::path& flair,
                   const std::vector<std::map<std::string, std::string>>& sessionsTsv) {
    const fs::path sesDir = subjectDir / ("ses-" + session);
    for (const auto& e : fs::directory_iterator(sesDir)) {
        if (!e.path().filename().string().ends_with("_scans.tsv")) continue;
        for (auto& row : readTsv(e.path())) {
            if (row["filename"] == "anat/" + flair.filename().string() && !row["acq_time"].empty())
                return row["acq_time"];
        }
    }
    for (auto row : sessionsTsv) {
        if (row["session_id"] == "ses-" + session && !row["acq_time"].empty()) return row["acq_time"];
    }
    return sidecarDate(flair);
}

}  // namespace

BidsScan findBidsPairs(const std::string& dataset) {
    std::error_code ec;
    if (!fs::is_directory(dataset, ec)) throw VolumeError(dataset, "is not a folder");
    BidsScan scan;
    std::vector<fs::path> subjects;
    for (const auto& e : fs::directory_iterator(dataset, ec)) {
        if (e.is_directory() && e.path().filename().string().rfind("sub-", 0) == 0) subjects.push_back(e.path());
    }
    if (subjects.empty()) throw VolumeError(dataset, "holds no sub-* folder: not a BIDS dataset");
    std::sort(subjects.begin(), subjects.end());
    for (const auto& subjectDir : subjects) {
        const std::string subject = subjectDir.filename().string().substr(4);
        std::vector<std::map<std::string, std::string>> sessionsTsv;
        if (fs::exists(subjectDir / ("sub-" + subject + "_sessions.tsv"))) {
            sessionsTsv = readTsv(subjectDir / ("sub-" + subject + "_sessions.tsv"));
        }
        std::vector<BidsSession> sessions;
        for (const auto& s : fs::directory_iterator(subjectDir, ec)) {
            const std::string sesName = s.path().filename().string();
            if (!s.is_directory() || sesName.rfind("ses-", 0) != 0) continue;
            std::vector<fs::path> flairs;
            for (const auto& f : fs::directory_iterator(s.path() / "anat", ec)) {
                if (isFlair(f.path().filename().string())) flairs.push_back(f.path());
            }
            if (flairs.empty()) continue;
            std::sort(flairs.begin(), flairs.end());
            if (flairs.size() > 1) {
                scan.notes.push_back("sub-" + subject + " " + sesName + ": " + std::to_string(flairs.size()) +
                                     " FLAIR files; using " + flairs.front().filename().string() +
                                     " (the first by name)");
            }
            BidsSession session{subject, sesName.substr(4), flairs.front().string(), {}};
            session.date = dateOf(subjectDir, session.session, flairs.front(), sessionsTsv);
            sessions.push_back(session);
        }
        if (sessions.size() < 2) {
            scan.notes.push_back("sub-" + subject + ": " + std::to_string(sessions.size()) +
                                 " FLAIR session(s), no pair to compare; skipped");
            continue;
        }
        const bool allDated =
            std::all_of(sessions.begin(), sessions.end(), [](const auto& s) { return !s.date.empty(); });
        if (allDated) {
            std::sort(sessions.begin(), sessions.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
        } else {
            std::sort(sessions.begin(), sessions.end(),
                      [](const auto& a, const auto& b) { return a.session < b.session; });
            scan.notes.push_back("sub-" + subject +
                                 ": not every session has an acquisition date; sessions ordered by label");
        }
        for (std::size_t i = 0; i + 1 < sessions.size(); ++i)
            scan.pairs.push_back({subject, sessions[i], sessions[i + 1]});
    }
    return scan;
}

std::string derivativesStem(const BidsPair& pair) { return "sub-" + pair.subject + "_ses-" + pair.fu.session; }

std::string derivativesFolder(const std::string& derivatives, const BidsPair& pair) {
    return (fs::path(derivatives) / ("sub-" + pair.subject) / ("ses-" + pair.fu.session) / "anat").string();
}

}  // namespace lesiondelta
