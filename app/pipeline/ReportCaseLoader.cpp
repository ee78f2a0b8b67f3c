#include "lesiondelta/pipeline/ReportCaseLoader.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "lesiondelta/core/DicomSeries.h"
#include "lesiondelta/core/MaskImport.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace fs = std::filesystem;

namespace lesiondelta {

namespace {

nlohmann::json readJsonFile(const fs::path& path) {
    std::ifstream in(path);
    if (!in) return nullptr;
    try {
        return nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        throw VolumeError(path.string(), std::string("malformed JSON: ") + e.what());
    }
}

/// The JSON sidecar of a scan file (X.nii.gz -> X.json), or null.
nlohmann::json sidecarOf(const std::string& scan) {
    fs::path p(scan);
    std::string name = p.filename().string();
    for (const char* ext : {".nii.gz", ".nii", ".nrrd", ".mha", ".mhd"}) {
        if (name.size() > std::strlen(ext) && name.ends_with(ext)) {
            name.resize(name.size() - std::strlen(ext));
            break;
        }
    }
    const fs::path json = p.parent_path() / (name + ".json");
    return fs::exists(json) ? readJsonFile(json) : nlohmann::json(nullptr);
}

std::string dateOf(const nlohmann::json& sidecar) {
    for (const char* key : {"AcquisitionDateTime", "AcquisitionDate", "StudyDate"}) {
        if (sidecar.is_object() && sidecar.contains(key) && sidecar[key].is_string()) {
            return sidecar[key].get<std::string>().substr(0, 10);
        }
    }
    return {};
}

MaskVolume::ConstPointer onFuGrid(const MaskVolume& mask, const ImageVolume& fu, const std::string& path,
                                  std::vector<std::string>& warnings) {
    auto mapped = mapMaskToGrid(mask, fu, path);
    if (!mapped.warning.empty()) warnings.push_back(mapped.warning);
    return mapped.mask;
}

}  // namespace

report::ReportCase loadReportCase(const CaseFolder& f, bool masksOnly) {
    report::ReportCase c;
    c.id = f.patient;
    c.blPath = f.bl;
    c.fuPath = f.fu;
    c.scanInfo = scanInfo(f);
    const ResultsFolder results(f.results);
    if (results.hasCnnResult()) {
        c.fu = readVolume(f.fu);
        c.cnn = onFuGrid(*readMask(results.newLesions().string()), *c.fu, results.newLesions().string(), c.warnings);
        c.cnnSummary = results.readSummary();
        // The plausibility warnings segment recorded (Plausibility.h) go into the report.
        if (c.cnnSummary.is_object() && c.cnnSummary.contains("warnings") && c.cnnSummary["warnings"].is_array()) {
            for (const auto& w : c.cnnSummary["warnings"]) {
                if (w.is_object() && w.contains("message") && w["message"].is_string())
                    c.warnings.push_back(w["message"].get<std::string>());
            }
        }
        if (!masksOnly) {
            c.probability = results.readProbability(*c.fu);
            c.blInFu = results.readBlInFu(*c.fu);
        }
    } else if (masksOnly) {
        c.fu = readVolume(f.fu);
    } else {
        SegmentationInput input;
        input.blPath = f.bl;
        input.fuPath = f.fu;
        nlohmann::json timings;
        const auto pair = loadAndRegisterPair(input, timings);
        c.fu = pair.fu;
        c.blInFu = pair.blInFu;
        c.warnings.push_back("no CNN result in " + f.results + " (run lesiondelta-cli segment first)");
    }
    if (!f.lst.empty()) {
        const auto labels = readLabels(f.lst);
        std::set<std::uint32_t> unexpected;
        const auto n = labels->GetLargestPossibleRegion().GetNumberOfPixels();
        for (std::size_t i = 0; i < n && unexpected.size() < 5; ++i) {
            if (labels->GetBufferPointer()[i] > 3) unexpected.insert(labels->GetBufferPointer()[i]);
        }
        if (!unexpected.empty()) {
            throw VolumeError(f.lst, "holds label " + std::to_string(*unexpected.begin()) +
                                         "; an LST change map has labels 0-3 (3 = increase)");
        }
        c.lst = onFuGrid(*lstIncreaseMask(*labels), *c.fu, f.lst, c.warnings);
    }
    for (const auto& [name, path] : f.raters) c.raters[name] = onFuGrid(*readMask(path), *c.fu, path, c.warnings);
    return c;
}

nlohmann::json scanInfo(const CaseFolder& f) {
    nlohmann::json info = f.scan;
    const auto bl = sidecarOf(f.bl), fu = sidecarOf(f.fu);
    if (!info.contains("bl_date") && !dateOf(bl).empty()) info["bl_date"] = dateOf(bl);
    if (!info.contains("fu_date") && !dateOf(fu).empty()) info["fu_date"] = dateOf(fu);
    if (fu.is_object()) {
        if (!info.contains("scanner") && fu.contains("ManufacturersModelName"))
            info["scanner"] = fu["ManufacturersModelName"];
        if (!info.contains("sequence") && fu.contains("SeriesDescription")) info["sequence"] = fu["SeriesDescription"];
    }
    // DICOM folders: date, scanner and series description of their (single) series.
    auto fromDicom = [&](const std::string& scan, const char* dateKey, bool details) {
        std::error_code ec;
        if (!fs::is_directory(scan, ec)) return;
        const auto series = listDicomSeries(scan);
        if (series.size() != 1) return;
        if (!info.contains(dateKey) && !series[0].date.empty()) info[dateKey] = series[0].date;
        if (!details) return;
        if (!info.contains("scanner") && !series[0].scanner.empty()) info["scanner"] = series[0].scanner;
        if (!info.contains("sequence") && !series[0].description.empty()) info["sequence"] = series[0].description;
    };
    fromDicom(f.bl, "bl_date", false);
    fromDicom(f.fu, "fu_date", true);
    return info;
}

}  // namespace lesiondelta
