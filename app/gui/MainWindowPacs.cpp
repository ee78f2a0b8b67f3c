// MainWindow, the PACS (issue 21): File > Open from PACS and File > Send results to PACS.
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>

#include "MainWindow.h"
#include "PacsDialog.h"
#include "PacsSender.h"
#include "Settings.h"
#include "lesiondelta/Version.h"

namespace lesiondelta::gui {

void MainWindow::chooseFromPacs() {
    PacsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) return;
    if (!dialog.seriesFolder().isEmpty())
        openSeries(dialog.seriesFolder());
    else
        openPair(dialog.baselineFolder(), dialog.followUpFolder());
}

bool MainWindow::sendResultsToPacs(std::optional<viewer::LayerId> layer) {
    if (pacsSender_->busy()) return false;
    if (!session_->result()) {
        showError(tr("There are no results to send yet: detect new lesions first."));
        return false;
    }
    const QString fu = session_->fuPath();
    if (!QFileInfo(fu).isDir()) {
        showError(tr("The follow-up %1 was not opened from DICOM. Results go to the PACS only for scans opened "
                     "from a DICOM folder or from the PACS: their objects must refer to the follow-up's images.")
                      .arg(fu));
        return false;
    }
    pacs::PacsNode node;
    try {
        node = pacs::parseNode(settings::pacsNode().toStdString());
    } catch (const pacs::PacsError&) {
        showError(
            tr("No PACS is set up yet. Enter it in File > Open from PACS and test the connection; it is "
               "remembered once it answers."));
        return false;
    }
    node.ourAeTitle = settings::pacsOurAeTitle().toStdString();
    // Which mask is the result: the CNN's or a reader's correction of it (a rater layer).
    const viewer::LayerId cnn{viewer::LayerKind::Cnn, {}};
    if (!layer) {
        std::vector<const viewer::MaskLayer*> raters;
        for (const auto& l : session_->scene().masks())
            if ((l.id.kind == viewer::LayerKind::Rater || l.id.kind == viewer::LayerKind::RaterEditing) && l.mask)
                raters.push_back(&l);
        layer = cnn;
        if (start_.interactive && !raters.empty()) {
            QStringList choices{tr("The CNN's result (threshold %1)").arg(session_->threshold(), 0, 'f', 2)};
            for (const auto* r : raters) choices << QString::fromStdString(r->name);
            bool ok = false;
            const QString chosen = QInputDialog::getItem(
                this, tr("Send results to PACS"), tr("Which lesion mask goes to the PACS?"), choices, 0, false, &ok);
            if (!ok) return false;
            const int index = int(choices.indexOf(chosen));
            if (index > 0) layer = raters[std::size_t(index - 1)]->id;
        }
    }
    const viewer::MaskLayer* corrected = *layer == cnn ? nullptr : session_->scene().layer(*layer);
    if (!(*layer == cnn) && (!corrected || !corrected->mask)) {
        showError(tr("There is no such lesion mask to send."));
        return false;
    }
    if (start_.interactive &&
        QMessageBox::question(this, tr("Send results to PACS"),
                              tr("Send to PACS %1, into the follow-up's study:\n"
                                 "- the new/enlarging lesion mask (DICOM Segmentation),\n"
                                 "- the lesions' volumes (DICOM measurement report),\n"
                                 "- the patient report (PDF, with the patient's name and ID),\n"
                                 "- the follow-up slices with the lesions outlined (marked: not for diagnosis)?")
                                  .arg(QString::fromStdString(node.describe()))) != QMessageBox::Yes)
        return false;

    PacsSendJob job;
    job.node = node;
    job.fuFolder = fu;
    job.reportCase = session_->reportCase();
    job.softwareVersion = QString::fromLatin1(kVersion);
    // The results as the reader sees them: those saved with the case when nothing changed since,
    // otherwise written for this sending only.
    const auto& folder = session_->caseFolder();
    if (!corrected && folder && !session_->resultUnsaved() && QDir(QString::fromStdString(folder->results)).exists()) {
        job.resultsDir = QString::fromStdString(folder->results);
    } else {
        job.temporary = std::make_shared<QTemporaryDir>();
        try {
            if (!job.temporary->isValid()) throw std::runtime_error(job.temporary->errorString().toStdString());
            job.resultsDir = job.temporary->path();
            if (corrected)
                session_->writeResults(job.resultsDir, corrected->mask.GetPointer(),
                                       QString::fromStdString(corrected->id.rater));
            else
                session_->writeResults(job.resultsDir);
        } catch (const std::exception& e) {
            showError(tr("The results could not be prepared for the PACS: %1").arg(QString::fromStdString(e.what())));
            return false;
        }
    }
    return pacsSender_->start(std::move(job));
}

void MainWindow::connectPacsSender() {
    connect(pacsSender_, &PacsSender::failed, this, [this](const QString& message) {
        showError(tr("The results were not sent to the PACS: %1").arg(message));
    });
    connect(pacsSender_, &PacsSender::finished, this,
            [this](const QString& summary) { statusBar()->showMessage(summary, 15000); });
    connect(pacsSender_, &PacsSender::cancelled, this,
            [this] { statusBar()->showMessage(tr("Sending to the PACS cancelled"), 5000); });
}

}  // namespace lesiondelta::gui
