#include "CaseSession.h"

#include <QFileInfo>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "PostToGui.h"
#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/MaskImport.h"
#include "lesiondelta/core/PairSimilarity.h"
#include "lesiondelta/core/Progress.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/Standardisation.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/LesionOverlaps.h"
#include "lesiondelta/pipeline/ResultsFolder.h"

namespace fs = std::filesystem;

namespace lesiondelta::gui {

namespace {
struct OpenedPair {
    std::shared_ptr<RegisteredPair> pair;
    MaskVolume::Pointer head;
    viewer::IntensityRange blRange, fuRange;
};
}  // namespace

CaseSession::CaseSession(QObject* parent) : QObject(parent) {
    connect(&task_, &BackgroundTask::finished, this, [this](BackgroundTask::Outcome outcome, const QString& message) {
        if (outcome == BackgroundTask::Outcome::Cancelled) Q_EMIT cancelled();
        if (outcome == BackgroundTask::Outcome::Failed) Q_EMIT failed(message);
        Q_EMIT workFinished();
    });
}

CaseSession::~CaseSession() {
    task_.cancel();
    task_.wait();  // before any member the work uses is destroyed
}

void CaseSession::waitForWorker() { task_.wait(); }

bool CaseSession::open(const QString& bl, const QString& fu, const QString& blSeriesUid, const QString& fuSeriesUid) {
    return openCase(bl, fu, blSeriesUid, fuSeriesUid, std::nullopt);
}

bool CaseSession::openCase(const QString& bl, const QString& fu, const QString& blSeriesUid, const QString& fuSeriesUid,
                           std::optional<CaseFolder> folder) {
    SegmentationInput in;
    in.blPath = bl.toStdString();
    in.fuPath = fu.toStdString();
    in.blSeriesUid = blSeriesUid.toStdString();
    in.fuSeriesUid = fuSeriesUid.toStdString();
    in.progress = [this](double f, const std::string& stage) {
        postToGui(this, [this, f, s = QString::fromStdString(stage)] { Q_EMIT progress(f, s); });
        return !task_.cancelRequested();
    };
    const bool started = task_.start([this, in, bl, fu, folder] {
        nlohmann::json timings;
        // The scans appear as soon as they are read (BL placed by its header alone); the
        // registered BL replaces it when registration is done, at the same view.
        auto preview = [this](const RegisteredPair& p) {
            auto scans = std::make_shared<OpenedPair>();
            scans->pair = std::make_shared<RegisteredPair>(p);
            scans->blRange = viewer::robustRange(*p.bl);
            scans->fuRange = viewer::robustRange(*p.fu);
            postToGui(this, [this, scans] {
                pair_.reset();
                result_.reset();
                scene_.setScans(scans->pair->blInFu, scans->pair->fu);
                model_.setGeometry(viewer::DisplayAxes(*scans->pair->fu), scans->blRange, scans->fuRange);
                Q_EMIT previewShown();
            });
        };
        auto opened = std::make_shared<OpenedPair>();
        opened->pair =
            std::make_shared<RegisteredPair>(loadAndRegisterPair(in, timings, {.scansRead = {}, .preview = preview}));
        opened->head = lesiondelta::headMask(*opened->pair->fu);
        const double agreement = lesiondelta::alignmentAgreement(*opened->pair->fu, *opened->pair->blInFu);
        opened->pair->alignmentAgreement = agreement;  // the detection's checks reuse it
        // Plausibility of the pair (Plausibility.h): same scan, resolutions, dates, alignment.
        auto checks = std::make_shared<std::vector<PlausibilityWarning>>(
            checkPairInputs(in.blPath, in.fuPath, *opened->pair->bl, *opened->pair->fu));
        CaseFolder dated = folder.value_or(CaseFolder{});
        dated.bl = in.blPath;
        dated.fu = in.fuPath;
        try {
            for (auto& w : checkScanDates(dated)) checks->push_back(std::move(w));
        } catch (const std::exception&) {
            // a malformed sidecar only costs the date check
        }
        for (auto& w : checkAlignment(agreement, in.blPath, in.fuPath)) checks->push_back(std::move(w));
        postToGui(this, [this, opened, bl, fu, agreement, checks, folder] {
            blPath_ = bl;
            fuPath_ = fu;
            alignmentAgreement_ = agreement;
            setPlausibility(*checks);
            head_ = opened->head;
            applyRegisteredPair(opened->pair);
            folder_ = folder;
            Q_EMIT caseOpened();
            loadFolderExtras();
        });
    });
    return started;
}

bool CaseSession::openFolder(const QString& folder) {
    if (task_.busy()) return false;
    CaseFolder c = readCaseFolder(folder.toStdString());  // throws with a clear message
    return openCase(QString::fromStdString(c.bl), QString::fromStdString(c.fu), {}, {}, c);
}

void CaseSession::applyRegisteredPair(std::shared_ptr<RegisteredPair> pair) {
    pair_ = pair;
    result_.reset();
    resultUnsaved_ = false;
    scene_.setScans(pair->blInFu, pair->fu);
}

void CaseSession::showScans(ImageVolume::Pointer bl, ImageVolume::Pointer fu, bool newGeometry) {
    pair_.reset();
    result_.reset();
    resultUnsaved_ = false;
    folder_.reset();
    head_ = nullptr;
    plausibility_.clear();
    Q_EMIT plausibilityChanged();
    scene_.setScans(bl, fu);
    if (newGeometry) model_.setGeometry(viewer::DisplayAxes(*fu), viewer::robustRange(*bl), viewer::robustRange(*fu));
}

void CaseSession::loadFolderExtras() {
    if (!folder_) return;
    QStringList problems;
    const std::uint32_t raterColours[] = {0x3399ff, 0xff3fd0, 0xffd23f, 0x3fffe8};
    auto attempt = [&](auto&& f) {
        try {
            f();
        } catch (const std::exception& e) {
            problems << QString::fromStdString(e.what());
        }
    };
    if (!folder_->lst.empty())
        attempt([&] { addMaskLayer({viewer::LayerKind::Lst, {}}, QString::fromStdString(folder_->lst), 0xff8c00); });
    int i = 0;
    for (const auto& [name, file] : folder_->raters) {
        attempt([&] {
            addMaskLayer({viewer::LayerKind::Rater, name}, QString::fromStdString(file), raterColours[i++ % 4]);
        });
    }
    if (ResultsFolder(folder_->results).hasCnnResult()) {
        attempt([&] {
            const ResultsFolder saved(folder_->results);
            auto r = std::make_shared<SegmentationResult>();
            r->fu = pair_->fu;
            r->blInFu = pair_->blInFu;
            r->fuToBl = pair_->registration.fuToBl;
            r->probability = saved.readProbability(*pair_->fu);
            try {
                r->summary = saved.readSummary();
            } catch (const VolumeError&) {
                r->summary = nullptr;  // a damaged summary costs only the saved threshold
            }
            if (!r->summary.is_object()) r->summary = nlohmann::json::object();
            const double t = r->summary.contains("threshold") ? r->summary["threshold"].get<double>() : 0.4;
            r->newLesions = newLesionMask(*r->probability, t);
            r->lesions = lesionTable(*r->newLesions, kMinLesionMl, r->blInFu, r->fu);
            threshold_ = t;
            applyResult(r);
        });
    }
    Q_EMIT layersChanged();
    if (!problems.isEmpty())
        Q_EMIT failed(tr("Some parts of the case could not be loaded:\n%1").arg(problems.join("\n")));
}

bool CaseSession::detect(const QString& modelPath, const QString& device) {
    if (!pair_) return false;
    SegmentationInput in;
    in.blPath = blPath_.toStdString();
    in.fuPath = fuPath_.toStdString();
    in.modelPath = modelPath.toStdString();
    in.device = device.toStdString();
    in.registered = pair_;
    in.progress = [this](double f, const std::string& stage) {
        postToGui(this, [this, f, s = QString::fromStdString(stage)] { Q_EMIT progress(f, s); });
        return !task_.cancelRequested();
    };
    return task_.start([this, in] {
        auto r = std::make_shared<SegmentationResult>(runSegmentation(in));
        postToGui(this, [this, r] {
            threshold_ = r->summary.value("threshold", 0.4);
            applyResult(r);
            setPlausibility(r->warnings);
            resultUnsaved_ = true;
            if (folder_) {
                // Saved with the case; results saved there before are kept, not overwritten.
                try {
                    const auto earlier = ResultsFolder(folder_->results).keepEarlier();
                    saveResults(QString::fromStdString(folder_->results));
                    if (!earlier.empty())
                        Q_EMIT notice(tr("Results saved with the case; the earlier ones are kept in %1")
                                          .arg(QString::fromStdString(earlier.string())));
                } catch (const std::exception& e) {
                    Q_EMIT failed(tr("The results could not be saved with the case: %1").arg(e.what()));
                }
            }
        });
    });
}

void CaseSession::applyResult(std::shared_ptr<SegmentationResult> result) {
    result_ = std::move(result);
    const viewer::LayerId cnn{viewer::LayerKind::Cnn, {}};
    if (!scene_.setLayerMask(cnn, result_->newLesions)) {
        viewer::MaskLayer l;
        l.id = cnn;
        l.name = displayName(cnn).toStdString();
        l.mask = result_->newLesions;
        l.rgb = 0x00e640;
        l.opacity = 0.55;
        scene_.setLayer(l, viewer::ViewerScene::Placement::Below);  // the other layers drawn over it
    }
    scene_.setHeatProbability(result_->probability);
    Q_EMIT resultsChanged();
    Q_EMIT layersChanged();
}

void CaseSession::setPlausibility(const std::vector<PlausibilityWarning>& warnings) {
    QStringList fresh;
    for (const auto& w : warnings) {
        const bool known = std::any_of(plausibility_.begin(), plausibility_.end(),
                                       [&](const auto& old) { return old.code == w.code; });
        if (!known) fresh << QString::fromStdString(w.message);
    }
    plausibility_ = warnings;
    if (!fresh.isEmpty()) Q_EMIT warning(fresh.join("\n"));
    Q_EMIT plausibilityChanged();
}

bool CaseSession::resultUnreliable() const { return anyUnreliable(plausibility_); }

void CaseSession::setThreshold(double threshold) {
    const bool changed = threshold != threshold_;
    threshold_ = threshold;
    if (!result_ || !result_->probability) return;
    if (changed) resultUnsaved_ = true;  // the saved mask and lesion table were made at the old one
    result_->newLesions = newLesionMask(*result_->probability, threshold);
    result_->lesions = lesionTable(*result_->newLesions, kMinLesionMl, result_->blInFu, result_->fu);
    result_->summary["threshold"] = threshold;
    scene_.setLayerMask({viewer::LayerKind::Cnn, {}}, result_->newLesions);
    Q_EMIT resultsChanged();
}

const MaskVolume* CaseSession::cnnMask() const { return result_ ? result_->newLesions.GetPointer() : nullptr; }

report::ReportCase CaseSession::reportCase() const {
    report::ReportCase c;
    if (!pair_) return c;
    c.id = folder_ ? folder_->patient : QFileInfo(fuPath_).completeBaseName().toStdString();
    c.blPath = blPath_.toStdString();
    c.fuPath = fuPath_.toStdString();
    c.fu = pair_->fu;
    c.blInFu = pair_->blInFu;
    if (result_) {
        c.cnn = result_->newLesions;
        c.probability = result_->probability;
        c.cnnSummary = result_->summary;
        c.cnnSummary["threshold"] = threshold_;
    }
    for (const auto& w : plausibility_) c.warnings.push_back(w.message);
    for (const auto& layer : scene_.masks()) {
        if (layer.id.kind == viewer::LayerKind::Lst)
            c.lst = layer.mask;
        else if (layer.id.kind == viewer::LayerKind::RaterEditing) {
            // A copy: the rater may go on painting while the report is drawn on a worker thread.
            auto copy = MaskVolume::New();
            copy->CopyInformation(layer.mask);
            copy->SetRegions(layer.mask->GetLargestPossibleRegion());
            copy->Allocate();
            std::copy_n(layer.mask->GetBufferPointer(), layer.mask->GetLargestPossibleRegion().GetNumberOfPixels(),
                        copy->GetBufferPointer());
            c.raters[layer.id.rater] = copy;  // the mask being edited wins over the saved one
        } else if (layer.id.kind == viewer::LayerKind::Rater) {
            c.raters.emplace(layer.id.rater, layer.mask);
        }
    }
    return c;
}

QString CaseSession::displayName(const viewer::LayerId& id) {
    switch (id.kind) {
        case viewer::LayerKind::Cnn:
            return tr("CNN new/enlarged");
        case viewer::LayerKind::Lst:
            return tr("LST increase");
        case viewer::LayerKind::Rater:
            return tr("Rater %1").arg(QString::fromStdString(id.rater));
        case viewer::LayerKind::RaterEditing:
            return tr("Rater (editing): %1").arg(QString::fromStdString(id.rater));
        case viewer::LayerKind::Roi:
            return tr("ROI");
        case viewer::LayerKind::RoiPreview:
            return tr("ROI preview");
        case viewer::LayerKind::Other:
            break;
    }
    return QString::fromStdString(id.rater);
}

void CaseSession::addMaskLayer(const viewer::LayerId& id, const QString& path, std::uint32_t rgb) {
    if (!pair_) throw VolumeError(path.toStdString(), "open a case before adding masks");
    const std::string p = path.toStdString();
    MaskVolume::Pointer raw = id.kind == viewer::LayerKind::Lst ? lstIncreaseMask(*readLabels(p)) : readMask(p);
    const auto mapped = mapMaskToGrid(*raw, *pair_->fu, p);
    viewer::MaskLayer layer;
    layer.id = id;
    layer.name = displayName(id).toStdString();
    layer.mask = mapped.mask;
    layer.rgb = rgb;
    layer.opacity = 0.5;
    layer.outline = true;
    scene_.setLayer(layer);
    Q_EMIT layersChanged();
    if (!mapped.warning.empty()) Q_EMIT failed(QString::fromStdString(mapped.warning));
}

void CaseSession::saveResults(const QString& folder) {
    writeResults(folder);
    resultUnsaved_ = false;
}

void CaseSession::writeResults(const QString& folder, const MaskVolume* corrected, const QString& reader) const {
    if (!result_) throw VolumeError(folder.toStdString(), "there are no results to save");
    SegmentationResult r = *result_;
    if (!r.fuToBl) r.fuToBl = pair_->registration.fuToBl;
    if (corrected) {
        if (corrected->GetLargestPossibleRegion() != r.newLesions->GetLargestPossibleRegion())
            throw VolumeError(folder.toStdString(), "the corrected mask is not on the follow-up's grid");
        const double minMl = r.summary.value("min_lesion_ml", kMinLesionMl);
        r.newLesions = removeSmallLesions(*corrected, minMl);
        r.lesions = lesionTable(*r.newLesions, minMl, r.blInFu.GetPointer(), r.fu.GetPointer());
        r.summary["corrected_by"] = reader.toStdString();
    }
    ResultsFolder(folder.toStdString()).write(r);
}

std::vector<viewer::NavigatorLesion> CaseSession::navigatorLesions() const {
    std::vector<viewer::NavigatorLesion> out;
    if (!result_ || !result_->newLesions) return out;
    // "Found by": the overlays a reader chose (LST, raters, the mask being edited), not the
    // CNN itself nor the annotation tools' own ROI layers.
    std::vector<const MaskVolume*> others;
    std::vector<QString> names;
    for (const auto& layer : scene_.masks()) {
        using K = viewer::LayerKind;
        if (layer.id.kind == K::Cnn || layer.id.kind == K::Roi || layer.id.kind == K::RoiPreview || !layer.mask)
            continue;
        others.push_back(layer.mask.GetPointer());
        names.push_back(QString::fromStdString(layer.name));
    }
    const auto overlaps =
        lesionOverlaps(*result_->newLesions, result_->lesions, result_->probability.GetPointer(), others);
    const viewer::DisplayAxes axes(*result_->fu);
    for (std::size_t k = 0; k < result_->lesions.size(); ++k) {
        const auto& lesion = result_->lesions[k];
        viewer::NavigatorLesion row;
        row.id = lesion.id;
        row.volumeMl = lesion.volumeMl;
        row.centroidLpsMm = lesion.centroidLpsMm;
        VoxelIndex v;
        for (int a = 0; a < 3; ++a) v[a] = std::lround(lesion.centroidIndex[a]);
        row.centre = axes.clamp(axes.displayFromVoxel(v));
        row.meanProbability = overlaps[k].meanProbability;
        QStringList found;
        for (auto m : overlaps[k].overlappedBy) found << names[m];
        row.foundBy = found.join(", ");
        row.belowMinimum = lesion.volumeMl < kMinLesionMl;
        out.push_back(row);
    }
    return out;
}

}  // namespace lesiondelta::gui
