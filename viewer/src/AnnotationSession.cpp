#include "lesiondelta/viewer/AnnotationSession.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/VolumeChecks.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"

namespace lesiondelta::viewer {
namespace {

std::string nowUtc() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

const char* name(CnnDecision d) { return d == CnnDecision::Accepted ? "accepted" : "rejected"; }

}  // namespace

AnnotationSession::AnnotationSession(const itk::ImageBase<kDim>& fuGrid, std::string rater)
    : rater_(std::move(rater)), started_(nowUtc()) {
    mask_ = MaskVolume::New();
    mask_->CopyInformation(&fuGrid);
    mask_->SetRegions(fuGrid.GetLargestPossibleRegion());
    mask_->Allocate(true);
}

AnnotationSession AnnotationSession::load(const std::string& maskPath, const itk::ImageBase<kDim>& fuGrid) {
    const auto mask = readMask(maskPath);
    if (!sameGrid(*mask, fuGrid)) throw VolumeError(maskPath, "is not on this case's FU grid");
    AnnotationSession s(fuGrid, "");
    s.mask_ = mask;
    std::ifstream in(sidecarPath(maskPath));
    if (in) {
        try {
            const auto j = nlohmann::json::parse(in);
            s.rater_ = j.value("rater", "");
            s.started_ = j.value("started", s.started_);
            const auto counts = j.value("tool_counts", nlohmann::json::object());
            for (const auto& [tool, n] : counts.items()) s.toolCounts_[tool] = n.get<int>();
            const auto lesions = j.value("cnn_lesions", nlohmann::json::array());
            for (const auto& d : lesions) {
                s.decisions_[d.at("id").get<unsigned>()] =
                    d.at("decision").get<std::string>() == "accepted" ? CnnDecision::Accepted : CnnDecision::Rejected;
            }
        } catch (const std::exception& e) {
            throw VolumeError(sidecarPath(maskPath), std::string("malformed annotation sidecar: ") + e.what());
        }
    }
    return s;
}

std::size_t AnnotationSession::apply(const std::string& tool, const VoxelOffsets& voxels, std::uint8_t value,
                                     unsigned lesion, std::optional<CnnDecision> decision) {
    Step s;
    s.tool = tool;
    s.value = value;
    s.lesion = lesion;
    s.decisionAfter = decision;
    if (decision) {
        const auto it = decisions_.find(lesion);
        if (it != decisions_.end()) s.decisionBefore = it->second;
    }
    const std::uint8_t* m = mask_->GetBufferPointer();
    for (auto o : voxels) {
        if (m[o] != value) {
            s.voxels.push_back(o);
            s.before.push_back(m[o]);
        }
    }
    if (s.voxels.empty() && !decision) return 0;
    redoStep(s);
    redo_.clear();
    dirty_ = true;
    if (strokeStep_ && !decision && undo_.back().tool == tool) {  // the open stroke's next dab
        auto& stroke = undo_.back();
        stroke.voxels.insert(stroke.voxels.end(), s.voxels.begin(), s.voxels.end());
        stroke.before.insert(stroke.before.end(), s.before.begin(), s.before.end());
        return s.voxels.size();
    }
    ++toolCounts_[tool];
    strokeStep_ = strokeOpen_ && !decision;
    const std::size_t changed = s.voxels.size();
    undo_.push_back(std::move(s));
    if (undo_.size() > kHistory) undo_.pop_front();
    return changed;
}

void AnnotationSession::beginStroke() {
    strokeOpen_ = true;
    strokeStep_ = false;
}

void AnnotationSession::endStroke() {
    strokeOpen_ = false;
    strokeStep_ = false;
}

void AnnotationSession::redoStep(const Step& s) {
    std::uint8_t* m = mask_->GetBufferPointer();
    for (auto o : s.voxels) m[o] = s.value;
    if (s.decisionAfter) decisions_[s.lesion] = *s.decisionAfter;
    mask_->Modified();
}

void AnnotationSession::undoStep(const Step& s) {
    std::uint8_t* m = mask_->GetBufferPointer();
    for (std::size_t i = 0; i < s.voxels.size(); ++i) m[s.voxels[i]] = s.before[i];
    if (s.decisionAfter) {
        if (s.decisionBefore) {
            decisions_[s.lesion] = *s.decisionBefore;
        } else {
            decisions_.erase(s.lesion);
        }
    }
    mask_->Modified();
}

std::size_t AnnotationSession::roiThreshold(const ImageVolume& fu, const VoxelOffsets& roi, double threshold) {
    return apply("roi_threshold", aboveThreshold(fu, roi, threshold), 1);
}

std::size_t AnnotationSession::eraseLesion(const VoxelIndex& voxel) {
    return apply("erase_lesion", componentAt(*mask_, voxel), 0);
}

std::size_t AnnotationSession::accept(unsigned cnnLesion, const VoxelOffsets& voxels) {
    return apply("accept", voxels, 1, cnnLesion, CnnDecision::Accepted);
}

void AnnotationSession::reject(unsigned cnnLesion) { apply("reject", {}, 0, cnnLesion, CnnDecision::Rejected); }

bool AnnotationSession::undo() {
    if (undo_.empty()) return false;
    strokeStep_ = false;  // dabs after an undo in mid-stroke start a new step
    undoStep(undo_.back());
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
    dirty_ = true;
    return true;
}

bool AnnotationSession::redo() {
    if (redo_.empty()) return false;
    strokeStep_ = false;
    redoStep(redo_.back());
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
    dirty_ = true;
    return true;
}

std::string AnnotationSession::sidecarPath(const std::string& maskPath) {
    std::string base = maskPath;
    for (const char* ext : {".nii.gz", ".nii", ".nrrd", ".mha"}) {
        if (base.ends_with(ext)) {
            base.resize(base.size() - std::string(ext).size());
            break;
        }
    }
    return base + ".json";
}

void AnnotationSession::writeFiles(const std::string& maskPath, const std::string& softwareVersion) const {
    nlohmann::json decisions = nlohmann::json::array();
    for (const auto& [id, d] : decisions_) decisions.push_back({{"id", id}, {"decision", name(d)}});
    const nlohmann::json sidecar = {{"rater", rater_},
                                    {"started", started_},
                                    {"saved", nowUtc()},
                                    {"software", {{"name", "LesionDelta"}, {"version", softwareVersion}}},
                                    {"grid", "FU"},
                                    {"tool_counts", toolCounts_},
                                    {"cnn_lesions", decisions}};
    // The mask first, then the sidecar: each replaced atomically, never half-written.
    writeMask(*mask_, maskPath);
    writeAtomically(sidecarPath(maskPath), [&](const std::string& temp) {
        std::ofstream out(temp);
        out << sidecar.dump(2) << "\n";
        if (!out.flush()) throw VolumeError(sidecarPath(maskPath), "cannot be written");
    });
}

void AnnotationSession::save(const std::string& maskPath, const std::string& softwareVersion) {
    writeFiles(maskPath, softwareVersion);
    dirty_ = false;
}

void AnnotationSession::writeRecovery(const std::string& maskPath, const std::string& softwareVersion) const {
    writeFiles(maskPath, softwareVersion);
}

}  // namespace lesiondelta::viewer
