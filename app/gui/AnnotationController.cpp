#include "AnnotationController.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>
#include <filesystem>

#include "CaseSession.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/VolumeError.h"

namespace fs = std::filesystem;

namespace lesiondelta::gui {
namespace {

MaskVolume::Pointer emptyLike(const itk::ImageBase<kDim>& grid) {
    auto m = MaskVolume::New();
    m->CopyInformation(&grid);
    m->SetRegions(grid.GetLargestPossibleRegion());
    m->Allocate(true);
    return m;
}
}  // namespace

AnnotationController::AnnotationController(CaseSession& session, QObject* parent) : QObject(parent), session_(session) {
    autosave_.setInterval(60 * 1000);
    connect(&autosave_, &QTimer::timeout, this, &AnnotationController::writeRecovery);
}

void AnnotationController::start(const QString& rater) {
    if (!session_.pair()) throw VolumeError("", "open a case before annotating");
    stop();
    rater_ = rater;
    const auto& fu = *session_.pair()->fu;
    const QString existing = defaultMaskPath();
    if (!existing.isEmpty() && fs::exists(existing.toStdString())) {
        annotation_ =
            std::make_unique<viewer::AnnotationSession>(viewer::AnnotationSession::load(existing.toStdString(), fu));
    } else {
        annotation_ = std::make_unique<viewer::AnnotationSession>(fu, rater.toStdString());
    }
    roiMask_ = emptyLike(fu);
    previewMask_ = emptyLike(fu);
    inRoi_.assign(fu.GetLargestPossibleRegion().GetNumberOfPixels(), false);
    ensureLayers();
    autosave_.start();
    Q_EMIT changed();
    Q_EMIT brushChanged();
}

void AnnotationController::stop() {
    autosave_.stop();
    annotation_.reset();
    roi_.clear();
    session_.scene().removeLayers([](const viewer::MaskLayer& l) {
        using K = viewer::LayerKind;
        return l.id.kind == K::RaterEditing || l.id.kind == K::Roi || l.id.kind == K::RoiPreview;
    });
    Q_EMIT brushChanged();
}

void AnnotationController::ensureLayers() {
    auto& scene = session_.scene();
    using K = viewer::LayerKind;
    const viewer::LayerId editing{K::RaterEditing, rater_.toStdString()};
    const auto add = [&](const viewer::LayerId& id, MaskVolume::ConstPointer mask, std::uint32_t rgb, double opacity,
                         bool outline) {
        if (!scene.layer(id))
            scene.setLayer({id, CaseSession::displayName(id).toStdString(), mask, rgb, opacity, outline, true});
    };
    add(editing, annotation_->maskPointer(), 0x3399ff, 0.45, false);
    add({K::Roi, {}}, roiMask_, 0xffffff, 0.9, true);
    add({K::RoiPreview, {}}, previewMask_, 0xffe000, 0.6, false);
}

void AnnotationController::setRadiusMm(double mm) {
    radiusMm_ = std::clamp(mm, 0.5, 20.0);
    Q_EMIT brushChanged();
}

double AnnotationController::brushFootprintMm() const {
    const bool brush = tool_ == Tool::Paint || tool_ == Tool::Erase || tool_ == Tool::RoiThreshold;
    return annotation_ && brush ? radiusMm_ : 0.0;
}

void AnnotationController::setTool(Tool tool) {
    if (tool != Tool::RoiThreshold) cancelRoi();
    if (annotation_) annotation_->endStroke();
    tool_ = tool;
    Q_EMIT brushChanged();
}

bool AnnotationController::handlePointer(viewer::Plane plane, int type, const viewer::DisplayIndex& at) {
    if (!annotation_ || tool_ == Tool::Navigate) return false;
    const auto& axes = session_.model().axes();
    const VoxelIndex voxel = axes.voxelFromDisplay(at);
    const int normal = axes.voxelAxis(viewer::normalAxis(plane));
    const auto& fu = *session_.pair()->fu;
    switch (tool_) {
        case Tool::Paint:
        case Tool::Erase: {
            const auto voxels = brushVoxels(fu, voxel, radiusMm_, sphere_, normal);
            // One press-drag-release is one stroke: one undo step, however many dabs it takes.
            if (type == QEvent::MouseButtonPress) annotation_->beginStroke();
            apply([&] { tool_ == Tool::Paint ? annotation_->paint(voxels) : annotation_->erase(voxels); });
            if (type == QEvent::MouseButtonRelease) annotation_->endStroke();
            return true;
        }
        case Tool::EraseLesion:
            if (type == QEvent::MouseButtonPress) apply([&] { annotation_->eraseLesion(voxel); });
            return true;
        case Tool::RoiThreshold: {
            std::uint8_t* roi = roiMask_->GetBufferPointer();
            for (auto o : brushVoxels(fu, voxel, radiusMm_, sphere_, normal)) {
                if (inRoi_[o]) continue;
                inRoi_[o] = true;
                roi[o] = 1;
                roi_.push_back(o);
            }
            roiMask_->Modified();
            if (type == QEvent::MouseButtonRelease || type == QEvent::MouseButtonPress) {
                // The default threshold from the region's own statistics, then the live preview.
                const float* v = fu.GetBufferPointer();
                roiLow_ = roiHigh_ = v[roi_.front()];
                for (auto o : roi_)
                    roiLow_ = std::min<double>(roiLow_, v[o]), roiHigh_ = std::max<double>(roiHigh_, v[o]);
                roiThreshold_ = defaultRoiThreshold(fu, roi_);
            }
            updateRoiPreview();
            return true;
        }
        case Tool::Navigate:
            break;
    }
    return false;
}

void AnnotationController::updateRoiPreview() {
    std::uint8_t* p = previewMask_->GetBufferPointer();
    std::fill(p, p + inRoi_.size(), 0);
    if (!roi_.empty()) {
        for (auto o : aboveThreshold(*session_.pair()->fu, roi_, roiThreshold_)) p[o] = 1;
    }
    previewMask_->Modified();
    session_.scene().setLayerMask({viewer::LayerKind::Roi, {}}, roiMask_);
    session_.scene().setLayerMask({viewer::LayerKind::RoiPreview, {}}, previewMask_);
    Q_EMIT roiStateChanged(!roi_.empty(), roiThreshold_, roiLow_, roiHigh_);
    Q_EMIT changed();
}

void AnnotationController::setRoiThreshold(double threshold) {
    roiThreshold_ = threshold;
    updateRoiPreview();
}

void AnnotationController::stepRoiThreshold(int steps) {
    if (roi_.empty()) return;
    setRoiThreshold(std::clamp(roiThreshold_ + steps * 0.02 * (roiHigh_ - roiLow_), roiLow_, roiHigh_));
}

void AnnotationController::applyRoi() {
    if (!annotation_ || roi_.empty()) return;
    apply([&] { annotation_->roiThreshold(*session_.pair()->fu, roi_, roiThreshold_); });
    cancelRoi();
}

void AnnotationController::cancelRoi() {
    if (roi_.empty() || !roiMask_) return;
    std::uint8_t* roi = roiMask_->GetBufferPointer();
    for (auto o : roi_) roi[o] = 0, inRoi_[o] = false;
    roi_.clear();
    roiMask_->Modified();
    updateRoiPreview();
}

VoxelOffsets AnnotationController::cnnLesionVoxels(unsigned id) const {
    VoxelOffsets out;
    const MaskVolume* cnn = session_.cnnMask();
    if (!cnn) return out;
    const auto labels = labelLesions(*cnn);
    const auto* l = labels->GetBufferPointer();
    const auto n = labels->GetLargestPossibleRegion().GetNumberOfPixels();
    for (std::size_t i = 0; i < n; ++i)
        if (l[i] == id) out.push_back(std::int64_t(i));
    return out;
}

void AnnotationController::accept(unsigned cnnLesion) {
    if (!annotation_) return;
    const auto voxels = cnnLesionVoxels(cnnLesion);
    apply([&] { annotation_->accept(cnnLesion, voxels); });
    Q_EMIT message(tr("Lesion %1 accepted into %2's mask (%3 voxels)").arg(cnnLesion).arg(rater_).arg(voxels.size()));
}

void AnnotationController::reject(unsigned cnnLesion) {
    if (!annotation_) return;
    apply([&] { annotation_->reject(cnnLesion); });
    Q_EMIT message(tr("Lesion %1 rejected").arg(cnnLesion));
}

void AnnotationController::undo() {
    if (annotation_ && annotation_->undo()) publishEdits();
}

void AnnotationController::redo() {
    if (annotation_ && annotation_->redo()) publishEdits();
}

void AnnotationController::apply(const std::function<void()>& edit) {
    edit();
    publishEdits();
}

void AnnotationController::publishEdits() {
    session_.scene().setLayerMask({viewer::LayerKind::RaterEditing, rater_.toStdString()}, annotation_->maskPointer());
    Q_EMIT changed();
}

QString AnnotationController::defaultMaskPath() const {
    const auto& c = session_.caseFolder();
    if (!c || rater_.isEmpty()) return {};
    return QString::fromStdString((fs::path(c->folder) / "raters" / (rater_.toStdString() + ".nii.gz")).string());
}

void AnnotationController::save(const QString& maskPath) {
    if (!annotation_) return;
    fs::create_directories(fs::path(maskPath.toStdString()).parent_path());
    annotation_->save(maskPath.toStdString(), kVersion);
    discardRecovery();
    Q_EMIT message(tr("Saved %1").arg(maskPath));
}

namespace {
QString recoveryFolder() { return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/recovery"; }
QString caseNoteOf(const QString& maskPath) { return QString(maskPath).replace(".nii.gz", ".case.json"); }
}  // namespace

QList<AnnotationController::PendingRecovery> AnnotationController::pendingRecoveries() {
    QList<PendingRecovery> out;
    const QDir dir(recoveryFolder());
    for (const auto& info : dir.entryInfoList({"*.case.json"}, QDir::Files, QDir::Time)) {
        QFile f(info.filePath());
        if (!f.open(QIODevice::ReadOnly)) continue;
        const auto j = QJsonDocument::fromJson(f.readAll()).object();
        PendingRecovery r{j["rater"].toString(),    j["bl"].toString(),
                          j["fu"].toString(),       j["case_folder"].toString(),
                          j["saved_at"].toString(), QString(info.filePath()).replace(".case.json", ".nii.gz")};
        if (QFile::exists(r.maskPath) && !r.rater.isEmpty() && !r.fu.isEmpty()) out << r;
    }
    return out;
}

void AnnotationController::discard(const PendingRecovery& r) {
    QFile::remove(r.maskPath);
    QFile::remove(QString::fromStdString(viewer::AnnotationSession::sidecarPath(r.maskPath.toStdString())));
    QFile::remove(caseNoteOf(r.maskPath));
}

QString AnnotationController::recoveryPath() const {
    if (!session_.pair() || rater_.isEmpty()) return {};
    const QByteArray key =
        QCryptographicHash::hash((session_.fuPath() + "|" + rater_).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(16);
    return recoveryFolder() + "/" + key + ".nii.gz";
}

void AnnotationController::writeRecovery() {
    if (!annotation_ || !annotation_->dirty()) return;
    const QString path = recoveryPath();
    try {
        QDir().mkpath(QFileInfo(path).path());
        annotation_->writeRecovery(path.toStdString(), kVersion);
        // Which case this copy belongs to, so the next start can offer it (see pendingRecoveries).
        QJsonObject note{{"rater", rater_},
                         {"bl", session_.blPath()},
                         {"fu", session_.fuPath()},
                         {"saved_at", QDateTime::currentDateTime().toString(Qt::ISODate)}};
        if (const auto& folder = session_.caseFolder()) note["case_folder"] = QString::fromStdString(folder->folder);
        QSaveFile f(caseNoteOf(path));
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(note).toJson()) < 0 || !f.commit()) {
            throw std::runtime_error(f.errorString().toStdString());
        }
    } catch (const std::exception& e) {
        Q_EMIT message(tr("The recovery copy could not be written: %1").arg(e.what()));
    }
}

void AnnotationController::discardRecovery() {
    const QString path = recoveryPath();
    if (path.isEmpty()) return;
    QFile::remove(path);
    QFile::remove(QString::fromStdString(viewer::AnnotationSession::sidecarPath(path.toStdString())));
    QFile::remove(caseNoteOf(path));
}

bool AnnotationController::restoreRecovery() {
    const QString path = recoveryPath();
    if (path.isEmpty() || !QFile::exists(path)) return false;
    auto restored = std::make_unique<viewer::AnnotationSession>(
        viewer::AnnotationSession::load(path.toStdString(), *session_.pair()->fu));
    // The restored edits count as unsaved: paint them as one step over the loaded mask.
    const std::uint8_t* want = restored->mask().GetBufferPointer();
    const std::uint8_t* have = annotation_->mask().GetBufferPointer();
    VoxelOffsets on, off;
    for (std::size_t i = 0; i < inRoi_.size(); ++i) {
        if (want[i] != have[i]) (want[i] ? on : off).push_back(std::int64_t(i));
    }
    apply([&] {
        annotation_->erase(off);
        annotation_->paint(on);
        for (const auto& [id, d] : restored->decisions())
            d == viewer::CnnDecision::Accepted ? (void)annotation_->accept(id, {}) : annotation_->reject(id);
    });
    return true;
}

}  // namespace lesiondelta::gui
