#include "MainWindow.h"

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
#include <QRegularExpression>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <utility>

#include "AnnotationController.h"
#include "AnnotationPanel.h"
#include "LayerPanel.h"
#include "PacsSender.h"
#include "SeriesSession.h"
#include "Settings.h"
#include "VisitBar.h"
#include "WelcomeDialog.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/DicomSeries.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/viewer/LesionNavigator.h"
#include "lesiondelta/viewer/SlicePairPanel.h"
#include "lesiondelta/viewer/View3D.h"

namespace lesiondelta::gui {
namespace {
/// The offscreen platform (tests, batch screenshots) has no OpenGL: the 3D view is left out.
bool openGlAvailable() {
    QOpenGLContext context;
    return context.create();
}
}  // namespace

using viewer::Plane;
using viewer::Side;

MainWindow::MainWindow(const StartOptions& options, QWidget* parent)
    : QMainWindow(parent),
      start_(options),
      session_(new CaseSession(this)),
      annotation_(new AnnotationController(*session_, this)),
      reporter_(new ReportExporter(this)),
      pacsSender_(new PacsSender(this)) {
    setWindowTitle(tr("LesionDelta"));
    setAcceptDrops(true);
    buildLayout();
    buildActions();
    connect(session_, &CaseSession::caseOpened, this, &MainWindow::onCaseOpened);
    connectPacsSender();
    connect(session_, &CaseSession::previewShown, this, [this] {
        navigator_->setLesions({});
        statusBar()->showMessage(tr("Registering BL to FU..."), 3000);
    });
    connect(session_, &CaseSession::resultsChanged, this, &MainWindow::onResultsChanged);
    connect(session_, &CaseSession::layersChanged, this, &MainWindow::onResultsChanged);
    connect(session_, &CaseSession::progress, this, &MainWindow::onProgress);
    connect(session_, &CaseSession::failed, this, &MainWindow::showError);
    connect(reporter_, &ReportExporter::failed, this, &MainWindow::showError);
    connect(reporter_, &ReportExporter::finished, this, [this](const QString& pdf, int pages, double seconds) {
        statusBar()->showMessage(tr("Report written: %1 (%2 pages, %3 s)").arg(pdf).arg(pages).arg(seconds, 0, 'f', 1),
                                 10000);
    });
    connect(session_, &CaseSession::warning, this, &MainWindow::showError);
    connect(session_, &CaseSession::notice, this, [this](const QString& m) { statusBar()->showMessage(m, 10000); });
    connect(session_, &CaseSession::cancelled, this, [this] { statusBar()->showMessage(tr("Cancelled"), 5000); });
    connect(reporter_, &ReportExporter::cancelled, this,
            [this] { statusBar()->showMessage(tr("Report cancelled; nothing was written"), 5000); });
    connect(session_, &CaseSession::workFinished, this, &MainWindow::onWorkFinished);
    modelListener_ = session_->model().addListener([this](unsigned changes) {
        if (changes & (viewer::SlicePairModel::Cursor | viewer::SlicePairModel::Geometry)) updateCursorStatus();
    });
    connect(&flicker_, &QTimer::timeout, this, [this] { session_->model().toggle(); });
    buildSeries();
    connect(cancel_, &QPushButton::clicked, series_, &SeriesSession::cancel);
    if (!restoreGeometry(settings::windowGeometry())) {
        // First start: 1500 x 900, or what the screen has room for (a 1280 x 720 laptop).
        const QSize room = screen() ? screen()->availableGeometry().size() : QSize(1500, 900);
        resize(QSize(1500, 900).boundedTo(room));
    }
    if (!options.series.isEmpty()) {
        openSeries(options.series);
    } else if (!options.caseFolder.isEmpty()) {
        openCaseFolder(options.caseFolder);
    } else if (!options.bl.isEmpty() || !options.fu.isEmpty()) {
        openPair(options.bl, options.fu);
    } else {
        QTimer::singleShot(0, this, &MainWindow::finishStartup);
        QTimer::singleShot(0, this, &MainWindow::offerRecovery);
        // First run (and until switched off): the welcome panel, when the reader is there to see it.
        if (options.welcome || (WelcomeDialog::showAtStart() && options.interactive))
            QTimer::singleShot(0, this, &MainWindow::showWelcome);
    }
    startupDetectPending_ = options.detect;
    if (options.show3D) showView3D();
    if (options.threePlanes)
        if (auto* a = findChild<QAction*>("threePlanesAction"); a && !a->isChecked()) a->trigger();
}

MainWindow::~MainWindow() {
    session_->cancel();
    series_->cancel();
    session_->waitForWorker();
    series_->waitForWorker();
    session_->model().removeListener(modelListener_);
    // The views and the overlay panel listen to the session's model and scene: they go first,
    // the session (a child) after.
    delete layers_;
    delete takeCentralWidget();
}

void MainWindow::buildLayout() {
    panel_ = new viewer::SlicePairPanel(session_->model(), session_->scene(), this);
    layers_ = new LayerPanel(*session_, this);
    navigator_ = new viewer::LesionNavigator(this);
    navigator_->setObjectName("lesionNavigator");
    auto* right = sideTabs_ = new QTabWidget(this);
    auto* lesionsAndLayers = new QSplitter(Qt::Vertical, this);
    lesionsAndLayers->addWidget(navigator_);
    lesionsAndLayers->addWidget(layers_);
    right->addTab(lesionsAndLayers, tr("Lesions"));
    annotationPanel_ = new AnnotationPanel(
        *annotation_,
        [this]() -> unsigned {
            const auto* l = navigator_->selectedLesion();
            return l ? l->id : 0;
        },
        this);
    right->addTab(annotationPanel_, QIcon(":/icons/annotate.svg"), tr("Annotate"));
    if (openGlAvailable()) {
        view3d_ = new viewer::View3D(this);
        view3dTab_ = view3d_;
        right->addTab(view3d_, QIcon(":/icons/view3d.svg"), tr("3D"));
    } else {
        auto* none = new QLabel(tr("The 3D view needs OpenGL, which this display does not offer."), this);
        none->setAlignment(Qt::AlignCenter);
        none->setWordWrap(true);
        view3dTab_ = none;
        right->addTab(none, tr("3D"));
    }
    // The plausibility banner above the views (hidden while there is nothing to say).
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    plausibilityBanner_ = new QLabel(centre);
    plausibilityBanner_->setObjectName("plausibilityBanner");
    plausibilityBanner_->setWordWrap(true);
    plausibilityBanner_->hide();
    visitBar_ = new VisitBar(centre);  // a patient series' two visits on screen (MainWindowSeries.cpp)
    centreLayout->addWidget(visitBar_);
    centreLayout->addWidget(plausibilityBanner_);
    centreLayout->addWidget(panel_, 1);
    connect(session_, &CaseSession::plausibilityChanged, this, &MainWindow::updatePlausibilityBanner);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(centre);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);

