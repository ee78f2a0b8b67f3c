// A patient's course in the window (issue 20), offscreen, on a synthetic 4-visit series made
// here (PhantomSeries.h): the latest interval opens, the visit bar picks any two visits, the
// timeline picks an interval, lesions are coloured by the interval they appeared in, and
// opening a pair afterwards leaves the series.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <fstream>

#include "CourseTimeline.h"
#include "MainWindow.h"
#include "PhantomSeries.h"
#include "SeriesDatesDialog.h"
#include "SeriesSession.h"
#include "VisitBar.h"
#include "WaitFor.h"
#include "lesiondelta/viewer/LesionNavigator.h"

using namespace lesiondelta;
using namespace lesiondelta::gui;
using lesiondelta::test::waitFor;

namespace {

bool hasLayer(const viewer::ViewerScene& scene, int interval, std::uint32_t* rgb = nullptr, bool* outline = nullptr) {
    const auto* l = scene.layer({viewer::LayerKind::Other, "interval:" + std::to_string(interval)});
    if (l && rgb) *rgb = l->rgb;
    if (l && outline) *outline = l->outline;
    return l != nullptr;
}

}  // namespace

TEST(SeriesWindow, ASeriesOpensAtItsLatestIntervalAndAnyTwoVisitsCanBeCompared) {
    QStandardPaths::setTestModeEnabled(true);  // the kept results go to a test folder
    test::TempDir dir;
    test::writeActiveSeries(dir);
    StartOptions o;
    o.series = QString::fromStdString(dir.path().string());
    o.seriesDetector = "subtraction";
    MainWindow window(o);
    window.resize(1280, 720);
    window.show();
    ASSERT_TRUE(waitFor([&] { return window.series().active() && !window.series().busy(); }, 300000))
        << "the series did not open";
    // The latest interval: BL side 2022-01-18 (visit 2), FU side 2022-08-02 (visit 3).
    EXPECT_EQ(window.series().shownFrom(), 2);
    EXPECT_EQ(window.series().shownTo(), 3);
    EXPECT_TRUE(window.visitBar()->isVisible());
    EXPECT_EQ(window.visitBar()->fromBox()->currentData().toInt(), 2);
    EXPECT_EQ(window.visitBar()->toBox()->currentData().toInt(), 3);
    EXPECT_NE(
        window.findChild<QLabel*>("courseSentence")->text().indexOf("2 new or enlarging T2 lesions since 2021-01-15"),
        -1);
    auto* tabs = window.findChild<QTabWidget*>();
    ASSERT_NE(tabs, nullptr);
    EXPECT_TRUE(tabs->isTabVisible(tabs->indexOf(window.timeline())));
    // Green is the interval on screen; the lesion from the first interval is outlined in its colour.
    const auto& scene = window.session().scene();
    std::uint32_t rgb = 0;
    bool outline = false;
    ASSERT_TRUE(hasLayer(scene, 2, &rgb, &outline));
    EXPECT_EQ(rgb, 0x00e640u);
    EXPECT_FALSE(outline);
    ASSERT_TRUE(hasLayer(scene, 0, &rgb, &outline));
    EXPECT_NE(rgb, 0x00e640u);
    EXPECT_TRUE(outline);
    EXPECT_EQ(window.navigator()->lesionCount(), 2);
    if (const char* keep = std::getenv("LESIONDELTA_TEST_IMAGES")) {  // to look at
        tabs->setCurrentWidget(window.timeline());
        window.grab().save(QString::fromUtf8(keep) + "/series-window-course.png");
        tabs->setCurrentIndex(0);
    }

    // Any two visits: the first and the second; the later lesion C is not there yet.
    window.visitBar()->fromBox()->setCurrentIndex(window.visitBar()->fromBox()->findData(0));
    window.visitBar()->toBox()->setCurrentIndex(window.visitBar()->toBox()->findData(1));
    Q_EMIT window.visitBar()->toBox()->activated(window.visitBar()->toBox()->currentIndex());
    EXPECT_EQ(window.series().shownFrom(), 0);
    EXPECT_EQ(window.series().shownTo(), 1);
    EXPECT_TRUE(hasLayer(scene, 0, &rgb));
    EXPECT_EQ(rgb, 0x00e640u);
    EXPECT_FALSE(hasLayer(scene, 2));
    EXPECT_EQ(window.navigator()->lesionCount(), 1);
    // The reference against the latest, over the whole course: every interval is "new" on screen.
    window.series().showPair(0, 3);
    for (int k = 0; k < 3; ++k) {
        ASSERT_TRUE(hasLayer(scene, k, &rgb)) << k;
        EXPECT_EQ(rgb, 0x00e640u) << k;
    }
    // The timeline: the bar at key 2 is the second interval (visits 1 -> 2).
    EXPECT_EQ(window.timeline()->intervalAt(2.0), 1);
    Q_EMIT window.timeline()->intervalChosen(1, 2);
    EXPECT_EQ(window.series().shownFrom(), 1);
    EXPECT_EQ(window.visitBar()->fromBox()->currentData().toInt(), 1);
    // The toggle shows the other visit at the same place: both visits lie on one grid.
    EXPECT_EQ(scene.scan(viewer::Side::Baseline)->GetLargestPossibleRegion(),
              scene.scan(viewer::Side::FollowUp)->GetLargestPossibleRegion());

    // Opening the series again reuses what was measured.
    window.openSeries(o.series);
    ASSERT_TRUE(waitFor([&] { return !window.series().busy(); }, 300000));
    for (const auto& i : window.series().result()->intervals) EXPECT_TRUE(i.reused);
    // Opening a pair leaves the series.
    window.openPair(QString::fromStdString(dir.file("flair_2021-01-15.nii.gz")),
                    QString::fromStdString(dir.file("flair_2021-07-20.nii.gz")));
    ASSERT_TRUE(waitFor([&] { return window.session().hasCase() && !window.session().busy(); }, 300000));
    EXPECT_FALSE(window.series().active());
    EXPECT_FALSE(window.visitBar()->isVisible());
    EXPECT_FALSE(tabs->isTabVisible(tabs->indexOf(window.timeline())));
}

