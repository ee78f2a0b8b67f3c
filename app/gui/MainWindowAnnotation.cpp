// MainWindow: annotation actions, starting and saving a rater's mask, and recovery of
// annotations a crashed session left behind.
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
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
#include <utility>

#include "AnnotationController.h"
#include "AnnotationPanel.h"
#include "LayerPanel.h"
#include "MainWindow.h"
#include "Settings.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/DicomSeries.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/viewer/LesionNavigator.h"
#include "lesiondelta/viewer/SlicePairPanel.h"
#include "lesiondelta/viewer/View3D.h"

namespace lesiondelta::gui {

using viewer::Plane;
using viewer::Side;

void MainWindow::buildAnnotationActions(QMenu* menu) {
    using Tool = AnnotationController::Tool;
    menu->addAction(tr("Annotate as rater..."), this, [this] { startAnnotation(); });
    const std::tuple<QString, Tool, int> tools[] = {{tr("Navigate"), Tool::Navigate, Qt::Key_V},
                                                    {tr("Paint brush"), Tool::Paint, Qt::Key_B},
                                                    {tr("Eraser"), Tool::Erase, Qt::Key_E},
                                                    {tr("ROI-threshold brush"), Tool::RoiThreshold, Qt::Key_I},
                                                    {tr("Erase this lesion"), Tool::EraseLesion, Qt::Key_K}};
    for (const auto& [name, tool, key] : tools) {
        menu->addAction(name, QKeySequence(key), this, [this, tool = tool] {
            annotation_->setTool(tool);
            annotationPanel_->refresh();
        });
    }
    menu->addAction(tr("Apply ROI"), QKeySequence(Qt::Key_Return), annotation_, &AnnotationController::applyRoi);
    menu->addAction(tr("Accept selected CNN lesion"), QKeySequence(Qt::Key_Y), this, [this] {
        if (const auto* l = navigator_->selectedLesion()) annotation_->accept(l->id);
    });
    menu->addAction(tr("Reject selected CNN lesion"), QKeySequence(Qt::Key_X), this, [this] {
        if (const auto* l = navigator_->selectedLesion()) annotation_->reject(l->id);
    });
    menu->addAction(tr("Undo"), QKeySequence::Undo, annotation_, &AnnotationController::undo);
    menu->addAction(tr("Redo"), QKeySequence::Redo, annotation_, &AnnotationController::redo);
    menu->addAction(tr("Save rater mask"), QKeySequence(Qt::CTRL | Qt::Key_R), this, &MainWindow::saveAnnotation);
}

void MainWindow::startAnnotation(QString rater) {
    if (!session_->hasCase()) {
        showError(tr("Open a case first (File > Open)."));
        return;
    }
    if (rater.isEmpty()) {
        bool ok = false;
        rater = QInputDialog::getText(this, tr("Rater"), tr("Your name or rater code (remembered):"), QLineEdit::Normal,
                                      settings::raterName(), &ok)
                    .trimmed();
        if (!ok || rater.isEmpty()) return;
    }
    settings::setRaterName(rater);
    try {
        annotation_->start(rater);
        if (QFile::exists(annotation_->recoveryPath())) {
            const bool restore =
                !start_.interactive ||
                QMessageBox::question(this, tr("Recover annotation"),
                                      tr("Unsaved edits of %1 on this case were kept after the program "
                                         "ended unexpectedly. Restore them?")
                                          .arg(rater)) == QMessageBox::Yes;
            if (restore) {
                annotation_->restoreRecovery();
            } else {
                annotation_->discardRecovery();
            }
        }
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
    }
    annotationPanel_->refresh();
    sideTabs_->setCurrentWidget(annotationPanel_);
}

void MainWindow::saveAnnotation() {
    if (!annotation_->active()) return;
    QString path = annotation_->defaultMaskPath();
    if (path.isEmpty()) {
        path =
            QFileDialog::getSaveFileName(this, tr("Save rater mask"), settings::lastFolder(), tr("NIfTI (*.nii.gz)"));
        if (path.isEmpty()) return;
        if (!path.endsWith(".nii.gz")) path += ".nii.gz";
    }
    try {
        annotation_->save(path);
    } catch (const std::exception& e) {
        // The edits stay in memory and in the recovery copy.
        annotation_->writeRecovery();
        showError(tr("The rater mask could not be saved; your edits are kept in memory and in the recovery "
                     "copy.\n%1")
                      .arg(e.what()));
    }
    annotationPanel_->refresh();
}

void MainWindow::offerRecovery() {
    const auto pending = AnnotationController::pendingRecoveries();
    if (pending.isEmpty() || !start_.interactive) return;
    const auto& r = pending.front();
    const QString where = r.caseFolder.isEmpty() ? QFileInfo(r.fu).fileName() : r.caseFolder;
    QMessageBox box(QMessageBox::Question, tr("Recover annotation"),
                    tr("LesionDelta ended without saving the annotation of %1 on %2 (last kept %3).\n"
                       "Open that case and restore the edits?")
                        .arg(r.rater, where, r.savedAt),
                    QMessageBox::NoButton, this);
    auto* open = box.addButton(tr("Open and restore"), QMessageBox::AcceptRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    auto* drop = box.addButton(tr("Discard the edits"), QMessageBox::DestructiveRole);
    if (pending.size() > 1) box.setInformativeText(tr("%1 more recovery copies are kept.").arg(pending.size() - 1));
    box.exec();
    if (box.clickedButton() == drop) {
        AnnotationController::discard(r);
    } else if (box.clickedButton() == open) {
        recoverRater_ = r.rater;
        if (!r.caseFolder.isEmpty())
            openCaseFolder(r.caseFolder);
        else
            openPair(r.bl, r.fu);
    }
}

}  // namespace lesiondelta::gui
