// ViewerScene (Qt-free): every setter announces what changed, and only when something did;
// layers keep their identity and drawing order.
#include <gtest/gtest.h>

#include <vector>

#include "lesiondelta/viewer/ViewerScene.h"

using namespace lesiondelta;
using namespace lesiondelta::viewer;

namespace {

ImageVolume::Pointer tinyScan() {
    auto image = ImageVolume::New();
    ImageVolume::RegionType region;
    region.SetSize({4, 4, 4});
    image->SetRegions(region);
    image->Allocate(true);
    return image;
}

MaskLayer layerOf(LayerKind kind, std::string rater = {}) {
    MaskLayer l;
    l.id = {kind, std::move(rater)};
    l.name = "shown name";
    return l;
}

struct Recorder {
    const ViewerScene& scene;
    std::vector<unsigned> changes;
    int id;
    explicit Recorder(const ViewerScene& s)
        : scene(s), id(s.addListener([this](unsigned c) { changes.push_back(c); })) {}
    ~Recorder() { scene.removeListener(id); }
};

}  // namespace

TEST(ViewerScene, NewScansDropTheOldLayersAndProbabilityButKeepTheReadersHeatSettings) {
    ViewerScene scene;
    scene.setScans(tinyScan(), tinyScan());
    scene.setLayer(layerOf(LayerKind::Lst));
    scene.setHeatProbability(tinyScan());
    scene.setHeatFloor(0.35);
    scene.setHeatVisible(true);
    Recorder r(scene);
    scene.setScans(tinyScan(), tinyScan());
    EXPECT_TRUE(scene.ready());
    EXPECT_TRUE(scene.masks().empty());
    EXPECT_FALSE(scene.heat().probability);
    EXPECT_DOUBLE_EQ(scene.heat().floor, 0.35);
    EXPECT_TRUE(scene.heat().visible);
    ASSERT_EQ(r.changes.size(), 1u);
    EXPECT_TRUE(r.changes[0] & ViewerScene::Scans);
    EXPECT_TRUE(r.changes[0] & ViewerScene::LayerList);
}

TEST(ViewerScene, ALayerIsReplacedByIdentityWhereItIsAndANewOneGoesBelowOrAbove) {
    ViewerScene scene;
    scene.setLayer(layerOf(LayerKind::Lst));
    scene.setLayer(layerOf(LayerKind::Rater, "gt"));
    scene.setLayer(layerOf(LayerKind::Cnn), ViewerScene::Placement::Below);
    auto lst = layerOf(LayerKind::Lst);
    lst.rgb = 0x123456;
    Recorder r(scene);
    scene.setLayer(lst);
    ASSERT_EQ(scene.masks().size(), 3u);
    EXPECT_EQ(scene.masks()[0].id.kind, LayerKind::Cnn);
    EXPECT_EQ(scene.masks()[1].id.kind, LayerKind::Lst);
    EXPECT_EQ(scene.masks()[1].rgb, 0x123456u);
    EXPECT_EQ(scene.masks()[2].id, (LayerId{LayerKind::Rater, "gt"}));
    ASSERT_EQ(r.changes.size(), 1u);
    EXPECT_TRUE(r.changes[0] & ViewerScene::LayerList);
    // Another rater's layer is another identity, though the display name is the same.
    EXPECT_EQ(scene.layer({LayerKind::Rater, "other"}), nullptr);
}

TEST(ViewerScene, StyleSettersAnnounceOnlyRealChanges) {
    ViewerScene scene;
    scene.setLayer(layerOf(LayerKind::Cnn));
    const LayerId cnn{LayerKind::Cnn, {}};
    Recorder r(scene);
    EXPECT_TRUE(scene.setLayerVisible(cnn, true));  // already visible
    EXPECT_TRUE(r.changes.empty());
    EXPECT_TRUE(scene.setLayerVisible(cnn, false));
    EXPECT_TRUE(scene.setLayerOutline(cnn, true));
    EXPECT_TRUE(scene.setLayerOpacity(cnn, 7.0));
    scene.setOutlineOnBaseline(false);
    EXPECT_EQ(r.changes, (std::vector<unsigned>(4, ViewerScene::LayerStyle)));
    EXPECT_FALSE(scene.layer(cnn)->visible);
    EXPECT_TRUE(scene.layer(cnn)->outline);
    EXPECT_DOUBLE_EQ(scene.layer(cnn)->opacity, 1.0);  // clamped
    EXPECT_FALSE(scene.outlineOnBaseline());
    EXPECT_FALSE(scene.setLayerVisible({LayerKind::Lst, {}}, false));  // no such layer: nothing
    EXPECT_EQ(r.changes.size(), 4u);
    scene.setHeatVisible(true);
    scene.setHeatVisible(true);
    scene.setHeatFloor(0.5);
    EXPECT_EQ(r.changes.size(), 6u);
    EXPECT_EQ(r.changes.back(), unsigned(ViewerScene::Heat));
}

TEST(ViewerScene, AMaskEditedInPlaceIsAnnouncedAsNewPixels) {
    ViewerScene scene;
    auto mask = MaskVolume::New();
    scene.setLayer(layerOf(LayerKind::RaterEditing, "a"));
    Recorder r(scene);
    EXPECT_TRUE(scene.setLayerMask({LayerKind::RaterEditing, "a"}, mask.GetPointer()));
    EXPECT_TRUE(scene.setLayerMask({LayerKind::RaterEditing, "a"}, mask.GetPointer()));  // same volume, edited
    EXPECT_EQ(r.changes, (std::vector<unsigned>(2, ViewerScene::LayerPixels)));
    EXPECT_EQ(scene.layer({LayerKind::RaterEditing, "a"})->mask.GetPointer(), mask.GetPointer());
}

TEST(ViewerScene, RemovingLayersAnnouncesOnlyWhenOneWent) {
    ViewerScene scene;
    scene.setLayer(layerOf(LayerKind::Roi));
    scene.setLayer(layerOf(LayerKind::Cnn));
    Recorder r(scene);
    EXPECT_EQ(scene.removeLayers([](const MaskLayer& l) { return l.id.kind == LayerKind::Lst; }), 0u);
    EXPECT_TRUE(r.changes.empty());
    EXPECT_EQ(scene.removeLayers([](const MaskLayer& l) { return l.id.kind == LayerKind::Roi; }), 1u);
    ASSERT_EQ(scene.masks().size(), 1u);
    EXPECT_EQ(scene.masks()[0].id.kind, LayerKind::Cnn);
    ASSERT_EQ(r.changes.size(), 1u);
    EXPECT_TRUE(r.changes[0] & ViewerScene::LayerList);
}

TEST(ViewerScene, AListenerRemovedHearsNothingMore) {
    ViewerScene scene;
    int heard = 0;
    const int id = scene.addListener([&](unsigned) { ++heard; });
    scene.setHeatVisible(true);
    scene.removeListener(id);
    scene.setHeatVisible(false);
    EXPECT_EQ(heard, 1);
}
