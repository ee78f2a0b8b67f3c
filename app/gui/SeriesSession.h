#pragma once
// A patient's course in the window (issue 20): analyses the series on a worker thread
// (SeriesAnalysis: every visit registered once to the reference, each consecutive pair
// detected, results kept so that opening it again is quick), then shows any two visits coupled in
// the reading views - both resampled into the reference visit's space, so toggle and flicker work
// between them - with the lesions coloured by the interval in which they appeared. Green stays
// "new in the interval on screen"; lesions that appeared earlier are outlined in their interval's
// colour; lesions still to come are not drawn.
#include <QColor>
#include <QObject>
#include <QString>
#include <memory>
#include <vector>

#include "BackgroundTask.h"
#include "lesiondelta/pipeline/SeriesAnalysis.h"
#include "lesiondelta/viewer/LesionNavigator.h"

namespace lesiondelta::gui {

class CaseSession;

class SeriesSession : public QObject {
    Q_OBJECT
public:
    /// Shows its visits through `display`'s model and scene (the pair there is closed).
    explicit SeriesSession(CaseSession& display, QObject* parent = nullptr);
    ~SeriesSession() override;

    /// Reads and analyses the series in `dir` on the worker thread; `settings` names the detector
    /// (SeriesInput::detector, ::settings: model, device) and `outDir` where results are kept.
    /// False while busy; a folder that is not a series fails at once with its message.
    bool open(const QString& dir, SeriesInput settings);
    void cancel() { task_.cancel(); }
    bool busy() const { return task_.busy(); }
    void waitForWorker() { task_.wait(); }
    bool active() const { return result_ != nullptr; }
    const SeriesResult* result() const { return result_.get(); }

    /// Shows visit `from` as BL and `to` as FU (indices into result()->visits; usable visits).
    void showPair(int from, int to);
    int shownFrom() const { return from_; }
    int shownTo() const { return to_; }
    /// Visits that could be read and registered, oldest first.
    std::vector<int> usableVisits() const;
    /// The tracked lesions for the navigator (volume: all its new/enlarged ml so far).
    std::vector<viewer::NavigatorLesion> navigatorLesions() const;
    /// The course in the reader's language ("No new or enlarging T2 lesions since ...").
    QString sentence() const;
    /// The colour lesions that appeared in interval `k` are drawn in (a legend entry each).
    static QColor intervalColour(int k);
    /// Leaves series mode (another case was opened).
    void close();

Q_SIGNALS:
    void progress(double fraction, QString stage);
    void opened();  // result() is there; the latest interval is shown
    void pairShown(int from, int to);
    void failed(QString message);
    void cancelled();
    void workFinished();

private:
    CaseSession& display_;
    BackgroundTask task_;
    std::shared_ptr<const SeriesResult> result_;
    std::vector<ImageVolume::Pointer> inReference_;  // per visit, on the reference grid; null when left out
    int from_ = -1, to_ = -1;
};

}  // namespace lesiondelta::gui
