// lesiondelta-cli report --case DIR -o report.pdf [--anonymise] [--language en|de] [--lesion-pictures N] [--min-ml
// 0.01] lesiondelta-cli cohort (--cases LIST.csv | --study DIR) -o cohort.pdf [--csv F] [--json F] [--title T]
//                        [--compute [--model FILE]]
// Reports need Qt's PDF engine and fonts; without a display Qt's offscreen platform is used.
#include <QApplication>
#include <QStringList>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "Arguments.h"
#include "Commands.h"
#include "CsvLine.h"
#include "Interrupt.h"
#include "Localization.h"
#include "ReportApplication.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/pipeline/CaseFolder.h"
#include "lesiondelta/pipeline/ReportCaseLoader.h"
#include "lesiondelta/pipeline/ResultText.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"
#include "lesiondelta/report/CohortReport.h"
#include "lesiondelta/report/PatientReport.h"

namespace fs = std::filesystem;

namespace lesiondelta::cli {

std::unique_ptr<QApplication> reportApplication(const Arguments& a) {
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY") && !std::getenv("QT_QPA_PLATFORM")) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    }
    static int argc = 1;
    static char name[] = "lesiondelta-cli";
    static char* argv[] = {name, nullptr};
    auto app = std::make_unique<QApplication>(argc, argv);
    const QString language = QString::fromStdString(a.optional("--language").value_or(""));
    if (!language.isEmpty() && !i18n::availableLanguages().contains(language))
        throw UsageError("--language must be one of: " + i18n::availableLanguages().join(", ").toStdString());
    i18n::installTranslations(language);
    return app;
}

namespace {

std::string outputPath(const Arguments& a) {
    if (auto o = a.optional("-o")) return *o;
    if (auto o = a.optional("--out")) return *o;
    throw UsageError("missing -o FILE.pdf");
}

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

/// (case id, case folder) pairs from a CSV with a header line and columns case,folder.
std::vector<std::pair<std::string, std::string>> listedCases(const std::string& list) {
    std::ifstream in(list);
    if (!in) throw VolumeError(list, "cannot be read");
    const fs::path base = fs::path(list).parent_path();
    std::vector<std::pair<std::string, std::string>> out;
    std::string line;
    std::getline(in, line);
    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \r\t") == std::string::npos) continue;
        const auto cells = splitCsvLine(line);
        if (cells.size() < 2 || cells[1].empty()) {
            throw VolumeError(list, "line " + std::to_string(lineNo) + ": expected case,folder");
        }
        const fs::path folder = fs::path(cells[1]).is_absolute() ? fs::path(cells[1]) : base / cells[1];
        out.emplace_back(cells[0], folder.string());
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> studyCases(const std::string& study) {
    std::error_code ec;
    if (!fs::is_directory(study, ec)) throw VolumeError(study, "is not a folder");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : fs::directory_iterator(study, ec)) {
        if (e.is_directory()) out.emplace_back(e.path().filename().string(), e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

int runReport(const std::vector<std::string>& args) {
    const Arguments a(args, {"--case", "-o", "--out", "--lesion-pictures", "--min-ml", "--language"},
                      {"--anonymise", "--quiet"});
    const auto start = std::chrono::steady_clock::now();
    const std::string out = outputPath(a);
    report::PatientReportOptions options;
    options.anonymise = a.flag("--anonymise");
    options.lesionPictures = int(a.number("--lesion-pictures", 12, 0, 200));
    options.minMl = a.number("--min-ml", kMinLesionMl, 0.0, 1e6);
    options.softwareVersion = QString::fromLatin1(kVersion);
    options.progress = stopOnInterrupt();
    const auto folder = readCaseFolder(a.required("--case"));
    const auto app = reportApplication(a);
    const auto c = loadReportCase(folder);
    for (const auto& w : c.warnings) std::cerr << "warning: " << w << "\n";
    const int pages = report::writePatientReport(c, options, out);
    if (!a.flag("--quiet")) std::printf("wrote %s (%d pages) in %.1f s\n", out.c_str(), pages, seconds(start));
    return 0;
}

int runCohort(const std::vector<std::string>& args) {
    const Arguments a(
        args, {"--cases", "--study", "-o", "--out", "--csv", "--json", "--title", "--min-ml", "--model", "--language"},
        {"--quiet", "--compute"});
    const auto start = std::chrono::steady_clock::now();
    const std::string out = outputPath(a);
    const double minMl = a.number("--min-ml", kMinLesionMl, 0.0, 1e6);
    const auto list = a.optional("--cases"), study = a.optional("--study");
    if (bool(list) == bool(study)) throw UsageError("give either --cases LIST.csv or --study DIR");
    const auto entries = list ? listedCases(*list) : studyCases(*study);
    if (entries.empty()) throw VolumeError(list ? *list : *study, "lists no case");
    const auto app = reportApplication(a);
    std::vector<report::CohortCase> cases;
    for (const auto& [id, folder] : entries) {
        report::CohortCase row;
        row.id = id;
        try {
            const auto caseFolder = readCaseFolder(folder);
            if (a.flag("--compute") && !caseFolder.hasResults()) {
                // The CNN result is missing: compute it now and keep it in the case folder.
                std::cerr << "segmenting " << id << " into " << caseFolder.results << " ...\n";
                SegmentationInput input;
                input.blPath = caseFolder.bl;
                input.fuPath = caseFolder.fu;
                input.modelPath = a.optional("--model").value_or(findShippedModel());
                ResultsFolder(caseFolder.results).write(runSegmentation(input));
            }
            const auto c = loadReportCase(caseFolder, true);
            for (const auto& w : c.warnings) std::cerr << "warning: " << id << ": " << w << "\n";
            const auto cmp = report::compareCase(c, minMl, report::CompareScope::MetricsOnly);
            row.raters = unsigned(c.raters.size());
            row.interRater = cmp.interRater;
            row.cnn = cmp.cnnVsRaters;
            row.lst = cmp.lstVsRaters;
            if (c.raters.empty()) row.error = "no rater mask: nothing to compare with";
        } catch (const VolumeError& e) {
            row.error = e.what();
        }
        if (!row.error.empty()) std::cerr << "skipped " << id << ": " << row.error << "\n";
        cases.push_back(row);
    }
    const auto stats = report::cohortStatistics(cases);
    const fs::path stem = fs::path(out).replace_extension();
    const std::string csv = a.optional("--csv").value_or(stem.string() + ".csv");
    const std::string json = a.optional("--json").value_or(stem.string() + ".json");
    report::CohortReportOptions options;
    options.title = QString::fromStdString(a.optional("--title").value_or(""));
    options.softwareVersion = QString::fromLatin1(kVersion);
    const int pages = report::writeCohortReport(cases, options, out);
    writeTextAtomically(csv, report::cohortCsv(cases));
    writeTextAtomically(json, report::cohortJson(cases, stats));
    if (!a.flag("--quiet")) {
        std::printf("wrote %s (%d pages), %s and %s: %zu cases in %.1f s\n", out.c_str(), pages, csv.c_str(),
                    json.c_str(), cases.size(), seconds(start));
    }
    return 0;
}

}  // namespace lesiondelta::cli
