// lesiondelta-cli pacs echo|find|get|visits|store|send --pacs AE@HOST:PORT [--ae OUR_AE] [--timeout 10] ...
// The PACS from the command line (issue 21): test a node, search a patient's studies and series,
// retrieve a series into the local cache, send DICOM files. Connects only when asked.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "Arguments.h"
#include "Commands.h"
#include "Interrupt.h"
#include "ReportApplication.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pacs/CaseResultsDicom.h"
#include "lesiondelta/pacs/PacsClient.h"
#include "lesiondelta/pacs/PacsVisits.h"

namespace fs = std::filesystem;

namespace lesiondelta::cli {
namespace {

/// Where retrieved series are kept: $XDG_CACHE_HOME/lesiondelta/pacs (or ~/.cache/...).
std::string defaultCache() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return (fs::path(xdg) / "lesiondelta/pacs").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".cache/lesiondelta/pacs").string();
    return (fs::temp_directory_path() / "lesiondelta-pacs").string();
}

/// The patient search of find and visits: --patient-name and/or --patient-id, --date.
pacs::StudyQuery studyQuery(const Arguments& a, const std::string& verb) {
    pacs::StudyQuery q;
    q.patientName = a.optional("--patient-name").value_or("");
    q.patientId = a.optional("--patient-id").value_or("");
    q.dateRange = a.optional("--date").value_or("");
    if (q.patientName.empty() && q.patientId.empty())
        throw UsageError("pacs " + verb + " needs --patient-name or --patient-id");
    return q;
}

/// Retrieval progress on stderr in tenths ("[40%] 18 of 46 files"); Ctrl-C cancels.
pacs::RetrieveProgress retrievalProgress(bool quiet) {
    return [quiet, lastShown = -1](int received, int expected) mutable {
        if (!quiet && expected > 0 && received * 10 / expected != lastShown) {
            lastShown = received * 10 / expected;
            std::cerr << "[" << received * 100 / expected << "%] " << received << " of " << expected << " files\n";
        }
        return !interrupted();
    };
}

int fail(const std::string& message) {
    std::cerr << "error: " << message << "\n";
    return 1;
}

}  // namespace

int runPacs(const std::vector<std::string>& args) {
    if (args.empty()) throw UsageError("pacs needs an action: echo, find, get, visits, store or send");
    const std::string action = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    const Arguments a(rest,
                      {"--pacs", "--ae", "--timeout", "--patient-name", "--patient-id", "--date", "--study", "--series",
                       "--cache", "--file", "--case", "--report", "--fu", "--out"},
                      {"--quiet", "--no-outlines"});
    pacs::PacsNode node;
    try {
        node = pacs::parseNode(a.required("--pacs"));
    } catch (const pacs::PacsError& e) {
        throw UsageError(e.what());
    }
    node.ourAeTitle = a.optional("--ae").value_or("LESIONDELTA");
    node.timeoutSeconds = int(a.number("--timeout", 10, 1, 600));
    try {
        const pacs::PacsClient client(node);
        if (action == "echo") {
            client.echo();
            std::cout << "PACS " << node.describe() << " answers (C-ECHO as " << node.ourAeTitle << ")\n";
            return 0;
        }
        if (action == "find") {
            const auto q = studyQuery(a, "find");
            const auto studies = client.findStudies(q);
            for (const auto& s : studies) {
                std::cout << "study " << s.studyUid << "  " << s.date << "  " << s.patientId << "  " << s.patientName
                          << (s.description.empty() ? "" : "  \"" + s.description + "\"") << "\n";
                for (const auto& se : s.series)
                    std::cout << "  series " << se.seriesUid << "  #" << se.number << "  " << se.modality << "  "
                              << se.instances << " images  \"" << se.description << "\""
                              << (se.looksLikeFlair() ? "  FLAIR" : "") << "\n";
            }
            std::cerr << studies.size() << (studies.size() == 1 ? " study" : " studies") << " found\n";
            return 0;
        }
        if (action == "get") {
            const std::string cache = a.optional("--cache").value_or(defaultCache());
            const auto folder = client.retrieveSeries(a.required("--study"), a.required("--series"), cache,
                                                      retrievalProgress(a.flag("--quiet")));
            std::cout << folder << "\n";
            return 0;
        }
        if (action == "visits") {
            // The patient's course: every study's FLAIR into the cache, named in OUT/series.json.
            const auto q = studyQuery(a, "visits");
            const auto visits = pacs::flairVisits(client.findStudies(q));
            for (const auto& skipped : visits.studiesWithoutFlair)
                std::cerr << "left out: the study of " << skipped << " has no series named FLAIR\n";
            const auto dir = pacs::retrieveVisits(client, visits, a.optional("--cache").value_or(defaultCache()),
                                                  a.required("--out"), retrievalProgress(a.flag("--quiet")));
            std::cerr << visits.visits.size() << " visits of " << visits.patientId << ", " << visits.visits.front().date
                      << " to " << visits.visits.back().date << "\n";
            std::cout << dir << "\n";
            return 0;
        }
        if (action == "send") {
            // The case's results as DICOM in CASE/dicom/ (the outline pictures need Qt's fonts).
            const auto app = reportApplication(a);
            const auto written = pacs::writeCaseResultsAsDicom({.caseDir = a.required("--case"),
                                                                .fuFolder = a.optional("--fu").value_or(""),
                                                                .reportPdf = a.optional("--report").value_or(""),
                                                                .outlineCapture = !a.flag("--no-outlines")});
            for (const auto& f : written.files()) std::cerr << "wrote " << f << "\n";
            const int n = client.store(written.files());
            std::cout << "sent " << n << " DICOM objects (" << written.describe() << ") to PACS " << node.describe()
                      << "\n";
            return 0;
        }
        if (action == "store") {
            const auto files = a.all("--file");
            if (files.empty()) throw UsageError("pacs store needs --file FILE_OR_FOLDER (repeatable)");
            const int n = client.store(files);
            std::cout << "sent " << n << " DICOM files to PACS " << node.describe() << "\n";
            return 0;
        }
    } catch (const pacs::PacsError& e) {
        return fail(e.what());
    }
    throw UsageError("unknown pacs action '" + action + "' (echo, find, get, visits, store or send)");
}

}  // namespace lesiondelta::cli
