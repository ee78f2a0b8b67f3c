#pragma once
// One rater's mask being edited (issue 6), Qt-free: every tool action (a paint or erase stroke,
// the ROI-threshold brush, erase-this-lesion, accepting or rejecting a CNN lesion) is one undoable
// step; saving writes the mask (NIfTI, FU grid) and a JSON sidecar (rater, times, tool counts,
// software version, decisions on CNN lesions) atomically, so a crash never leaves a half-written
// file. The same pair of files serves as the recovery file for autosave.
#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <string>

#include "lesiondelta/core/MaskEditing.h"
#include "lesiondelta/core/Volume.h"

namespace lesiondelta::viewer {

enum class CnnDecision { Accepted, Rejected };

class AnnotationSession {
public:
    static constexpr std::size_t kHistory = 100;  // undo steps kept

    /// An empty mask on `fuGrid` for `rater`.
    AnnotationSession(const itk::ImageBase<kDim>& fuGrid, std::string rater);
    /// A mask saved earlier (its sidecar, when present, restores decisions and counts). Throws
    /// VolumeError naming the file when it is unreadable or not on `fuGrid`.
    static AnnotationSession load(const std::string& maskPath, const itk::ImageBase<kDim>& fuGrid);

    const MaskVolume& mask() const { return *mask_; }
    MaskVolume::ConstPointer maskPointer() const { return mask_.GetPointer(); }
    const std::string& rater() const { return rater_; }

    /// Between beginStroke() and endStroke() (a press, drag and release of the brush), the paint or
    /// erase dabs of one tool are one undo step and count as one use of the tool.
    void beginStroke();
    void endStroke();
    std::size_t paint(const VoxelOffsets& voxels) { return apply("paint", voxels, 1); }
    std::size_t erase(const VoxelOffsets& voxels) { return apply("erase", voxels, 0); }
    /// The paper's tool: within the ROI, voxels at or above `threshold` become lesion.
    std::size_t roiThreshold(const ImageVolume& fu, const VoxelOffsets& roi, double threshold);
    /// Erases the 26-connected lesion of the mask under `voxel`.
    std::size_t eraseLesion(const VoxelIndex& voxel);
    /// Copies a CNN lesion into the mask and records the decision; reject records only.
    std::size_t accept(unsigned cnnLesion, const VoxelOffsets& voxels);
    void reject(unsigned cnnLesion);
    const std::map<unsigned, CnnDecision>& decisions() const { return decisions_; }

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    bool undo();
    bool redo();
    bool dirty() const { return dirty_; }
    const std::map<std::string, int>& toolCounts() const { return toolCounts_; }

    /// Writes MASK (.nii.gz) and its sidecar (same name, .json) atomically; clears dirty().
    void save(const std::string& maskPath, const std::string& softwareVersion);
    /// Same files, but dirty() stays: the recovery copy of unsaved edits.
    void writeRecovery(const std::string& maskPath, const std::string& softwareVersion) const;
    static std::string sidecarPath(const std::string& maskPath);

private:
    struct Step {
        std::string tool;
        VoxelOffsets voxels;
        std::vector<std::uint8_t> before;
        std::uint8_t value = 0;
        unsigned lesion = 0;  // CNN lesion of an accept/reject step
        std::optional<CnnDecision> decisionBefore, decisionAfter;
    };
    std::size_t apply(const std::string& tool, const VoxelOffsets& voxels, std::uint8_t value, unsigned lesion = 0,
                      std::optional<CnnDecision> decision = std::nullopt);
    void redoStep(const Step& s);
    void undoStep(const Step& s);
    void writeFiles(const std::string& maskPath, const std::string& softwareVersion) const;

    MaskVolume::Pointer mask_;
    std::string rater_;
    std::map<unsigned, CnnDecision> decisions_;
    std::map<std::string, int> toolCounts_;
    std::deque<Step> undo_, redo_;
    bool dirty_ = false;
    bool strokeOpen_ = false;  // between beginStroke and endStroke
    bool strokeStep_ = false;  // the open stroke has its step on top of undo_
    std::string started_;
};

}  // namespace lesiondelta::viewer
