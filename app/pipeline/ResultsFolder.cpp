#include "ResultsFolder.h"

#include <fstream>

#include "ResultText.h"
#include "SegmentationPipeline.h"
#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"

namespace fs = std::filesystem;

namespace lesiondelta {

std::string ResultsFolder::fileList() {
    const ResultsFolder f("");
    std::string out = "{";
    for (const auto& p : {f.newLesions(), f.probability(), f.blInFu(), f.transform(), f.lesionTable(), f.summary()})
        out += (out.size() > 1 ? ", " : "") + p.filename().string();
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
