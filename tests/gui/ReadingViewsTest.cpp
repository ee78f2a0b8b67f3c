// The reading views' own drawing and controls (issue 23), on scenes made here: the heat map's
// colour bar and cut-off, window/level fields, the crosshair, the three-plane layout and
// interpolated reformats, the ruler, the brush footprint, outlines on BL; the typed settings.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDoubleSpinBox>
#include <QImage>
#include <QMouseEvent>
#include <QSettings>
#include <cmath>
#include <set>

#include "Settings.h"
#include "TestImages.h"
#include "lesiondelta/viewer/SlicePairModel.h"
#include "lesiondelta/viewer/SlicePairPanel.h"
#include "lesiondelta/viewer/SliceView.h"
#include "lesiondelta/viewer/ViewerScene.h"
#include "lesiondelta/viewer/WindowLevel.h"
#include "lesiondelta/viewer/WindowLevelFields.h"

using namespace lesiondelta;
using namespace lesiondelta::viewer;
using namespace lesiondelta::test;

namespace {

/// A 64^3 1 mm scan with a bright box, and a probability map falling from 1 on the patient's
/// right (screen left) to 0 on the left (screen right, where the colour bar is drawn).
struct SmallScene {
    SlicePairModel model;
    ViewerScene scene;
    SmallScene() {
        auto scan = makeImage<ImageVolume>({64, 64, 64}, {1, 1, 1}, {-32, -32, -32});
        paintBox(*scan, {8, 8, 8}, {55, 55, 55}, 100.0f);
        auto probability = makeImage<ImageVolume>({64, 64, 64}, {1, 1, 1}, {-32, -32, -32});
        fillPhysical(*probability, [](const PhysicalPointLps& p) { return (32.0 - p[0]) / 63.0; });
        scene.setScans(scan.GetPointer(), scan.GetPointer());
        scene.setHeatProbability(probability.GetPointer());
        model.setGeometry(DisplayAxes(*scan), robustRange(*scan), robustRange(*scan));
    }
};

int colourDistance(QRgb a, std::uint32_t b) {
    return std::abs(qRed(a) - int((b >> 16) & 0xff)) + std::abs(qGreen(a) - int((b >> 8) & 0xff)) +
           std::abs(qBlue(a) - int(b & 0xff));
}

}  // namespace

TEST(ReadingViews, TheHeatMapHasAColourBarFromItsCutOffToOne) {
    SmallScene s;
    SliceView view(Side::FollowUp, s.model, s.scene);
    view.resize(500, 500);
    const QImage hidden = view.grab().toImage();
    s.scene.setHeatVisible(true);
    s.scene.setHeatFloor(0.3);
    const QImage shown = view.grab().toImage();
    if (qEnvironmentVariableIsSet("LESIONDELTA_TEST_IMAGES")) shown.save("/tmp/heatkey.png");
    // The bar: a column near the right edge, over voxels the cut-off leaves grey.
    const int x = shown.width() - 35;
    int top = -1, bottom = -1;  // the longest run of changed pixels (labels make short ones)
    for (int y = 0, runStart = -1; y <= shown.height(); ++y) {
        const bool changed = y < shown.height() && shown.pixel(x, y) != hidden.pixel(x, y);
        if (changed && runStart < 0) runStart = y;
        if (!changed && runStart >= 0) {
            if (y - 1 - runStart > bottom - top) top = runStart, bottom = y - 1;
            runStart = -1;
        }
    }
    ASSERT_GE(top, 0) << "no colour bar drawn";
    EXPECT_GT(bottom - top, 60);
    EXPECT_LT(colourDistance(shown.pixel(x, top + 3), heatColour(1.0)), 40);
    EXPECT_LT(colourDistance(shown.pixel(x, bottom - 3), heatColour(0.3)), 40);
    // The cut-off leaves low probabilities uncoloured: the slice left of p = 0.3 is grey.
    const QImage slice = view.sliceImage();
    const QRgb low = slice.pixel(52, 32), high = slice.pixel(26, 32);  // p ~ 0.19 and ~ 0.6
    EXPECT_EQ(qRed(low), qGreen(low));
    EXPECT_NE(qRed(high), qGreen(high));
    s.scene.setHeatFloor(0.9);
    const QRgb cut = view.sliceImage().pixel(26, 32);
    EXPECT_EQ(qRed(cut), qGreen(cut));
}

