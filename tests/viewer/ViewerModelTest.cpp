// The viewer's Qt-free parts: display axes (orientation), coupling model, window/level and the
// slice renderer, on images made here.
#include <gtest/gtest.h>
#include <itkImageRegionIteratorWithIndex.h>

#include "lesiondelta/viewer/DisplayAxes.h"
#include "lesiondelta/viewer/Ruler.h"
#include "lesiondelta/viewer/SlicePairModel.h"
#include "lesiondelta/viewer/SliceRenderer.h"
#include "lesiondelta/viewer/WindowLevel.h"

using namespace lesiondelta;
using namespace lesiondelta::viewer;

namespace {

/// An image whose voxel value is its linear buffer offset, with the given direction.
ImageVolume::Pointer indexImage(std::array<unsigned, 3> size, const ImageVolume::DirectionType& direction,
                                std::array<double, 3> spacing = {1, 1, 1}) {
    auto image = ImageVolume::New();
    ImageVolume::RegionType region;
    region.SetSize({size[0], size[1], size[2]});
    image->SetRegions(region);
    image->SetDirection(direction);
    image->SetSpacing(spacing.data());
    image->Allocate();
    float* v = image->GetBufferPointer();
    for (std::size_t i = 0; i < region.GetNumberOfPixels(); ++i) v[i] = float(i);
    return image;
}

ImageVolume::DirectionType directionOf(std::array<std::array<double, 3>, 3> columns) {
    ImageVolume::DirectionType d;
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < 3; ++r) d[r][c] = columns[c][r];
    return d;
}

}  // namespace

TEST(DisplayAxes, IdentityDirectionKeepsVoxelIndices) {
    ImageVolume::DirectionType d;
    d.SetIdentity();
    const auto image = indexImage({4, 5, 6}, d);
    const DisplayAxes axes(*image);
    EXPECT_EQ(axes.size(), (DisplayIndex{4, 5, 6}));
    const VoxelIndex v = axes.voxelFromDisplay({1, 2, 3});
    EXPECT_EQ(v[0], 1);
    EXPECT_EQ(v[1], 2);
    EXPECT_EQ(v[2], 3);
    EXPECT_EQ(axes.offset({1, 2, 3}), 1 + 4 * (2 + 5 * 3));
}

TEST(DisplayAxes, DisplayAxesRunAlongLpsForFlippedAndPermutedScans) {
    // A sagittally stored scan in RAS-like order: voxel i runs towards Anterior (-y), j towards
    // Superior (+z), k towards Right (-x).
    const auto d = directionOf({{{0, -1, 0}, {0, 0, 1}, {-1, 0, 0}}});
    const auto image = indexImage({7, 8, 9}, d, {0.5, 1.0, 3.0});
    const DisplayAxes axes(*image);
    EXPECT_EQ(axes.size(), (DisplayIndex{9, 7, 8}));
    EXPECT_DOUBLE_EQ(axes.spacingMm()[0], 3.0);
    EXPECT_DOUBLE_EQ(axes.spacingMm()[1], 0.5);
    // Stepping a display axis moves the physical point along +L, +P, +S respectively.
    for (int a = 0; a < 3; ++a) {
        DisplayIndex p{2, 3, 4}, q = p;
        q[a] += 1;
        PhysicalPointLps pp, pq;
        image->TransformIndexToPhysicalPoint(axes.voxelFromDisplay(p), pp);
        image->TransformIndexToPhysicalPoint(axes.voxelFromDisplay(q), pq);
        EXPECT_GT(pq[a] - pp[a], 0.0) << "display axis " << a;
        EXPECT_EQ(axes.displayFromVoxel(axes.voxelFromDisplay(q)), q);
        EXPECT_EQ(axes.offset(q) - axes.offset(p), axes.stride(a));
    }
}

