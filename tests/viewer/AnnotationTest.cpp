// Annotation tools on synthetic images: brush geometry, the ROI-threshold brush, erase-this-
// lesion with 26-connectivity, undo/redo with CNN decisions, safe saving and recovery.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>

#include "lesiondelta/core/MaskEditing.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/viewer/AnnotationSession.h"

using namespace lesiondelta;
using namespace lesiondelta::viewer;
namespace fs = std::filesystem;

namespace {

ImageVolume::Pointer grid(std::array<unsigned, 3> size, std::array<double, 3> spacing = {1, 1, 1}) {
    auto image = ImageVolume::New();
    ImageVolume::RegionType region;
    region.SetSize({size[0], size[1], size[2]});
    image->SetRegions(region);
    image->SetSpacing(spacing.data());
    image->Allocate(true);
    return image;
}

std::int64_t offsetOf(const ImageVolume& g, long x, long y, long z) {
    const auto s = g.GetLargestPossibleRegion().GetSize();
    return x + std::int64_t(s[0]) * (y + std::int64_t(s[1]) * z);
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("lesiondelta-annot-" + std::to_string(std::random_device{}()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add);
        fs::remove_all(path);
    }
};

}  // namespace

TEST(MaskEditing, DiscStaysInItsSliceAndSphereRespectsAnisotropicSpacing) {
    const auto g = grid({30, 30, 30}, {1, 1, 3});
    const auto disc = brushVoxels(*g, {{15, 15, 15}}, 2.0, false, 2);
    EXPECT_EQ(disc.size(), 13u);  // |dx|,|dy| integer points with dx^2+dy^2 <= 4
    for (auto o : disc) EXPECT_EQ(o / (30 * 30), 15);
    const auto sphere = brushVoxels(*g, {{15, 15, 15}}, 3.0, true);
    // z steps of 3 mm: the slices above and below hold only the centre voxel.
    int above = 0;
    for (auto o : sphere) above += o / (30 * 30) == 16;
    EXPECT_EQ(above, 1);
    EXPECT_EQ(sphere.size(), 29u + 2u);  // 29 in-plane points within 3 mm, +1 above, +1 below
    // Clipped at the volume's edge, never outside it.
    for (auto o : brushVoxels(*g, {{0, 0, 0}}, 5.0, true)) EXPECT_GE(o, 0);
}

TEST(MaskEditing, RoiThresholdMarksExactlyTheBrightVoxelsInsideTheRoi) {
    auto image = grid({20, 20, 5});
    std::mt19937 rng(3);
    std::normal_distribution<float> wm(100, 5);
    for (std::size_t i = 0; i < 2000; ++i) image->GetBufferPointer()[i] = wm(rng);
    // A bright lesion of 3x3 voxels in slice 2, and another bright spot outside the ROI.
    for (long y = 8; y < 11; ++y)
        for (long x = 8; x < 11; ++x) image->GetBufferPointer()[offsetOf(*image, x, y, 2)] = 180;
    image->GetBufferPointer()[offsetOf(*image, 1, 1, 2)] = 200;
    const auto roi = brushVoxels(*image, {{9, 9, 2}}, 4.0, false, 2);
    const double t = defaultRoiThreshold(*image, roi);
    EXPECT_GT(t, 120);
    EXPECT_LE(t, 180);
    auto selected = aboveThreshold(*image, roi, t);
    std::sort(selected.begin(), selected.end());
    VoxelOffsets expected;
    for (long y = 8; y < 11; ++y)
        for (long x = 8; x < 11; ++x) expected.push_back(offsetOf(*image, x, y, 2));
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(selected, expected);
}

TEST(MaskEditing, ComponentAtFollows26ConnectivityOnly) {
    auto g = grid({10, 10, 10});
    auto mask = MaskVolume::New();
    mask->CopyInformation(g);
    mask->SetRegions(g->GetLargestPossibleRegion());
    mask->Allocate(true);
    auto set = [&](long x, long y, long z) { mask->GetBufferPointer()[offsetOf(*g, x, y, z)] = 1; };
    set(2, 2, 2);
    set(3, 3, 3);  // corner neighbour: same lesion under 26-connectivity
    set(5, 3, 3);  // a gap of one voxel: another lesion
    EXPECT_EQ(componentAt(*mask, {{2, 2, 2}}).size(), 2u);
    EXPECT_EQ(componentAt(*mask, {{5, 3, 3}}).size(), 1u);
    EXPECT_TRUE(componentAt(*mask, {{0, 0, 0}}).empty());
}