TEST(ReadingViews, WindowAndLevelAreShownAsNumbersAndCanBeTypedIn) {
    SmallScene s;
    WindowLevelFields fields(s.model);
    auto* blWindow = fields.windowField(Side::Baseline);
    auto* fuLevel = fields.levelField(Side::FollowUp);
    EXPECT_NEAR(blWindow->value(), s.model.windowLevel(Side::Baseline).window, 0.06);
    // A window set elsewhere (a right-drag, a preset) shows in the fields.
    s.model.setWindowLevel(Side::FollowUp, {40.0, 30.0});
    EXPECT_DOUBLE_EQ(fuLevel->value(), 30.0);
    // Typing a window sets it; linked relatively, FU follows as for a drag.
    s.model.setWindowLink(WindowLink::Relative);
    const double fuWindowBefore = s.model.windowLevel(Side::FollowUp).window;
    blWindow->setValue(25.0);
    EXPECT_DOUBLE_EQ(s.model.windowLevel(Side::Baseline).window, 25.0);
    EXPECT_NE(s.model.windowLevel(Side::FollowUp).window, fuWindowBefore);
    EXPECT_NEAR(fields.windowField(Side::FollowUp)->value(), s.model.windowLevel(Side::FollowUp).window, 0.06);
}

TEST(ReadingViews, TheCrosshairCanBeHidden) {
    SmallScene s;
    SliceView view(Side::FollowUp, s.model, s.scene);
    view.resize(300, 300);
    auto reddish = [](const QImage& image) {
        int n = 0;
        for (int y = 40; y < image.height() - 40; ++y)
            for (int x = 40; x < image.width() - 40; ++x) n += qRed(image.pixel(x, y)) > qGreen(image.pixel(x, y)) + 60;
        return n;
    };
    EXPECT_GT(reddish(view.grab().toImage()), 100);
    view.setCrosshair(false);
    EXPECT_EQ(reddish(view.grab().toImage()), 0);
}