TEST(DisplayAxes, SliceGeometryMatchesDisplayIndexingInEveryPlane) {
    const auto d = directionOf({{{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}}});  // RAS storage
    const auto image = indexImage({6, 7, 8}, d);
    const DisplayAxes axes(*image);
    for (Plane plane : {Plane::Axial, Plane::Coronal, Plane::Sagittal}) {
        const auto g = sliceGeometry(axes, plane, 3);
        std::vector<std::uint32_t> pixels(std::size_t(g.width * g.height));
        for (int py = 0; py < g.height; ++py) {
            for (int px = 0; px < g.width; ++px) {
                const auto di = displayFromScreen(axes, plane, 3, px, py);
                ASSERT_EQ(g.origin + px * g.stepX + py * g.stepY, axes.offset(di));
                ASSERT_EQ(screenFromDisplay(axes, plane, di), (std::array<int, 2>{px, py}));
            }
        }
        // Superior is at the top of coronal and sagittal slices; anterior at the top of axial.
        const auto top = displayFromScreen(axes, plane, 3, 0, 0),
                   bottom = displayFromScreen(axes, plane, 3, 0, g.height - 1);
        if (plane == Plane::Axial) {
            EXPECT_LT(top[1], bottom[1]);
        } else {
            EXPECT_GT(top[2], bottom[2]);
        }
    }
}

TEST(WindowLevel, RelativeMappingKeepsThePlaceWithinEachRange) {
    const IntensityRange bl{0, 100}, fu{100, 1100};
    const WindowLevel w = WindowLevel::fromRange(300, 800);
    const auto m = mapRelative(w, fu, bl);
    EXPECT_DOUBLE_EQ(m.lower(), 20.0);
    EXPECT_DOUBLE_EQ(m.upper(), 70.0);
    const auto back = mapRelative(m, bl, fu);
    EXPECT_NEAR(back.level, w.level, 1e-9);
    EXPECT_NEAR(back.window, w.window, 1e-9);
}

TEST(WindowLevel, RobustRangeIgnoresTheBackgroundAndOutliers) {
    ImageVolume::DirectionType d;
    d.SetIdentity();
    auto image = indexImage({100, 100, 10}, d);
    float* v = image->GetBufferPointer();
    for (int i = 0; i < 100000; ++i) v[i] = i < 50000 ? 0.0f : float(100 + (i % 1000) / 10);  // tissue 100..199
    v[60000] = 1e6f;                                                                          // one hot voxel
    const auto r = robustRange(*image, 1.0, 99.0);
    EXPECT_NEAR(r.low, 101, 1.5);
    EXPECT_NEAR(r.high, 198, 1.5);
}

TEST(SlicePairModel, CursorSetsEverySliceAndIsClamped) {
    ImageVolume::DirectionType d;
    d.SetIdentity();
    SlicePairModel m;
    unsigned seen = 0;
    m.addListener([&](unsigned c) { seen |= c; });
    m.setGeometry(DisplayAxes(*indexImage({10, 20, 30}, d)), {0, 1}, {0, 1});
    EXPECT_EQ(m.cursor(), (DisplayIndex{5, 10, 15}));
    seen = 0;
    m.setSlice(Plane::Axial, 100);
    EXPECT_EQ(m.slice(Plane::Axial), 29);
    EXPECT_EQ(m.slice(Plane::Coronal), 10);
    EXPECT_EQ(seen, unsigned(SlicePairModel::Cursor));
    m.stepSlice(Plane::Sagittal, -100);
    EXPECT_EQ(m.cursor(), (DisplayIndex{0, 10, 29}));
    seen = 0;
    m.setCursor({0, 10, 29});  // no change, no event
    EXPECT_EQ(seen, 0u);
    m.setZoom(1000);
    EXPECT_DOUBLE_EQ(m.zoom(), 32.0);
}

TEST(SlicePairModel, WindowsLinkRelativelyOrNotAtAll) {
    ImageVolume::DirectionType d;
    d.SetIdentity();
    SlicePairModel m;
    m.setGeometry(DisplayAxes(*indexImage({4, 4, 4}, d)), {0, 100}, {0, 1000});
    m.setWindowLevel(Side::FollowUp, WindowLevel::fromRange(200, 600));
    EXPECT_NEAR(m.windowLevel(Side::Baseline).lower(), 20, 1e-9);
    EXPECT_NEAR(m.windowLevel(Side::Baseline).upper(), 60, 1e-9);
    m.setWindowLink(WindowLink::Off);
    m.setWindowLevel(Side::FollowUp, WindowLevel::fromRange(0, 1000));
    EXPECT_NEAR(m.windowLevel(Side::Baseline).upper(), 60, 1e-9);
    m.setWindowLink(WindowLink::Relative);  // re-linked from FU
    EXPECT_NEAR(m.windowLevel(Side::Baseline).upper(), 100, 1e-9);
}

