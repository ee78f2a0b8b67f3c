#include "lesiondelta/pipeline/CaseFolder.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/pipeline/ResultsFolder.h"

namespace fs = std::filesystem;

namespace lesiondelta {
namespace {

bool isImageName(const std::string& name) {
    return name.ends_with(".nii") || name.ends_with(".nii.gz") || name.ends_with(".nrrd") || name.ends_with(".nhdr") ||
           name.ends_with(".mha") || name.ends_with(".mhd");
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

/// The one entry of `dir` whose lower-case name is `exact`+image extension or starts with one of
/// `prefixes`; a folder named `exact` counts (DICOM). Empty when none; an error when several.
std::string findByName(const fs::path& dir, const std::string& exact, const std::vector<std::string>& prefixes,
                       const std::string& what) {
    std::vector<fs::path> hits;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = lower(e.path().filename().string());
        if (e.is_directory()) {
            if (name == exact) hits.push_back(e.path());
            continue;
        }
        if (!isImageName(name)) continue;
        bool match = name.rfind(exact + ".", 0) == 0;
        for (const auto& p : prefixes) match = match || name.rfind(p, 0) == 0;
        if (match) hits.push_back(e.path());
    }
    if (hits.size() > 1) {
        throw VolumeError(dir.string(), "holds several candidates for the " + what + " scan (" +
                                            hits[0].filename().string() + ", " + hits[1].filename().string() +
                                            "); name it in case.json");
    }
    return hits.empty() ? "" : hits[0].string();
}

std::string existing(const fs::path& dir, const std::string& relative, const std::string& what) {
    const fs::path p = fs::path(relative).is_absolute() ? fs::path(relative) : dir / relative;
    if (!fs::exists(p)) throw VolumeError(p.string(), what + " named in case.json does not exist");
    return p.string();
}

}  // namespace

bool CaseFolder::hasResults() const { return ResultsFolder(results).hasCnnResult(); }

CaseFolder readCaseFolder(const std::string& folder) {
    const fs::path dir(folder);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw VolumeError(folder, "is not a folder");
    CaseFolder c;
    c.folder = folder;
    c.patient = dir.filename().string();
    c.results = (dir / "results").string();
    const fs::path caseJson = dir / "case.json", summary = ResultsFolder(dir).summary();
    if (fs::exists(caseJson)) {
        nlohmann::json j;
        try {
            std::ifstream in(caseJson);
            j = nlohmann::json::parse(in);
            if (!j.is_object()) throw std::runtime_error("not a JSON object");
            c.bl = existing(dir, j.at("bl").get<std::string>(), "the BL scan");
            c.fu = existing(dir, j.at("fu").get<std::string>(), "the FU scan");
            if (j.contains("lst")) c.lst = existing(dir, j["lst"].get<std::string>(), "the LST file");
            if (j.contains("raters")) {
                for (const auto& [name, file] : j["raters"].items())
                    c.raters[name] = existing(dir, file.get<std::string>(), "rater mask");
            }
            if (j.contains("patient")) c.patient = j["patient"].get<std::string>();
            if (j.contains("results")) c.results = (dir / j["results"].get<std::string>()).string();
            if (j.contains("scan") && j["scan"].is_object()) c.scan = j["scan"];
        } catch (const VolumeError&) {
            throw;
        } catch (const std::exception& e) {
            throw VolumeError(caseJson.string(), std::string("malformed case description: ") + e.what());
        }
    } else if (fs::exists(summary) && fs::exists(ResultsFolder(dir).newLesions())) {
        try {
            std::ifstream in(summary);
            const auto j = nlohmann::json::parse(in);
            c.bl = j.at("bl").get<std::string>();
            c.fu = j.at("fu").get<std::string>();
            c.results = folder;
            c.lst = findByName(dir, "lst", {"lst_", "lst-"}, "LST");
        } catch (const VolumeError&) {
            throw;
        } catch (const std::exception& e) {
            throw VolumeError(summary.string(), std::string("malformed result summary: ") + e.what());
        }
    } else {
        c.bl = findByName(dir, "bl", {"baseline"}, "BL");
        c.fu = findByName(dir, "fu", {"followup", "follow-up", "follow_up"}, "FU");
        c.lst = findByName(dir, "lst", {"lst_", "lst-"}, "LST");
    }
    if (c.bl.empty() || c.fu.empty()) {
        throw VolumeError(
            folder,
            "is not a case folder: no BL and FU scan found (bl.nii.gz and fu.nii.gz, or a case.json naming them)");
    }
    if (c.raters.empty() && fs::is_directory(dir / "raters", ec)) {
        for (const auto& e : fs::directory_iterator(dir / "raters", ec)) {
            const auto name = e.path().filename().string();
            if (!e.is_regular_file() || !isImageName(lower(name))) continue;
            std::string rater = name.substr(0, name.find('.'));
            c.raters[rater] = e.path().string();
        }
    }
    return c;
}

}  // namespace lesiondelta