TEST(ReadingViews, ThreePlanesShowBlAboveFuWithTheCursorLinkedThroughAll) {
    SmallScene s;
    SlicePairPanel panel(s.model, s.scene);
    panel.resize(900, 600);
    panel.show();
    QApplication::processEvents();
    auto shown = [&] {
        int n = 0;
        for (auto* v : panel.allViews()) n += v->isVisible();
        return n;
    };
    EXPECT_EQ(shown(), 2);
    panel.setLayout(SlicePairPanel::Layout::ThreePlanes);
    QApplication::processEvents();
    EXPECT_EQ(shown(), 6);
    auto* blAxial = panel.view(Side::Baseline, Plane::Axial);
    auto* fuSagittal = panel.view(Side::FollowUp, Plane::Sagittal);
    EXPECT_LT(blAxial->geometry().bottom(), fuSagittal->geometry().top());  // BL row above FU row
    EXPECT_LT(blAxial->geometry().right(), panel.view(Side::Baseline, Plane::Coronal)->geometry().left());
    // A click in the FU sagittal view moves the cursor, and with it the axial and coronal slices.
    const auto before = s.model.cursor();
    const QPointF at = fuSagittal->positionOf(s.model.axes().clamp({before[0], before[1] + 10, before[2] + 12}));
    QMouseEvent press(QEvent::MouseButtonPress, at, fuSagittal->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QApplication::sendEvent(fuSagittal, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, at, fuSagittal->mapToGlobal(at), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QApplication::sendEvent(fuSagittal, &release);
    EXPECT_EQ(s.model.cursor()[0], before[0]);  // the sagittal slice stays
    EXPECT_NE(s.model.slice(Plane::Axial), before[2]);
    EXPECT_NE(s.model.slice(Plane::Coronal), before[1]);
    panel.setLayout(SlicePairPanel::Layout::SideBySide);
    QApplication::processEvents();
    EXPECT_EQ(shown(), 2);
}

TEST(ReadingViews, ThickAxialSlicesAreInterpolatedInReformattedPlanes) {
    // 4 mm axial slices, alternating dark and bright: a coronal view would show hard bands.
    SlicePairModel model;
    ViewerScene scene;
    auto scan = makeImage<ImageVolume>({64, 64, 16}, {1, 1, 4}, {-32, -32, -32});
    fillPhysical(*scan, [](const PhysicalPointLps& p) { return std::fmod(p[2] + 64.0, 8.0) < 4.0 ? 20.0 : 200.0; });
    scene.setScans(scan.GetPointer(), scan.GetPointer());
    model.setGeometry(DisplayAxes(*scan), {0.0, 220.0}, {0.0, 220.0});
    SliceView coronal(Side::FollowUp, model, scene);
    coronal.setPlane(Plane::Coronal);
    coronal.setCrosshair(false);
    coronal.resize(400, 400);
    const QImage image = coronal.grab().toImage();
    // Down a column through the middle: interpolation leaves many grey levels between the bands.
    std::set<int> greys;
    for (int y = 100; y < 300; ++y) greys.insert(qGreen(image.pixel(200, y)));
    EXPECT_GT(greys.size(), 10u);
}

TEST(ReadingViews, CtrlDragMeasuresADistanceInMillimetresUntilTheNextClick) {
    SmallScene s;  // 1 mm voxels
    SliceView view(Side::FollowUp, s.model, s.scene);
    view.resize(640, 640);  // 10 widget pixels per mm
    const DisplayIndex cursorBefore = s.model.cursor();
    auto send = [&](QEvent::Type type, QPointF at, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods) {
        QMouseEvent e(type, at, view.mapToGlobal(at), Qt::LeftButton, buttons, mods);
        QApplication::sendEvent(&view, &e);
    };
    send(QEvent::MouseButtonPress, {100, 300}, Qt::LeftButton, Qt::ControlModifier);
    send(QEvent::MouseMove, {400, 300}, Qt::LeftButton, Qt::ControlModifier);
    send(QEvent::MouseMove, {400, 700 - 300}, Qt::LeftButton, Qt::ControlModifier);
    send(QEvent::MouseButtonRelease, {400, 700 - 300}, Qt::NoButton, Qt::ControlModifier);
    ASSERT_TRUE(view.ruler().has_value());
    const auto g = sliceGeometry(s.model.axes(), Plane::Axial, 0);
    EXPECT_NEAR(view.ruler()->lengthMm(g), std::hypot(30.0, 10.0), 0.2);  // 300 x 100 widget pixels
    EXPECT_EQ(s.model.cursor(), cursorBefore);                            // measuring does not move the cursor
    // Drawn: yellow pixels along the line.
    const QImage shown = view.grab().toImage();
    int yellow = 0;
    for (int x = 150; x < 350; ++x)
        for (int y = 300; y < 400; ++y) {
            const QRgb p = shown.pixel(x, y);
            yellow += qRed(p) > 200 && qGreen(p) > 180 && qBlue(p) < 80;
        }
    EXPECT_GT(yellow, 100);
    send(QEvent::MouseButtonPress, {200, 200}, Qt::LeftButton, Qt::NoModifier);
    send(QEvent::MouseButtonRelease, {200, 200}, Qt::NoButton, Qt::NoModifier);
    EXPECT_FALSE(view.ruler().has_value());
}

TEST(ReadingViews, ABrushShowsItsFootprintUnderTheMouse) {
    SmallScene s;
    SliceView view(Side::FollowUp, s.model, s.scene);
    view.resize(640, 640);  // 10 widget pixels per mm
    view.setCrosshair(false);
    view.setBrushFootprintMm(5.0);
    const QImage before = view.grab().toImage();
    QMouseEvent move(QEvent::MouseMove, QPointF(320, 320), view.mapToGlobal(QPointF(320, 320)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &move);
    const QImage after = view.grab().toImage();
    // The outline: a ring of radius 50 widget pixels around the mouse, nothing at its centre.
    int ring = 0;
    for (int k = 0; k < 360; k += 10) {
        const double a = k * M_PI / 180;
        const int x = int(std::lround(320 + 50 * std::cos(a))), y = int(std::lround(320 + 50 * std::sin(a)));
        bool changed = false;
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) changed |= after.pixel(x + dx, y + dy) != before.pixel(x + dx, y + dy);
        ring += changed;
    }
    EXPECT_GT(ring, 18);  // dashed: at least half of the samples
    EXPECT_EQ(after.pixel(320, 320), before.pixel(320, 320));
    view.setBrushFootprintMm(0);
    EXPECT_EQ(view.grab().toImage(), before);
}

TEST(ReadingViews, OnBaselineAMaskIsOutlinedSoTheLesionStaysVisible) {
    SmallScene s;
    auto mask = makeImage<MaskVolume>({64, 64, 64}, {1, 1, 1}, {-32, -32, -32});
    paintBox(*mask, {20, 20, 20}, {40, 40, 40});
    MaskLayer layer;
    layer.mask = mask.GetPointer();
    layer.opacity = 0.6;
    s.scene.setLayer(layer);
    SliceView bl(Side::Baseline, s.model, s.scene), fu(Side::FollowUp, s.model, s.scene);
    const QImage blImage = bl.sliceImage().copy(), fuImage = fu.sliceImage().copy();
    auto green = [](QRgb p) { return qGreen(p) > qRed(p) + 40; };
    EXPECT_TRUE(green(fuImage.pixel(30, 30)));   // FU: filled
    EXPECT_FALSE(green(blImage.pixel(30, 30)));  // BL: the inside shows the scan
    EXPECT_TRUE(green(blImage.pixel(20, 30)));   // ... and the edge the lesion's outline
    s.scene.setOutlineOnBaseline(false);
    EXPECT_TRUE(green(bl.sliceImage().pixel(30, 30)));
}

namespace {
struct CountingView : SliceView {
    using SliceView::SliceView;
    int paints = 0;
    void paintEvent(QPaintEvent* e) override {
        ++paints;
        SliceView::paintEvent(e);
    }
};
}  // namespace

TEST(ReadingViews, AViewRepaintsByItselfWhenTheSceneChanges) {
    // Nobody calls the view: the scene's setters announce the change and the view listens.
    SmallScene s;
    CountingView view(Side::FollowUp, s.model, s.scene);
    view.resize(300, 300);
    view.show();
    QCoreApplication::processEvents();
    const auto paintedAfter = [&](auto&& change) {
        view.paints = 0;
        change();
        QCoreApplication::processEvents();
        return view.paints > 0;
    };
    MaskLayer layer;
    layer.id = {LayerKind::Lst, {}};
    EXPECT_TRUE(paintedAfter([&] { s.scene.setLayer(layer); }));
    EXPECT_TRUE(paintedAfter([&] { s.scene.setLayerOpacity(layer.id, 0.9); }));
    EXPECT_TRUE(paintedAfter([&] { s.scene.setHeatVisible(true); }));
    EXPECT_FALSE(paintedAfter([] {}));  // and not without a change
}

TEST(Settings, TypedValuesHaveTheirDefaultsAndRoundTrip) {
    // A store of its own, so nothing of the other tests' settings is read or changed.
    const QString app = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(app + "-settings-" + QString::number(QCoreApplication::applicationPid()));
    QSettings().clear();
    namespace st = lesiondelta::gui::settings;
    EXPECT_DOUBLE_EQ(st::flickerHz(), 2.0);
    EXPECT_TRUE(st::welcomeAtStart());
    EXPECT_FALSE(st::anonymiseReports());
    EXPECT_EQ(st::theme(), lesiondelta::gui::Theme::System);
    EXPECT_TRUE(st::language().isEmpty());
    EXPECT_TRUE(st::windowGeometry().isEmpty());
    EXPECT_TRUE(st::recentCases().isEmpty());
    st::setFlickerHz(4.0);
    st::setWelcomeAtStart(false);
    st::setAnonymiseReports(true);
    st::setTheme(lesiondelta::gui::Theme::Dark);
    st::setLanguage("de");
    st::setRecentCases({"/a|/b", "/case"});
    st::setLastFolder("/data");
    st::setRaterName("Dr. A");
    EXPECT_DOUBLE_EQ(st::flickerHz(), 4.0);
    EXPECT_FALSE(st::welcomeAtStart());
    EXPECT_TRUE(st::anonymiseReports());
    EXPECT_EQ(st::theme(), lesiondelta::gui::Theme::Dark);
    EXPECT_EQ(st::language(), "de");
    EXPECT_EQ(st::recentCases(), QStringList({"/a|/b", "/case"}));
    EXPECT_EQ(st::lastFolder(), "/data");
    EXPECT_EQ(st::raterName(), "Dr. A");
    QSettings().clear();
    QCoreApplication::setApplicationName(app);
}
