// MainWindow's actions: the menus (File, View, Analysis, Annotate, Help), the toolbar and their
// shortcuts. The layout and the reactions to the session are in MainWindow.cpp.
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QOpenGLContext>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <utility>

#include "AnnotationController.h"
#include "AnnotationPanel.h"
#include "LayerPanel.h"
#include "MainWindow.h"
#include "SeriesSession.h"
#include "Settings.h"
#include "WelcomeDialog.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/DicomSeries.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/viewer/LesionNavigator.h"
#include "lesiondelta/viewer/SlicePairPanel.h"
#include "lesiondelta/viewer/View3D.h"

namespace lesiondelta::gui {

using viewer::Plane;
using viewer::Side;

void MainWindow::buildActions() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(QIcon(":/icons/open-scans.svg"), tr("Open BL and FU scans..."), QKeySequence::Open, this,
                    &MainWindow::chooseAndOpenPair);
    file->addAction(tr("Open BL and FU DICOM folders..."), this, &MainWindow::chooseAndOpenDicom);
    file->addAction(tr("Open patient series..."), this, &MainWindow::chooseAndOpenSeries);
    file->addAction(tr("Open from PACS..."), this, &MainWindow::chooseFromPacs);
    file->addAction(QIcon(":/icons/open-case.svg"), tr("Open case folder..."),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, &MainWindow::chooseAndOpenFolder);
    recentMenu_ = file->addMenu(tr("Recent cases"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("Add LST output..."), this, [this] { chooseAndAddMask(true); });
    file->addAction(tr("Add rater mask..."), this, [this] { chooseAndAddMask(false); });
    file->addAction(QIcon(":/icons/save.svg"), tr("Save results to folder..."), QKeySequence::Save, this,
                    &MainWindow::chooseAndSaveResults);
    auto* reportAction = file->addAction(QIcon(":/icons/report.svg"), tr("Export patient report (PDF)..."),
                                         QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::chooseAndExportReport);
    file->addAction(tr("Send results to PACS..."), this, [this] { sendResultsToPacs(); });
    anonymiseAction_ = file->addAction(tr("Anonymise reports"));
    anonymiseAction_->setCheckable(true);
    anonymiseAction_->setChecked(settings::anonymiseReports());
    connect(anonymiseAction_, &QAction::toggled, this, [](bool on) { settings::setAnonymiseReports(on); });
    file->addSeparator();
    file->addAction(tr("Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto& m = session_->model();
    auto* view = menuBar()->addMenu(tr("&View"));
    auto* planes = new QActionGroup(this);
    const std::tuple<QString, Plane, QString> planeNames[] = {
        {tr("Axial"), Plane::Axial, ":/icons/axial.svg"},
        {tr("Coronal"), Plane::Coronal, ":/icons/coronal.svg"},
        {tr("Sagittal"), Plane::Sagittal, ":/icons/sagittal.svg"}};
    int key = Qt::Key_1;
    for (const auto& [name, plane, icon] : planeNames) {
        auto* a = view->addAction(QIcon(icon), name, QKeySequence(key++), this,
                                  [this, plane = plane] { panel_->setPlane(plane); });
        a->setCheckable(true);
        a->setChecked(plane == Plane::Axial);
        planes->addAction(a);
    }
    auto* threePlanes =
        view->addAction(tr("Three planes (BL above FU)"), QKeySequence(Qt::Key_4), this, [this](bool on) {
            panel_->setLayout(on ? viewer::SlicePairPanel::Layout::ThreePlanes
                                 : viewer::SlicePairPanel::Layout::SideBySide);
        });
    threePlanes->setObjectName("threePlanesAction");
    threePlanes->setCheckable(true);
    view->addSeparator();
    view->addAction(tr("Next slice"), QKeySequence(Qt::Key_Up), this, [this, &m] { m.stepSlice(panel_->plane(), 1); });
    view->addAction(tr("Previous slice"), QKeySequence(Qt::Key_Down), this,
                    [this, &m] { m.stepSlice(panel_->plane(), -1); });
    view->addAction(tr("Forward 5 slices"), QKeySequence(Qt::Key_PageUp), this,
                    [this, &m] { m.stepSlice(panel_->plane(), 5); });
    view->addAction(tr("Back 5 slices"), QKeySequence(Qt::Key_PageDown), this,
                    [this, &m] { m.stepSlice(panel_->plane(), -5); });
    view->addAction(tr("Zoom in"), QKeySequence::ZoomIn, this, [&m] { m.setZoom(m.zoom() * 1.25); });
    view->addAction(tr("Zoom out"), QKeySequence::ZoomOut, this, [&m] { m.setZoom(m.zoom() / 1.25); });
    view->addAction(tr("Reset view"), QKeySequence(Qt::Key_R), this, [&m] { m.resetView(); });
    view->addSeparator();
    auto* toggle = view->addAction(QIcon(":/icons/toggle.svg"), tr("Toggle BL/FU in the FU view"),
                                   QKeySequence(Qt::Key_T), this, [&m] { m.toggle(); });
    toggle->setToolTip(tr("Shows BL in the FU view at identical geometry and window (T)"));
    flickerAction_ =
        view->addAction(QIcon(":/icons/flicker.svg"), tr("Flicker"), QKeySequence(Qt::Key_F), this, [this](bool on) {
            flicker_.setInterval(int(500.0 / session_->model().flickerHz()));
            on ? flicker_.start() : (flicker_.stop(), session_->model().setToggled(false));
        });
    flickerAction_->setCheckable(true);
    auto* rates = view->addMenu(tr("Flicker rate"));
    auto* rateGroup = new QActionGroup(this);
    for (double hz : {1.0, 2.0, 4.0, 8.0}) {
        auto* a = rates->addAction(tr("%1 Hz").arg(hz), this, [this, hz] {
            session_->model().setFlickerHz(hz);
            flicker_.setInterval(int(500.0 / hz));
            settings::setFlickerHz(hz);
        });
        a->setCheckable(true);
        a->setChecked(hz == settings::flickerHz());
        rateGroup->addAction(a);
    }
    session_->model().setFlickerHz(settings::flickerHz());
    view->addSeparator();
    view->addAction(tr("Window: automatic"), QKeySequence(Qt::Key_A), this,
                    [&m] { m.applyPreset(viewer::WindowPreset::Auto); });
    view->addAction(tr("Window: lesion contrast"), QKeySequence(Qt::Key_W), this,
                    [&m] { m.applyPreset(viewer::WindowPreset::LesionContrast); });
    view->addAction(tr("Window: wide"), this, [&m] { m.applyPreset(viewer::WindowPreset::Wide); });
    linkAction_ = view->addAction(
        QIcon(":/icons/link.svg"), tr("Link windows (same relative window)"), QKeySequence(Qt::Key_L), this,
        [&m](bool on) { m.setWindowLink(on ? viewer::WindowLink::Relative : viewer::WindowLink::Off); });
    linkAction_->setCheckable(true);
    linkAction_->setChecked(true);
    view->addSeparator();
    auto* crosshair =
        view->addAction(tr("Crosshair"), QKeySequence(Qt::Key_C), this, [this](bool on) { panel_->setCrosshair(on); });
    crosshair->setCheckable(true);
    crosshair->setChecked(true);
    auto* blOutlines = view->addAction(tr("Overlays on BL as outlines"), QKeySequence(Qt::SHIFT | Qt::Key_O), this,
                                       [this](bool on) { session_->scene().setOutlineOnBaseline(on); });
    blOutlines->setCheckable(true);
    blOutlines->setChecked(session_->scene().outlineOnBaseline());
    view->addAction(tr("CNN overlay: fill/outline"), QKeySequence(Qt::Key_O), this, [this] {
        auto& scene = session_->scene();
        if (const auto* l = scene.layer({viewer::LayerKind::Cnn, {}})) scene.setLayerOutline(l->id, !l->outline);
    });
    view->addAction(tr("CNN overlay: show/hide"), QKeySequence(Qt::Key_G), this, [this] {
        auto& scene = session_->scene();
        if (const auto* l = scene.layer({viewer::LayerKind::Cnn, {}})) scene.setLayerVisible(l->id, !l->visible);
    });
    view->addAction(tr("Probability heat map"), QKeySequence(Qt::Key_H), this,
                    [this] { session_->scene().setHeatVisible(!session_->scene().heat().visible); });
    view->addAction(tr("Next lesion"), QKeySequence(Qt::Key_N), this, [this] { navigator_->step(1); });
    view->addAction(tr("Previous lesion"), QKeySequence(Qt::Key_P), this, [this] { navigator_->step(-1); });

    buildAppearanceActions(view);

    auto* analysis = menuBar()->addMenu(tr("&Analysis"));
    detectAction_ = analysis->addAction(QIcon(":/icons/detect.svg"), tr("Detect new lesions"),
                                        QKeySequence(Qt::CTRL | Qt::Key_D), this, &MainWindow::startDetection);
    analysis->addAction(tr("Cancel"), QKeySequence(Qt::Key_Escape), this, [this] {
        session_->cancel();
        series_->cancel();
    });

    buildAnnotationActions(menuBar()->addMenu(tr("A&nnotate")));

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Welcome and tour"), this, &MainWindow::showWelcome);
    help->addAction(tr("Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this, &MainWindow::showShortcuts);
    help->addAction(tr("About LesionDelta"), this, &MainWindow::showAbout);

    auto* bar = addToolBar(tr("Main"));
    bar->setObjectName("mainToolbar");
    bar->addAction(QIcon(":/icons/open-case.svg"), tr("Open case"), this, &MainWindow::chooseAndOpenFolder);
    bar->addAction(detectAction_);
    bar->addAction(reportAction);
    bar->addAction(toggle);
    bar->addAction(flickerAction_);
    bar->addAction(linkAction_);
    for (auto* a : planes->actions()) bar->addAction(a);
}

}  // namespace lesiondelta::gui
