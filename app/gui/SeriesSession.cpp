#include "SeriesSession.h"

#include "CaseSession.h"
#include "PostToGui.h"
#include "lesiondelta/viewer/WindowLevel.h"

namespace lesiondelta::gui {

namespace {
const char* kIntervalPrefix = "interval:";  // LayerId::rater of the series' layers
}

SeriesSession::SeriesSession(CaseSession& display, QObject* parent) : QObject(parent), display_(display) {
    connect(&task_, &BackgroundTask::finished, this, [this](BackgroundTask::Outcome outcome, const QString& message) {
        if (outcome == BackgroundTask::Outcome::Cancelled) Q_EMIT cancelled();
        if (outcome == BackgroundTask::Outcome::Failed) Q_EMIT failed(message);
        Q_EMIT workFinished();
    });
}

SeriesSession::~SeriesSession() {
    task_.cancel();
    task_.wait();
}

bool SeriesSession::open(const QString& dir, SeriesInput in) {
    if (task_.busy()) return false;
    in.series = readSeriesFolder(dir.toStdString());  // throws with the folder's problem, at once
    in.progress = [this](double f, const std::string& stage) {
        postToGui(this, [this, f, s = QString::fromStdString(stage)] { Q_EMIT progress(f, s); });
        return !task_.cancelRequested();
    };
    // Every usable visit on the reference grid, for showing any two of them coupled.
    in.keepVisitsInReference = true;
    return task_.start([this, in] {
        auto result = std::make_shared<SeriesResult>(analyseSeries(in));
        std::vector<ImageVolume::Pointer> inReference;
        for (auto& state : result->visits) {
            inReference.push_back(state.error.empty() ? state.inReference : nullptr);
            state.inReference = nullptr;  // held once, here
        }
        postToGui(this, [this, result, inReference] {
            result_ = result;
            inReference_ = inReference;
            from_ = to_ = -1;
            const auto& intervals = result_->intervals;
            showPair(intervals.back().from, intervals.back().to);
            Q_EMIT opened();
        });
    });
}

void SeriesSession::close() {
    result_.reset();
    inReference_.clear();
    from_ = to_ = -1;
}

std::vector<int> SeriesSession::usableVisits() const {
    std::vector<int> out;
    for (std::size_t v = 0; v < inReference_.size(); ++v)
        if (inReference_[v]) out.push_back(int(v));
    return out;
}

QColor SeriesSession::intervalColour(int k) {
    // Distinct from the CNN's green and from each other; repeated after six intervals.
    static const QColor palette[] = {QColor(0x3399ff), QColor(0xff3fd0), QColor(0xffd23f),
                                     QColor(0x3fffe8), QColor(0xff7f2a), QColor(0xb38cff)};
    return palette[k % 6];
}

void SeriesSession::showPair(int from, int to) {
    if (!result_ || from < 0 || to < 0 || from >= int(inReference_.size()) || to >= int(inReference_.size()) ||
        !inReference_[from] || !inReference_[to] || from == to)
        return;
    if (from > to) std::swap(from, to);
    const bool first = from_ < 0;
    from_ = from;
    to_ = to;
    display_.showScans(inReference_[from], inReference_[to], first);
    // One layer per measured interval up to the later visit: green for those between the two
    // visits on screen, the interval's colour (outlined) for lesions that were there already.
    auto& scene = display_.scene();
    const auto& intervals = result_->intervals;
    for (std::size_t k = 0; k < intervals.size(); ++k) {
        const auto& i = intervals[k];
        if (!i.inReference || i.to > to) continue;
        const bool onScreen = i.from >= from;
        if (!onScreen && i.findings == 0) continue;  // an earlier quiet interval has nothing to outline
        viewer::MaskLayer layer;
        layer.id = {viewer::LayerKind::Other, kIntervalPrefix + std::to_string(k)};
        const QString between =
            QStringLiteral("%1 → %2").arg(QString::fromStdString(result_->visits[i.from].visit.label),
                                          QString::fromStdString(result_->visits[i.to].visit.label));
        layer.name = (onScreen ? tr("New/enlarged %1") : tr("Earlier: %1")).arg(between).toStdString();
        layer.mask = i.inReference;
        layer.rgb = onScreen ? 0x00e640 : intervalColour(int(k)).rgb() & 0xffffff;
        layer.opacity = onScreen ? 0.55 : 0.8;
        layer.outline = !onScreen;
        scene.setLayer(layer);
    }
    Q_EMIT pairShown(from_, to_);
}

std::vector<viewer::NavigatorLesion> SeriesSession::navigatorLesions() const {
    std::vector<viewer::NavigatorLesion> out;
    if (!result_) return out;
    const auto& axes = display_.model().axes();
    for (const auto& l : result_->course.lesions) {
        const auto& first = result_->intervals[l.firstInterval];
        if (first.to > to_) continue;  // not yet there at the later visit on screen
        viewer::NavigatorLesion n;
        n.id = l.id;
        for (std::size_t k = 0; k < l.changeMl.size(); ++k)
            if (result_->intervals[k].to <= to_ && l.changeMl[k] > 0) n.volumeMl += l.changeMl[k];
        n.centroidLpsMm = l.centroidLpsMm;
        PhysicalPointLps p;
        for (int a = 0; a < 3; ++a) p[a] = l.centroidLpsMm[a];
        itk::ContinuousIndex<double, 3> ci;
        result_->referenceScan->TransformPhysicalPointToContinuousIndex(p, ci);
        VoxelIndex index;
        for (int a = 0; a < 3; ++a) index[a] = std::lround(ci[a]);
        n.centre = axes.clamp(axes.displayFromVoxel(index));
        QStringList found{tr("new %1").arg(QString::fromStdString(result_->visits[first.to].visit.label))};
        for (int k : l.activeAgain())
            if (result_->intervals[k].to <= to_)
                found << tr("enlarging %1")
                             .arg(QString::fromStdString(result_->visits[result_->intervals[k].to].visit.label));
        n.foundBy = found.join(QStringLiteral(", "));
        out.push_back(n);
    }
    return out;
}

QString SeriesSession::sentence() const {
    return result_ ? report::courseSentence(courseReportData(*result_)) : QString();
}

}  // namespace lesiondelta::gui