    cursorLabel_ = new QLabel(this);
    cursorLabel_->setObjectName("cursorLabel");
    deviceLabel_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    // Wide enough for the longest stage with percent and seconds, in the reader's language.
    progress_->setMinimumWidth(
        progress_->fontMetrics().horizontalAdvance(tr("%1 %2% (%3 s)").arg(tr("preprocessing")).arg(100).arg(999)) +
        30);
    progress_->setMaximumWidth(progress_->minimumWidth() + 60);
    connect(&progressTick_, &QTimer::timeout, this, &MainWindow::showProgressText);
    progress_->setRange(0, 1000);
    progress_->hide();
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->hide();
    statusBar()->addWidget(cursorLabel_, 1);
    statusBar()->addPermanentWidget(deviceLabel_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    connect(cancel_, &QPushButton::clicked, session_, &CaseSession::cancel);
    for (auto* view : panel_->allViews()) {
        view->setPointerHandler([this, view](QEvent::Type type, const viewer::DisplayIndex& d, Qt::KeyboardModifiers) {
            return annotation_->handlePointer(view->plane(), int(type), d);
        });
        connect(view, &viewer::SliceView::shiftWheel, annotation_, &AnnotationController::stepRoiThreshold);
    }
    connect(annotation_, &AnnotationController::changed, annotationPanel_, &AnnotationPanel::refresh);
    connect(annotation_, &AnnotationController::brushChanged, this, [this] {
        for (auto* view : panel_->allViews()) view->setBrushFootprintMm(annotation_->brushFootprintMm());
    });
    connect(annotation_, &AnnotationController::message, this,
            [this](const QString& m) { statusBar()->showMessage(m, 5000); });
    connect(annotationPanel_, &AnnotationPanel::startRequested, this, [this] { startAnnotation(); });
    connect(annotationPanel_, &AnnotationPanel::saveRequested, this, &MainWindow::saveAnnotation);
    connect(annotationPanel_, &AnnotationPanel::lesionActivated, this, [this](std::array<double, 3> c) {
        if (!session_->pair()) return;
        VoxelIndex index;
        for (int a = 0; a < 3; ++a) index[a] = std::lround(c[a]);
        const auto& axes = session_->model().axes();
        session_->model().setCursor(axes.clamp(axes.displayFromVoxel(index)));
    });
    connect(navigator_, &viewer::LesionNavigator::lesionActivated, this, [this](viewer::DisplayIndex d) {
        auto& m = session_->model();
        m.setCursor(d);
        m.setCentre({double(d[0]), double(d[1]), double(d[2])});
    });
    if (view3d_)
        connect(view3d_, &viewer::View3D::lesionPicked, this, [this](std::array<double, 3> lps) {
            if (!session_->pair()) return;
            PhysicalPointLps p;
            for (int a = 0; a < 3; ++a) p[a] = lps[a];
            const auto index = session_->pair()->fu->TransformPhysicalPointToIndex(p);
            const auto& axes = session_->model().axes();
            session_->model().setCursor(axes.clamp(axes.displayFromVoxel(index)));
        });
}

void MainWindow::finishStartup() {
    if (session_->busy() || series_->busy()) return;
    if (start_.heatMap && session_->result()) {
        start_.heatMap = false;
        session_->scene().setHeatVisible(true);
    }
    if (start_.showLargestLesion && navigator_->lesionCount() > 0 && !navigator_->selectedLesion()) {
        start_.showLargestLesion = false;
        navigator_->step(1);  // the table lists the largest first
    }
    Q_EMIT idle();
}

void MainWindow::onCaseOpened() {
    statusBar()->clearMessage();  // "Registering BL to FU..." is over
    annotation_->stop();
    annotationPanel_->refresh();
    if (!recoverRater_.isEmpty()) {
        const QString rater = std::exchange(recoverRater_, QString());
        QTimer::singleShot(0, this, [this, rater] { startAnnotation(rater); });  // offers the restore
    }
    setWindowTitle(tr("LesionDelta - %1").arg(QFileInfo(session_->fuPath()).fileName()));
    if (const auto& c = session_->caseFolder())
        setWindowTitle(tr("LesionDelta - %1").arg(QString::fromStdString(c->patient)));
    if (view3d_) {
        view3d_->setHead(session_->headMask());
        view3d_->setLesions(nullptr);
    }
    navigator_->setLesions({});
    updateCursorStatus();
}

void MainWindow::onResultsChanged() {
    navigator_->setLesions(session_->navigatorLesions());
    if (view3d_) view3d_->setLesions(session_->cnnMask());
    layers_->setThresholdValue(session_->threshold());
    if (const auto* r = session_->result(); r && r->summary.contains("device")) {
        // The summary's device is English for scripts ("cpu (2 threads)"); the reader's language here.
        QString device = QString::fromStdString(r->summary["device"].get<std::string>());
        static const QRegularExpression cpu(QStringLiteral("^cpu \\((\\d+) threads\\)$"));
        if (const auto m = cpu.match(device); m.hasMatch()) device = tr("CPU (%1 threads)").arg(m.captured(1));
        deviceLabel_->setText(tr("%1 lesions | %2").arg(r->lesions.size()).arg(device));
    } else if (r) {
        deviceLabel_->setText(tr("%1 lesions").arg(r->lesions.size()));
    }
}

void MainWindow::updateCursorStatus() {
    const auto* pair = session_->pair();
    if (!pair) {
        cursorLabel_->setText(tr("Open a case: File > Open, or drop BL and FU files or a case folder here."));
        return;
    }
    const auto& m = session_->model();
    const VoxelIndex v = m.axes().voxelFromDisplay(m.cursor());
    PhysicalPointLps p;
    pair->fu->TransformIndexToPhysicalPoint(v, p);
    cursorLabel_->setText(tr("voxel (%1, %2, %3)   LPS (%4, %5, %6) mm   BL %7   FU %8")
                              .arg(v[0])
                              .arg(v[1])
                              .arg(v[2])
                              .arg(p[0], 0, 'f', 1)
                              .arg(p[1], 0, 'f', 1)
                              .arg(p[2], 0, 'f', 1)
                              .arg(pair->blInFu->GetPixel(v), 0, 'f', 1)
                              .arg(pair->fu->GetPixel(v), 0, 'f', 1));
}

// By the tab's widget: the tabs' order changed once already (Annotate came in before 3D).
void MainWindow::showView3D() { sideTabs_->setCurrentWidget(view3dTab_); }
bool MainWindow::view3DInFront() const { return sideTabs_->currentWidget() == view3dTab_; }

QString MainWindow::statusText() const { return cursorLabel_->text(); }

void MainWindow::showError(const QString& message) {
    statusBar()->showMessage(message.section('\n', 0, 0), 10000);
    if (!start_.interactive) {
        qWarning("%s", qPrintable(message));
        return;
    }
    QMessageBox::warning(this, tr("LesionDelta"), message);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (annotation_->active() && annotation_->annotation()->dirty()) {
        annotation_->writeRecovery();  // whatever is chosen, nothing is lost before it is done
        if (start_.interactive) {
            const auto answer = QMessageBox::question(this, tr("Unsaved annotation"),
                                                      tr("The rater mask has unsaved edits. Save them before closing?"),
                                                      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
            if (answer == QMessageBox::Cancel) {
                event->ignore();
                return;
            }
            if (answer == QMessageBox::Save) {
                saveAnnotation();
                if (annotation_->annotation()->dirty()) {
                    event->ignore();
                    return;
                }
            } else {
                annotation_->discardRecovery();
            }
        }
    }
    if (!mayDropUnsavedResult()) {
        event->ignore();
        return;
    }
    // Work in progress stops at its next step; nothing half-done is written (results and reports
    // are written atomically, and only when complete).
    reporter_->cancel();
    pacsSender_->cancel();
    if (session_->busy()) {
        session_->cancel();
        session_->waitForWorker();
    }
    settings::setWindowGeometry(saveGeometry());
    event->accept();
}

}  // namespace lesiondelta::gui
