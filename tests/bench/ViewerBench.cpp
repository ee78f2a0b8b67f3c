// viewer_bench [repeats=200]: the reading views' speed targets (issue 5).
// 1. Re-render of a 512x512 BL/FU pair after a slice, zoom or W/L change: both slices drawn with
//    a green mask overlay and scaled into two 700x800 view-sized images (what paintEvent does).
//    Target: median under 16 ms.
// 2. Opening the sample case: time from start until the first image is shown in the real window
//    (offscreen). Target: under 2 s.
#include <QApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

#include "MainWindow.h"
#include "lesiondelta/viewer/SlicePairPanel.h"
#include "lesiondelta/viewer/SliceRenderer.h"

using namespace lesiondelta;
using namespace lesiondelta::viewer;

namespace {

ImageVolume::Pointer noiseVolume(unsigned seed) {
    auto image = ImageVolume::New();
    ImageVolume::RegionType region;
    region.SetSize({512, 512, 40});
    image->SetRegions(region);
    image->Allocate();
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(300, 80);
    for (std::size_t i = 0; i < region.GetNumberOfPixels(); ++i) image->GetBufferPointer()[i] = n(rng);
    return image;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int repeats = argc > 1 ? std::max(10, atoi(argv[1])) : 200;
    const auto bl = noiseVolume(1), fu = noiseVolume(2);
    auto mask = MaskVolume::New();
    mask->CopyInformation(fu);
    mask->SetRegions(fu->GetLargestPossibleRegion());
    mask->Allocate(true);
    for (std::size_t i = 0; i < mask->GetLargestPossibleRegion().GetNumberOfPixels(); i += 7)
        mask->GetBufferPointer()[i] = 1;
    std::vector<MaskLayer> layers(1);
    layers[0].id.kind = LayerKind::Cnn;
    layers[0].name = "cnn";
    layers[0].mask = mask;
    layers[0].rgb = 0x00e640;
    const DisplayAxes axes(*fu);
    QImage slices[2] = {QImage(512, 512, QImage::Format_RGB32), QImage(512, 512, QImage::Format_RGB32)};
    QImage views[2] = {QImage(700, 800, QImage::Format_RGB32), QImage(700, 800, QImage::Format_RGB32)};
    std::vector<double> ms;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer t;
        t.start();
        const auto g = sliceGeometry(axes, Plane::Axial, r % 40);
        const WindowLevel w = WindowLevel::fromRange(100 + r % 7, 600);
        for (int s = 0; s < 2; ++s) {
            renderSlice(s ? *fu : *bl, g, w, layers, {}, reinterpret_cast<std::uint32_t*>(slices[s].bits()));
            QPainter p(&views[s]);
            p.fillRect(views[s].rect(), Qt::black);
            p.drawImage(QRectF(0, 50, 700, 700), slices[s]);
        }
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::printf(
        "re-render of a 512x512 BL/FU pair with overlay into two 700x800 views: median %.2f ms "
        "(min %.2f, max %.2f, %d repeats; target < 16 ms)\n",
        median(ms), *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()), repeats);

    const QString sample = LESIONDELTA_SAMPLE_DIR;
    std::vector<double> opening;
    for (int r = 0; r < 3; ++r) {
        QElapsedTimer t;
        t.start();
        gui::StartOptions o;
        o.bl = sample + "/study1_FLAIR.nii.gz";
        o.fu = sample + "/study2_FLAIR.nii.gz";
        gui::MainWindow window(o);
        window.resize(1400, 850);
        window.show();
        while (window.panel()->view(Side::FollowUp)->sliceImage().isNull() && t.elapsed() < 30000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QThread::usleep(500);
        }
        opening.push_back(t.elapsed() / 1000.0);
        window.session().cancel();
        window.session().waitForWorker();
        QCoreApplication::processEvents();
    }
    std::printf("opening the sample case until the first image shows: median %.2f s of 3 (target < 2 s)\n",
                median(opening));
    return 0;
}
