#pragma once
// The course timeline (issue 20) drawn into a QCustomPlot: new and again-enlarging lesions per
// interval as stacked bars, the running count of lesions as a line, each interval labelled with
// its later visit and its length. One drawing for the course report (painted into the PDF) and
// the window's Course tab (interactive).
#include <QFont>

#include "lesiondelta/report/CourseReport.h"

class QCustomPlot;

namespace lesiondelta::report {

struct TimelineStyle {
    QFont font;  // legend and tick labels
    /// Quiet intervals get a sliver of a bar, so that every measured interval can be clicked.
    bool barForQuietIntervals = false;
};

/// Replaces what `plot` shows by the course's timeline; interval k is at key k + 1. Does not replot.
void fillCourseTimeline(QCustomPlot& plot, const CourseData& course, const TimelineStyle& style);

}  // namespace lesiondelta::report
