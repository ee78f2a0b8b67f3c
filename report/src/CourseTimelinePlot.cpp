#include "lesiondelta/report/CourseTimelinePlot.h"

#include <QCoreApplication>
#include <cmath>

// QCustomPlot's header uses Qt's keywords, which this project switches off (see CohortReport.cpp).
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach

namespace lesiondelta::report {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(CourseReport)
};

const QColor kNew(0, 160, 60), kAgain(230, 140, 20), kCumulative(40, 90, 200);

}  // namespace

void fillCourseTimeline(QCustomPlot& plot, const CourseData& c, const TimelineStyle& style) {
    plot.clearPlottables();
    plot.legend->setVisible(true);
    plot.legend->setFont(style.font);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    auto* fresh = new QCPBars(plot.xAxis, plot.yAxis);
    auto* again = new QCPBars(plot.xAxis, plot.yAxis);
    again->moveAbove(fresh);
    fresh->setName(Text::tr("New"));
    again->setName(Text::tr("Enlarging again"));
    for (auto [bars, colour] : {std::pair{fresh, kNew}, std::pair{again, kAgain}}) {
        QColor fill = colour;
        fill.setAlpha(170);
        bars->setBrush(fill);
        bars->setPen(QPen(colour.darker(130)));
        bars->setWidth(0.55);
    }
    auto* cumulative = plot.addGraph();
    cumulative->setName(Text::tr("Lesions so far"));
    cumulative->setPen(QPen(kCumulative, 2.0));
    cumulative->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kCumulative, 5));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    int total = 0;
    double top = 1.0;
    for (std::size_t k = 0; k < c.intervals.size(); ++k) {
        const auto& i = c.intervals[k];
        const double key = double(k + 1);
        ticker->addTick(key, QStringLiteral("%1\n%2").arg(
                                 i.to, i.measured ? Text::tr("%1 d").arg(i.days) : Text::tr("not measured")));
        if (!i.measured) continue;
        // A zero-height bar would still draw its outline as a line: left out, or a sliver to click.
        if (i.fresh > 0 || style.barForQuietIntervals) fresh->addData(key, i.fresh > 0 ? i.fresh : 0.02);
        if (i.again > 0) again->addData(key, i.again);
        total += i.fresh;
        cumulative->addData(key, total);
        top = std::max({top, double(total), double(i.fresh + i.again)});
    }
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setRange(0.4, c.intervals.size() + 0.6);
    plot.xAxis->grid()->setVisible(false);
    plot.yAxis->setRange(0, std::ceil(top * 1.25));
    plot.yAxis->setLabel(Text::tr("Lesions"));
    QSharedPointer<QCPAxisTickerFixed> counts(new QCPAxisTickerFixed);  // whole lesions: 0, 1, 2 (or 0, 5, 10)
    counts->setTickStep(1.0);
    counts->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot.yAxis->setTicker(counts);
    for (auto* axis : {plot.xAxis, plot.yAxis}) axis->setTickLabelFont(style.font);
}

}  // namespace lesiondelta::report