TEST(SlicePairModel, ToggleShowsTheOtherScanInOneViewOnly) {
    SlicePairModel m;
    EXPECT_EQ(m.shownIn(Side::FollowUp), Side::FollowUp);
    int toggles = 0;
    m.addListener([&](unsigned c) { toggles += (c & SlicePairModel::Toggle) != 0; });
    m.toggle();
    EXPECT_EQ(m.shownIn(Side::FollowUp), Side::Baseline);
    EXPECT_EQ(m.shownIn(Side::Baseline), Side::Baseline);
    m.setToggleView(Side::Baseline);
    EXPECT_EQ(m.shownIn(Side::Baseline), Side::FollowUp);
    EXPECT_EQ(m.shownIn(Side::FollowUp), Side::FollowUp);
    m.toggle();
    EXPECT_EQ(m.shownIn(Side::Baseline), Side::Baseline);
    EXPECT_EQ(toggles, 3);
}

TEST(SliceRenderer, WindowMapsToGreyAndMasksBlendFillOrOutline) {
    ImageVolume::DirectionType d;
    d.SetIdentity();
    auto image = indexImage({8, 8, 1}, d);
    float* v = image->GetBufferPointer();
    for (int i = 0; i < 64; ++i) v[i] = i < 32 ? 0.0f : 100.0f;
    auto mask = MaskVolume::New();
    mask->CopyInformation(image);
    mask->SetRegions(image->GetLargestPossibleRegion());
    mask->Allocate(true);
    for (int y = 2; y < 6; ++y)
        for (int x = 2; x < 6; ++x) mask->GetBufferPointer()[x + 8 * y] = 1;  // a 4x4 square
    const DisplayAxes axes(*image);
    const auto g = sliceGeometry(axes, Plane::Axial, 0);
    std::vector<std::uint32_t> px(64);
    MaskLayer layer;
    layer.id.kind = LayerKind::Cnn;
    layer.name = "cnn";
    layer.mask = mask;
    layer.rgb = 0x00ff00;
    layer.opacity = 1.0;
    renderSlice(*image, g, WindowLevel::fromRange(0, 100), {layer}, {}, px.data());
    EXPECT_EQ(px[0], 0xff000000u);          // black at the lower end
    EXPECT_EQ(px[7 + 8 * 7], 0xffffffffu);  // white at the upper end
    EXPECT_EQ(px[3 + 8 * 3], 0xff00ff00u);  // opaque green fill
    layer.outline = true;
    renderSlice(*image, g, WindowLevel::fromRange(0, 100), {layer}, {}, px.data());
    int green = 0;
    for (auto p : px) green += (p & 0x00ffffff) == 0x0000ff00 || (((p >> 8) & 0xff) > 150 && ((p >> 16) & 0xff) < 100);
    EXPECT_EQ(green, 12);                       // the 4x4 square's boundary, not its 2x2 inside
    EXPECT_EQ(px[3 + 8 * 3] & 0x00ffffff, 0u);  // inside: the grey value (black) shows
    layer.visible = false;
    renderSlice(*image, g, WindowLevel::fromRange(0, 100), {layer}, {}, px.data());
    EXPECT_EQ(px[3 + 8 * 3], 0xff000000u);
}

TEST(Ruler, MeasuresInMillimetresOnEachAxissOwnSpacing) {
    SliceGeometry g;
    g.pixelWidthMm = 0.5;  // e.g. coronal of 0.5 mm in-plane, 4 mm thick axial slices
    g.pixelHeightMm = 4.0;
    Ruler r;
    r.from = {10.0, 3.0};
    r.to = {16.0, 4.0};  // 6 pixels across (3 mm), one down (4 mm)
    EXPECT_DOUBLE_EQ(r.lengthMm(g), 5.0);
    r.to = r.from;
    EXPECT_DOUBLE_EQ(r.lengthMm(g), 0.0);
}
