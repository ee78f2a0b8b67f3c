#include "CourseTimeline.h"

#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

// QCustomPlot's header uses Qt's keywords, which this project switches off (QT_NO_KEYWORDS).
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach

#include "lesiondelta/report/CourseTimelinePlot.h"

namespace lesiondelta::gui {

CourseTimeline::CourseTimeline(QWidget* parent) : QWidget(parent) {
    setObjectName("courseTimeline");
    plot_ = new QCustomPlot(this);
    plot_->setMinimumHeight(220);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(plot_, 1);
    layout->addWidget(summary_);
    connect(plot_, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable* p, int dataIndex, QMouseEvent*) {
        if (auto* bars = qobject_cast<QCPBars*>(p)) {
            const int k = intervalAt(bars->data()->at(dataIndex)->key);
            if (k >= 0) Q_EMIT intervalChosen(intervals_[k].first, intervals_[k].second);
        }
    });
}

int CourseTimeline::intervalAt(double key) const {
    const int k = int(std::lround(key)) - 1;
    return k >= 0 && k < int(intervals_.size()) ? k : -1;
}

void CourseTimeline::setCourse(const report::CourseData& c, const std::vector<std::pair<int, int>>& intervalVisits) {
    intervals_ = intervalVisits;
    report::fillCourseTimeline(*plot_, c, {QFont(font().family(), 8), true});
    plot_->setInteractions(QCP::iSelectPlottables);
    plot_->replot();
    summary_->setText(report::courseSentence(c) + QStringLiteral("\n") +
                      tr("Click an interval to show its two visits."));
}

}  // namespace lesiondelta::gui
