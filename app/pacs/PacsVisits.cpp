#include "lesiondelta/pacs/PacsVisits.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/VolumeError.h"

namespace fs = std::filesystem;

namespace lesiondelta::pacs {
namespace {

/// 20240312 -> 2024-03-12; empty when it is not a DICOM date.
std::string iso(const std::string& dicomDate) {
    if (dicomDate.size() != 8 || !std::all_of(dicomDate.begin(), dicomDate.end(), ::isdigit)) return {};
    return dicomDate.substr(0, 4) + "-" + dicomDate.substr(4, 2) + "-" + dicomDate.substr(6, 2);
}

}  // namespace

FlairVisits flairVisits(const std::vector<StudyInfo>& studies) {
    FlairVisits out;
    for (const auto& study : studies) {
        if (out.patientId.empty()) out.patientId = study.patientId, out.patientName = study.patientName;
        if (study.patientId != out.patientId)
            throw PacsError("the search found more than one patient (" + out.patientId + ", " + study.patientId +
                            "); search by patient ID");
        const SeriesInfo* best = nullptr;
        for (const auto& s : study.series)
            if (s.looksLikeFlair() && (!best || s.instances > best->instances)) best = &s;
        const std::string date = iso(study.date);
        if (!best) {
            out.studiesWithoutFlair.push_back((date.empty() ? study.date : date) + " (" + study.studyUid + ")");
            continue;
        }
        if (date.empty())
            throw PacsError("the study " + study.studyUid + " of " + study.patientId +
                            " has no date; a course needs the date of every visit");
        out.visits.push_back({date, study.studyUid, best->seriesUid, best->description, best->instances});
    }
    std::stable_sort(out.visits.begin(), out.visits.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    return out;
}

std::string retrieveVisits(const PacsClient& client, const FlairVisits& visits, const std::string& cacheRoot,
                           const std::string& seriesDir, const RetrieveProgress& progress) {
    if (visits.visits.size() < 2)
        throw PacsError("patient " + visits.patientId + " has " + std::to_string(visits.visits.size()) +
                        " FLAIR visit(s) in the PACS; a course needs at least two");
    int expected = 0, before = 0;
    for (const auto& v : visits.visits) expected += v.instances;
    nlohmann::json series = {{"patient", visits.patientId}, {"visits", nlohmann::json::array()}};
    for (const auto& v : visits.visits) {
        const std::string folder = client.retrieveSeries(v.studyUid, v.seriesUid, cacheRoot, [&](int received, int) {
            return !progress || progress(before + received, expected);
        });
        before += v.instances;
        series["visits"].push_back({{"flair", fs::absolute(folder).string()}, {"date", v.date}});
    }
    try {
        fs::create_directories(seriesDir);
        writeAtomically((fs::path(seriesDir) / "series.json").string(), [&](const std::string& temp) {
            std::ofstream out(temp);
            out << series.dump(2) << "\n";
            if (!out.flush()) throw VolumeError(temp, "cannot be written");
        });
    } catch (const std::exception& e) {
        throw PacsError(seriesDir + ": the series cannot be written: " + e.what());
    }
    return seriesDir;
}

}  // namespace lesiondelta::pacs
