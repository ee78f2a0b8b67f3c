#include "lesiondelta/pipeline/ResultsFolder.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <vector>

#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/ResultText.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace fs = std::filesystem;

namespace lesiondelta {

std::string ResultsFolder::fileList() {
    const ResultsFolder f("");
    std::string out = "{";
    for (const auto& p : f.files()) out += (out.size() > 1 ? ", " : "") + p.filename().string();
    return out + "}";
}

bool ResultsFolder::hasCnnResult() const {
    std::error_code ec;
    return !dir_.empty() && fs::exists(newLesions(), ec) && fs::exists(probability(), ec);
}

void ResultsFolder::write(const SegmentationResult& r) const {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (!fs::is_directory(dir_)) throw VolumeError(dir_.string(), "output folder cannot be created");
    writeMask(*r.newLesions, newLesions().string());
    writeVolume(*r.probability, probability().string());
    writeVolume(*r.blInFu, blInFu().string());
    writeTransform(*r.fuToBl, transform().string());
    writeTextAtomically(lesionTable().string(), lesionsCsv(r.lesions));
    writeTextAtomically(summary().string(), r.summary.dump(2) + "\n");
}

fs::path ResultsFolder::keepEarlier() const {
    std::error_code ec;
    std::vector<fs::path> present;
    for (const auto& f : files())
        if (fs::exists(f, ec)) present.push_back(f);
    if (present.empty()) return {};
    // Named by when the results were made: summary.json's time, else the newest file's.
    fs::file_time_type made{};
    for (const auto& f : present) made = std::max(made, fs::last_write_time(f, ec));
    if (fs::exists(summary(), ec)) made = fs::last_write_time(summary(), ec);
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(made));
    char name[32];
    std::strftime(name, sizeof name, "%Y-%m-%dT%H%M%S", std::gmtime(&t));
    fs::path target = earlierDir() / name;
    for (int n = 2; fs::exists(target, ec); ++n) target = earlierDir() / (std::string(name) + "-" + std::to_string(n));
    fs::create_directories(target, ec);
    if (ec) throw VolumeError(target.string(), "cannot be created to keep the earlier results: " + ec.message());
    // Last written, first moved: summary.json goes first, so that a folder left half-moved no
    // longer claims to hold complete results.
    for (auto f = present.rbegin(); f != present.rend(); ++f) {
        fs::rename(*f, target / f->filename(), ec);
        if (ec) throw VolumeError(f->string(), "cannot be moved to " + target.string() + ": " + ec.message());
    }
    return target;
}

nlohmann::json ResultsFolder::readSummary() const {
    std::ifstream in(summary());
    if (!in) return nullptr;
    try {
        return nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        throw VolumeError(summary().string(), std::string("malformed JSON: ") + e.what());
    }
}

ImageVolume::Pointer ResultsFolder::readProbability(const ImageVolume& fu) const {
    auto p = readVolume(probability().string());
    if (!sameGrid(*p, fu)) throw VolumeError(probability().string(), "is not on the follow-up scan's grid");
    p->CopyInformation(&fu);  // within sameGrid's tolerance: take FU's geometry exactly
    return p;
}

ImageVolume::Pointer ResultsFolder::readBlInFu(const ImageVolume& fu) const {
    std::error_code ec;
    if (!fs::exists(blInFu(), ec)) return nullptr;
    auto b = readVolume(blInFu().string());
    return sameGrid(*b, fu) ? b : nullptr;
}

}  // namespace lesiondelta