TEST(SeriesWindow, AFolderThatIsNotASeriesIsRefusedWithItsProblem) {
    test::TempDir dir;
    StartOptions o;
    o.seriesDetector = "subtraction";
    MainWindow window(o);
    window.openSeries(QString::fromStdString(dir.path().string()));  // empty folder
    EXPECT_FALSE(window.series().busy());
    EXPECT_FALSE(window.series().active());
    const QString shown = window.statusBar()->currentMessage();
    EXPECT_NE(shown.indexOf("holds no visits"), -1) << shown.toStdString();
}

TEST(SeriesWindow, DatesGivenForUndatedScansAreSavedAsSeriesJson) {
    test::TempDir dir;
    for (const char* name : {"first.nii.gz", "second.nii.gz", "scan_2022-03-01.nii.gz"})
        std::ofstream(dir.file(name)) << "x";
    SeriesDatesDialog dialog(QString::fromStdString(dir.path().string()));
    ASSERT_EQ(dialog.rowCount(), 3);  // sorted by name: first, scan_2022-03-01 (dated by its name), second
    dialog.setDate(0, "2021-13-01");
    EXPECT_FALSE(dialog.writeSeries());
    EXPECT_NE(dialog.problem().indexOf("first.nii.gz"), -1) << dialog.problem().toStdString();
    dialog.setDate(0, "2022-03-01");
    EXPECT_FALSE(dialog.writeSeries());  // the same date as the dated scan
    EXPECT_NE(dialog.problem().indexOf("one visit per date"), -1);
    dialog.setDate(0, "2021-01-05");
    dialog.setDate(2, "");  // left out
    ASSERT_TRUE(dialog.writeSeries()) << dialog.problem().toStdString();
    const auto series = readSeriesFolder(dir.path().string());
    ASSERT_EQ(series.visits.size(), 2u);
    EXPECT_EQ(series.visits[0].date, "2021-01-05");
    EXPECT_NE(series.visits[0].flair.find("first.nii.gz"), std::string::npos);
    EXPECT_EQ(series.visits[1].date, "2022-03-01");
}
