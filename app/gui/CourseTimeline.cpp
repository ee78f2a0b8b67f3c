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
    plot_->clearPlottables();
    plot_->legend->setVisible(true);
    plot_->legend->setFont(QFont(font().family(), 8));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    auto* fresh = new QCPBars(plot_->xAxis, plot_->yAxis);
    auto* again = new QCPBars(plot_->xAxis, plot_->yAxis);
    again->moveAbove(fresh);
    fresh->setName(tr("New"));
    again->setName(tr("Enlarging again"));
    const QColor green(0, 160, 60), orange(230, 140, 20), blue(40, 90, 200);
    for (auto [bars, colour] : {std::pair{fresh, green}, std::pair{again, orange}}) {
        QColor fill = colour;
        fill.setAlpha(170);
        bars->setBrush(fill);
        bars->setPen(QPen(colour.darker(130)));
        bars->setWidth(0.55);
    }
    auto* cumulative = plot_->addGraph();
    cumulative->setName(tr("Lesions so far"));
    cumulative->setPen(QPen(blue, 2.0));
    cumulative->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, blue, 5));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    int total = 0;
    double top = 1.0;
    for (std::size_t k = 0; k < c.intervals.size(); ++k) {
        const auto& i = c.intervals[k];
        const double key = double(k + 1);
        ticker->addTick(key,
                        QStringLiteral("%1\n%2").arg(i.to, i.measured ? tr("%1 d").arg(i.days) : tr("not measured")));
        if (!i.measured) continue;
        // Every interval gets a clickable bar, also a quiet one (a sliver at zero).
        fresh->addData(key, i.fresh > 0 ? i.fresh : 0.02);
        if (i.again > 0) again->addData(key, i.again);
        total += i.fresh;
        cumulative->addData(key, total);
        top = std::max({top, double(total), double(i.fresh + i.again)});
    }
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setRange(0.4, c.intervals.size() + 0.6);
    plot_->xAxis->grid()->setVisible(false);
    plot_->yAxis->setRange(0, std::ceil(top * 1.25));
    plot_->yAxis->setLabel(tr("Lesions"));
    QSharedPointer<QCPAxisTickerFixed> counts(new QCPAxisTickerFixed);  // whole lesions: 0, 1, 2 (or 0, 5, 10)
    counts->setTickStep(1.0);
    counts->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot_->yAxis->setTicker(counts);
    plot_->setInteractions(QCP::iSelectPlottables);
    plot_->replot();
    summary_->setText(report::courseSentence(c) + QStringLiteral("\n") +
                      tr("Click an interval to show its two visits."));
}

}  // namespace lesiondelta::gui
