// lesiondelta: the reading GUI.
//   lesiondelta [--bl FILE --fu FILE | --case DIR | --series DIR | DIR | BL FU] [--model FILE]
//               [--device auto|cpu|cuda] [--series-detector cnn|subtraction]
//               [--detect] [--show-3d] [--three-planes] [--heat-map] [--welcome] [--language en|de] [--theme
//               system|light|dark]
//               [--screenshot FILE.png [--quit]]
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QSurfaceFormat>
#include <QTimer>
#include <memory>

#include "Appearance.h"
#include "Localization.h"
#include "MainWindow.h"
#include "Settings.h"
#include "WindowSnapshot.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/ml/HeapReuse.h"

namespace {

void describeOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription("Review of new and enlarging MS lesions in BL/FU FLAIR MRI");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(
        {{"bl", "Baseline scan (file or DICOM folder).", "file"},
         {"fu", "Follow-up scan (file or DICOM folder).", "file"},
         {"case", "Case folder (see README: case folders).", "dir"},
         {"series", "A patient's series of visits (see README: a patient's course).", "dir"},
         {"series-detector", "How a series' intervals are measured: cnn or subtraction.", "detector", "cnn"},
         {"model", "Weights file (default: the shipped model).", "file"},
         {"device", "auto, cpu or cuda.", "device", "auto"},
         {"detect", "Run detection once the case is open."},
         {"show-3d", "Show the 3D view beside the slices."},
         {"three-planes", "Axial, coronal and sagittal of BL above FU (View > Three planes)."},
         {"heat-map", "Show the CNN's probability heat map once results are there."},
         {"screenshot", "Save a picture of the window when the work is done.", "png"},
         {"welcome", "Show the welcome panel."},
         {"language", "en or de (default: the setting, else the system's language).", "code"},
         {"theme", "system, light or dark (default: the setting).", "theme"},
         {"quit", "Quit after --screenshot."}});
    parser.addPositionalArgument("paths", "A case folder, or the BL and FU scans (BL first by name).", "[DIR | BL FU]");
}

void setIdentity() {
    QCoreApplication::setOrganizationName("LesionDelta");
    QCoreApplication::setApplicationName("LesionDelta");
    QCoreApplication::setApplicationVersion(lesiondelta::kVersion);
}

}  // namespace

int main(int argc, char** argv) {
    lesiondelta::ml::keepFreedMemoryInHeap();
    // --help and --version answer without a display (a QApplication would need one).
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--help" || a == "-h" || a == "--help-all" || a == "--version" || a == "-v") {
            QCoreApplication core(argc, argv);
            setIdentity();
            QCommandLineParser parser;
            describeOptions(parser);
            parser.process(core);  // prints and exits
            return 0;
        }
    }
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName("lesiondelta");
    QApplication::setWindowIcon(QIcon(":/icons/lesiondelta.svg"));
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);
    using lesiondelta::gui::Theme;
    lesiondelta::i18n::installTranslations(parser.isSet("language") ? parser.value("language")
                                                                    : lesiondelta::gui::settings::language());
    const QString theme = parser.value("theme");
    lesiondelta::gui::applyTheme(theme == "dark"    ? Theme::Dark
                                 : theme == "light" ? Theme::Light
                                 : theme.isEmpty()  ? lesiondelta::gui::settings::theme()
                                                    : Theme::System);
    if (parser.isSet("bl") != parser.isSet("fu")) {
        fprintf(stderr, "lesiondelta: give both --bl and --fu\n");
        return 2;
    }
    lesiondelta::gui::StartOptions o;
    o.bl = parser.value("bl");
    o.fu = parser.value("fu");
    o.caseFolder = parser.value("case");
    o.series = parser.value("series");
    o.seriesDetector = parser.value("series-detector").toStdString();
    if (o.seriesDetector != "cnn" && o.seriesDetector != "subtraction") {
        fprintf(stderr, "lesiondelta: --series-detector must be cnn or subtraction\n");
        return 2;
    }
    o.model = parser.value("model");
    o.device = parser.value("device");
    o.detect = parser.isSet("detect");
    o.show3D = parser.isSet("show-3d");
    o.threePlanes = parser.isSet("three-planes");
    o.heatMap = parser.isSet("heat-map");
    const QString screenshot = parser.value("screenshot");
    o.interactive = screenshot.isEmpty();  // a screenshot run must not wait for the reader
    o.showLargestLesion = !screenshot.isEmpty();
    o.welcome = parser.isSet("welcome");
    // Paths as a file manager passes them ("Open with LesionDelta"): a case folder, or two scans.
    QStringList paths = parser.positionalArguments();
    paths.sort();  // BL before FU when named by date, study number or bl/fu
    if (paths.size() == 1 && QFileInfo(paths[0]).isDir()) {
        o.caseFolder = paths[0];
    } else if (paths.size() == 2) {
        o.bl = paths[0];
        o.fu = paths[1];
    } else if (!paths.isEmpty()) {
        fprintf(stderr, "lesiondelta: give a case folder or two scans (BL and FU), not %s\n",
                qPrintable(paths.join(", ")));
        return 2;
    }
    lesiondelta::gui::MainWindow window(o);  // its size: as last closed, else fitted to the screen
    if (!screenshot.isEmpty()) {
        // Once everything asked for at start is done, give the views a moment to draw, then save.
        auto taken = std::make_shared<bool>(false);
        QObject::connect(&window, &lesiondelta::gui::MainWindow::idle, &window, [&window, screenshot, taken, &parser] {
            if (*taken) return;
            *taken = true;
            QTimer::singleShot(300, &window, [&window, screenshot, quit = parser.isSet("quit")] {
                lesiondelta::gui::windowSnapshot(window).save(screenshot);
                if (quit) QApplication::quit();
            });
        });
    }
    window.show();
    return app.exec();
}