TEST(AnnotationSession, UndoRedoRestoresMaskAndDecisionsOverManySteps) {
    const auto g = grid({20, 20, 20});
    AnnotationSession s(*g, "A");
    std::vector<std::vector<std::uint8_t>> states;
    auto snapshot = [&] {
        const auto* m = s.mask().GetBufferPointer();
        return std::vector<std::uint8_t>(m, m + 8000);
    };
    states.push_back(snapshot());
    for (int i = 0; i < 90; ++i) {
        const VoxelIndex c{{i % 20, (i * 7) % 20, (i * 3) % 20}};
        const std::size_t changed =
            i % 3 == 2 ? s.erase(brushVoxels(*g, c, 2.0, true)) : s.paint(brushVoxels(*g, c, 1.5, i % 2 == 0));
        if (changed) states.push_back(snapshot());  // an edit that changes nothing is no step
    }
    ASSERT_GE(states.size(), 52u);
    s.accept(7, brushVoxels(*g, {{10, 10, 10}}, 1.0, true));
    s.reject(8);
    EXPECT_EQ(s.decisions().at(7), CnnDecision::Accepted);
    EXPECT_EQ(s.decisions().at(8), CnnDecision::Rejected);
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(s.decisions().count(8), 0u);
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(s.decisions().count(7), 0u);
    EXPECT_EQ(snapshot(), states.back());
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(s.undo());
    EXPECT_EQ(snapshot(), states[states.size() - 51]);
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(s.redo());
    EXPECT_EQ(snapshot(), states.back());
    ASSERT_TRUE(s.redo());
    EXPECT_EQ(s.decisions().at(7), CnnDecision::Accepted);
    // A new edit clears the redo history.
    s.undo();
    s.paint({0});
    EXPECT_FALSE(s.canRedo());
    EXPECT_EQ(s.toolCounts().at("paint") + s.toolCounts().at("erase"), int(states.size()));
}

TEST(AnnotationSession, EraseLesionRemovesTheWholeComponentAndIsOneStep) {
    const auto g = grid({20, 20, 20});
    AnnotationSession s(*g, "A");
    s.paint(brushVoxels(*g, {{5, 5, 5}}, 2.0, true));
    s.paint(brushVoxels(*g, {{15, 15, 15}}, 2.0, true));
    const auto removed = s.eraseLesion({{5, 5, 6}});
    EXPECT_EQ(removed, brushVoxels(*g, {{5, 5, 5}}, 2.0, true).size());
    EXPECT_EQ(s.mask().GetPixel({{15, 15, 15}}), 1);
    s.undo();
    EXPECT_EQ(s.mask().GetPixel({{5, 5, 5}}), 1);
}

TEST(AnnotationSession, SavesMaskAndSidecarAndLoadsThemBack) {
    TempDir dir;
    const auto g = grid({12, 12, 12});
    AnnotationSession s(*g, "Dr. A");
    s.paint(brushVoxels(*g, {{6, 6, 6}}, 2.0, true));
    s.accept(3, {0, 1});
    s.reject(4);
    const std::string path = (dir.path / "rater_A.nii.gz").string();
    s.save(path, "0.1.0");
    EXPECT_FALSE(s.dirty());
    const auto back = AnnotationSession::load(path, *g);
    EXPECT_EQ(back.rater(), "Dr. A");
    EXPECT_EQ(back.decisions().at(3), CnnDecision::Accepted);
    EXPECT_EQ(back.decisions().at(4), CnnDecision::Rejected);
    EXPECT_EQ(back.toolCounts().at("paint"), 1);
    EXPECT_EQ(std::vector<std::uint8_t>(back.mask().GetBufferPointer(), back.mask().GetBufferPointer() + 1728),
              std::vector<std::uint8_t>(s.mask().GetBufferPointer(), s.mask().GetBufferPointer() + 1728));
    // A mask of another grid is refused with the file named.
    try {
        AnnotationSession::load(path, *grid({10, 10, 10}));
        FAIL() << "a mask of another grid was accepted";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("rater_A.nii.gz"), std::string::npos);
    }
}

