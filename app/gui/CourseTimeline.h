#pragma once
// The course at a glance (a side tab while a patient series is open): new and again-enlarging
// lesions per interval (stacked bars, the running count as a line), the interval lengths and
// rates under the axis; clicking an interval's bars shows that pair of visits.
#include <QWidget>

#include "lesiondelta/report/CourseReport.h"

class QCustomPlot;
class QLabel;

namespace lesiondelta::gui {

class CourseTimeline : public QWidget {
    Q_OBJECT
public:
    explicit CourseTimeline(QWidget* parent = nullptr);
    /// `course`'s intervals, in order; `intervalVisits` the visit indices (from, to) of each.
    void setCourse(const report::CourseData& course, const std::vector<std::pair<int, int>>& intervalVisits);
    /// Which interval (0..) the bar at plot key `key` belongs to: what a click chooses.
    int intervalAt(double key) const;
    QCustomPlot* plot() const { return plot_; }

Q_SIGNALS:
    void intervalChosen(int from, int to);  // visit indices

private:
    QCustomPlot* plot_;
    QLabel* summary_;
    std::vector<std::pair<int, int>> intervals_;
};

}  // namespace lesiondelta::gui
