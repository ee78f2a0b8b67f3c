// MainWindow: starting detection and showing the progress of the session's background work.
#include <QAction>
#include <QProgressBar>
#include <QPushButton>
#include <algorithm>

#include "MainWindow.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace lesiondelta::gui {

void MainWindow::startDetection() {
    if (!session_->hasCase()) {
        showError(tr("Open a case first (File > Open)."));
        return;
    }
    const QString model = modelPath();
    if (model.isEmpty()) return;
    if (!session_->detect(model, start_.device)) {
        showError(tr("Please wait for the running task to finish or cancel it."));
        return;
    }
    onProgress(0, tr("starting"));
}

QString MainWindow::modelPath() {
    if (!start_.model.isEmpty()) return start_.model;
    try {
        return QString::fromStdString(findShippedModel());
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
        return {};
    }
}

void MainWindow::onProgress(double fraction, const QString& stage) {
    if (!progress_->isVisible()) {
        elapsed_.start();
        progress_->show();
        cancel_->show();
        progressTick_.start(250);  // the seconds shown lag by at most a quarter
    }
    stage_ = stageName(stage);
    fraction_ = std::clamp(fraction, 0.0, 1.0);
    progress_->setValue(int(fraction_ * 1000));
    showProgressText();
    detectAction_->setEnabled(false);
}

void MainWindow::showProgressText() {
    progress_->setFormat(tr("%1 %2% (%3 s)").arg(stage_).arg(int(fraction_ * 100)).arg(elapsed_.elapsed() / 1000));
}

QString MainWindow::stageName(const QString& stage) {
    if (stage == "loading") return tr("loading");
    if (stage == "registration") return tr("registration");
    if (stage == "preprocessing") return tr("preprocessing");
    if (stage == "inference") return tr("CNN");
    if (stage == "postprocessing") return tr("lesions");
    if (stage == "done") return tr("done");
    return stage;  // already in the reader's language (the window's own stages)
}

void MainWindow::onWorkFinished() {
    progressTick_.stop();
    progress_->hide();
    cancel_->hide();
    detectAction_->setEnabled(true);
    if (startupDetectPending_ && session_->hasCase() && !session_->result()) {
        startupDetectPending_ = false;
        startDetection();
        return;
    }
    startupDetectPending_ = false;
    finishStartup();
}

}  // namespace lesiondelta::gui