TEST(AnnotationSession, AFailedSaveLeavesThePreviousFileIntactAndTheEditsInMemory) {
    TempDir dir;
    const auto g = grid({12, 12, 12});
    AnnotationSession s(*g, "A");
    s.paint({5});
    const std::string path = (dir.path / "mask.nii.gz").string();
    s.save(path, "0.1.0");
    const auto before = fs::file_size(path);
    s.paint(brushVoxels(*g, {{6, 6, 6}}, 3.0, true));
    // A target that cannot be written even by root: its folder is a regular file.
    const std::string impossible = (dir.path / "mask.nii.gz" / "again.nii.gz").string();
    EXPECT_THROW(s.save(impossible, "0.1.0"), std::exception);
    EXPECT_TRUE(s.dirty());                  // the edits are still in memory
    EXPECT_EQ(fs::file_size(path), before);  // the previous file is untouched
    EXPECT_EQ(readMask(path)->GetBufferPointer()[5], 1);
    for (const auto& e : fs::directory_iterator(dir.path)) {
        EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << "left behind: " << e.path();
    }
}

TEST(AnnotationSession, RecoveryFileRestoresUnsavedEditsAfterAKilledProcess) {
    TempDir dir;
    const auto g = grid({12, 12, 12});
    const std::string recovery = (dir.path / "recovery.nii.gz").string();
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        AnnotationSession s(*g, "A");
        s.paint(brushVoxels(*g, {{4, 4, 4}}, 2.0, true));
        s.reject(9);
        s.writeRecovery(recovery, "0.1.0");  // the autosave
        ::kill(::getpid(), SIGKILL);         // a crash before any regular save
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    const auto restored = AnnotationSession::load(recovery, *g);
    EXPECT_EQ(restored.mask().GetPixel({{4, 4, 4}}), 1);
    EXPECT_EQ(restored.decisions().at(9), CnnDecision::Rejected);
}

TEST(AnnotationSession, ABrushStrokeIsOneUndoStepAndOneUseOfItsTool) {
    const auto g = grid({20, 20, 20});
    AnnotationSession s(*g, "A");
    s.paint(brushVoxels(*g, {{3, 3, 3}}, 1.5, true));  // an earlier dab, its own step
    const auto* m = s.mask().GetBufferPointer();
    const std::vector<std::uint8_t> before(m, m + 8000);
    s.beginStroke();
    s.paint(brushVoxels(*g, {{3, 3, 4}}, 1.5, true));  // overlaps the earlier dab: not merged into it
    for (int x = 4; x < 16; ++x) s.paint(brushVoxels(*g, {{x, 10, 10}}, 1.5, true));
    s.endStroke();
    const std::vector<std::uint8_t> after(m, m + 8000);
    ASSERT_NE(after, before);
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(std::vector<std::uint8_t>(m, m + 8000), before);
    ASSERT_TRUE(s.redo());
    EXPECT_EQ(std::vector<std::uint8_t>(m, m + 8000), after);
    EXPECT_EQ(s.toolCounts().at("paint"), 2);
    // After the stroke ends, the next dab is a step of its own.
    s.paint(brushVoxels(*g, {{17, 17, 17}}, 1.0, true));
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(std::vector<std::uint8_t>(m, m + 8000), after);
    // An erase stroke likewise; a CNN decision in mid-stroke stays a step of its own.
    s.beginStroke();
    s.erase(brushVoxels(*g, {{6, 10, 10}}, 1.5, true));
    s.reject(4);
    s.erase(brushVoxels(*g, {{12, 10, 10}}, 1.5, true));
    s.erase(brushVoxels(*g, {{13, 10, 10}}, 1.5, true));
    s.endStroke();
    ASSERT_TRUE(s.undo());  // the two dabs after the decision
    EXPECT_EQ(s.decisions().count(4), 1u);
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(s.decisions().count(4), 0u);
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(std::vector<std::uint8_t>(m, m + 8000), after);
}
