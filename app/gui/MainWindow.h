#pragma once
// The reading window: coupled BL/FU views in the centre; overlays, lesion navigator and 3D view
// on the right; detection with progress and Cancel in the status bar. It wires widgets to the
// CaseSession and delegates all work to it.
#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>
#include <optional>

#include "CaseSession.h"
#include "ReportExporter.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QMenu;
class QActionGroup;

namespace lesiondelta::viewer {
class SlicePairPanel;
class LesionNavigator;
class View3D;
}  // namespace lesiondelta::viewer

namespace lesiondelta::gui {

class LayerPanel;
class AnnotationController;
class AnnotationPanel;
class WelcomeDialog;
class SeriesSession;
class VisitBar;
class CourseTimeline;
class PacsSender;

struct StartOptions {
    QString bl, fu, caseFolder, model, device = "auto";
    bool detect = false;                 // run detection once the case is open
    bool show3D = false;                 // bring the 3D tab to the front
    bool threePlanes = false;            // the three-plane layout instead of side by side
    bool heatMap = false;                // show the probability heat map once a result is there
    bool showLargestLesion = false;      // select the largest lesion once results are there
    bool welcome = false;                // show the welcome panel even where it would not show by itself
    QString series;                      // a patient series folder to open (--series)
    std::string seriesDetector = "cnn";  // how a series' intervals are measured: cnn | subtraction
    /// Dialogs may ask the reader (the welcome panel at first start, recovery, unsaved edits on
    /// closing) and errors show in a message box. Off (tests, --screenshot): errors go to the log,
    /// recovered edits are restored, closing keeps unsaved edits as a recovery file.
    bool interactive = false;
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const StartOptions& options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    CaseSession& session() { return *session_; }
    viewer::SlicePairPanel* panel() const { return panel_; }
    viewer::LesionNavigator* navigator() const { return navigator_; }
    viewer::View3D* view3D() const { return view3d_; }  // null without OpenGL (offscreen)
    AnnotationController& annotation() { return *annotation_; }
    AnnotationPanel& annotationPanel() { return *annotationPanel_; }
    /// Starts annotating as `rater` (asked for, and remembered, when empty).
    void startAnnotation(QString rater = {});
    void saveAnnotation();
    QString statusText() const;
    void showView3D();  // brings the 3D tab to the front
    /// File > Add LST output / Add rater mask, after the file dialog; false (with the message
    /// shown) when the file cannot be used.
    bool addMaskFile(const QString& path, bool lst);
    bool view3DInFront() const;
    /// The first-run panel (non-modal): the sample case, a case folder, two scans, a short tour.
    void showWelcome();
    WelcomeDialog* welcomeDialog() const { return welcome_; }

    void openPair(const QString& bl, const QString& fu, const QString& blUid = {}, const QString& fuUid = {});
    void openCaseFolder(const QString& folder);
    /// A patient's course of visits (SeriesFolder.h): analysed on the worker thread, then shown.
    void openSeries(const QString& dir);
    SeriesSession& series() { return *series_; }
    VisitBar* visitBar() const { return visitBar_; }
    CourseTimeline* timeline() const { return timeline_; }
    void startDetection();
    /// Writes the patient report of the open case to `pdfPath` (worker thread); reportWritten or
    /// an error message follows.
    bool exportReport(const QString& pdfPath);
    ReportExporter& reporter() { return *reporter_; }
    /// File > Send results to PACS: the result on screen, its report and outline pictures to the
    /// node set up in Open from PACS (worker thread; PacsSender's signals tell the outcome).
    /// `layer`: which mask goes as the result - the CNN's, or a rater layer (a reader's
    /// correction); none given: the reader is asked when rater layers exist (the CNN's when the
    /// window may not ask). False, with the reason shown, when there is nothing to send, the FU
    /// is not DICOM or no node is set up.
    bool sendResultsToPacs(std::optional<viewer::LayerId> layer = std::nullopt);
    PacsSender& pacsSender() { return *pacsSender_; }

Q_SIGNALS:
    void idle();  // no work running and nothing requested at start is pending

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void buildLayout();
    void buildSeries();
    void onSeriesOpened();
    void leaveSeries();
    void chooseAndOpenSeries();
    void buildAnnotationActions(QMenu* menu);
    void buildAppearanceActions(QMenu* view);  // theme and language
    void onCaseOpened();
    void onResultsChanged();
    void onProgress(double fraction, const QString& stage);
    void onWorkFinished();
    void showError(const QString& message);
    void updatePlausibilityBanner();
    void updateCursorStatus();
    void addRecent(const QString& entry);
    void rebuildRecentMenu();
    void openRecent(const QString& entry);
    void chooseAndOpenPair();
    void chooseAndOpenFolder();
    void chooseAndOpenDicom();
    void chooseFromPacs();  // File > Open from PACS
    void connectPacsSender();
    QString chooseSeries(const QString& folder, const QString& which, bool& ok);
    void chooseAndAddMask(bool lst);
    void chooseAndSaveResults();
    /// Before a detection's result saved nowhere is dropped (closing, opening another case): asks
    /// the reader to save it, drop it or stay. True when the window may go on.
    bool mayDropUnsavedResult();
    void chooseAndExportReport();
    void showShortcuts();
    void showAbout();
    QString modelPath();  // the shipped model unless --model; empty (and said) when none
    void finishStartup();
    /// At a start without a case: offers the recovery copies a crashed session left behind.
    void offerRecovery();

    StartOptions start_;
    CaseSession* session_;
    viewer::SlicePairPanel* panel_ = nullptr;
    viewer::LesionNavigator* navigator_ = nullptr;
    viewer::View3D* view3d_ = nullptr;
    QWidget* view3dTab_ = nullptr;  // view3d_, or the note that OpenGL is missing
    LayerPanel* layers_ = nullptr;
    SeriesSession* series_ = nullptr;
    VisitBar* visitBar_ = nullptr;
    CourseTimeline* timeline_ = nullptr;
    AnnotationController* annotation_ = nullptr;
    AnnotationPanel* annotationPanel_ = nullptr;
    ReportExporter* reporter_ = nullptr;
    PacsSender* pacsSender_ = nullptr;
    QAction* anonymiseAction_ = nullptr;
    QLabel* cursorLabel_ = nullptr;
    QLabel* plausibilityBanner_ = nullptr;
    QLabel* deviceLabel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QAction* detectAction_ = nullptr;
    QAction* flickerAction_ = nullptr;
    QAction* linkAction_ = nullptr;
    class QTabWidget* sideTabs_ = nullptr;
    QTimer flicker_;
    QElapsedTimer elapsed_;
    QString stage_;
    double fraction_ = 0.0;
    QTimer progressTick_;  // the elapsed seconds count on while a stage reports nothing
    void showProgressText();
    static QString stageName(const QString& stage);  // the pipeline's stage keys, translated
    int modelListener_ = 0;
    bool startupDetectPending_ = false;
    WelcomeDialog* welcome_ = nullptr;
    QString recoverRater_;  // start annotating as this rater (and restore) once the case is open
};

}  // namespace lesiondelta::gui
