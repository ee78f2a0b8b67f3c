#include "lesiondelta/report/CohortReport.h"

#include <QCoreApplication>
#include <QDate>
#include <QPicture>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <random>

// QCustomPlot's header uses Qt's keywords, which this project switches off (QT_NO_KEYWORDS:
// LibTorch's headers clash with `slots`); this file includes no LibTorch.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach

#include "ReportFormat.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/report/PdfDocument.h"

namespace lesiondelta::report {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(CohortReport)
};

const std::vector<Metric> kMetrics{Metric::Sensitivity, Metric::Dice, Metric::FalsePositives, Metric::Fpr};
constexpr double kLogFloor = 0.05;  // zeros are drawn here on log axes

QString metricTitle(Metric m) {
    switch (m) {
        case Metric::Sensitivity:
            return Text::tr("Sensitivity");
        case Metric::Dice:
            return Text::tr("Dice");
        case Metric::FalsePositives:
            return Text::tr("FP count (log)");
        case Metric::Fpr:
            return Text::tr("FPR (log)");
    }
    return {};
}

QColor methodColour(const std::string& method) {
    if (method == "IR") return QColor(90, 90, 90);
    if (method == "CNN") return QColor(0, 160, 60);
    return QColor(40, 90, 200);
}

/// Tukey box: quartiles by linear interpolation, whiskers to the furthest point within 1.5 IQR.
struct Box {
    double low, q1, median, q3, high;
    QVector<double> outliers;
};
Box tukey(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    auto q = [&](double p) {
        const double pos = p * (v.size() - 1);
        const auto i = std::size_t(pos);
        return i + 1 < v.size() ? v[i] + (pos - i) * (v[i + 1] - v[i]) : v[i];
    };
    Box b{0, q(0.25), q(0.5), q(0.75), 0, {}};
    const double iqr = b.q3 - b.q1;
    b.low = b.q1;
    b.high = b.q3;
    for (double x : v) {
        if (x >= b.q1 - 1.5 * iqr) b.low = std::min(b.low, x);
        if (x <= b.q3 + 1.5 * iqr) b.high = std::max(b.high, x);
        if (x < b.q1 - 1.5 * iqr || x > b.q3 + 1.5 * iqr) b.outliers << x;
    }
    return b;
}

/// One boxplot panel (one metric, a box per method with the cases as points) as a QPicture.
QPicture boxplot(const std::vector<CohortCase>& cases, const std::vector<std::string>& methods, Metric metric) {
    const bool logScale = metric == Metric::FalsePositives || metric == Metric::Fpr;
    QCustomPlot plot;
    plot.setGeometry(0, 0, 420, 300);
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(
        0, 0, new QCPTextElement(&plot, metricTitle(metric), QFont("DejaVu Sans", 10, QFont::Bold)));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> jitter(-0.18, 0.18);
    double top = 0.0;
    for (std::size_t i = 0; i < methods.size(); ++i) {
        const double key = double(i + 1);
        ticker->addTick(key, QString::fromStdString(methods[i]));
        std::vector<double> values;
        for (const auto& c : cases) {
            if (auto v = metricValue(c, methods[i], metric)) values.push_back(logScale ? std::max(*v, kLogFloor) : *v);
        }
        if (values.empty()) continue;
        top = std::max(top, *std::max_element(values.begin(), values.end()));
        auto* box = new QCPStatisticalBox(plot.xAxis, plot.yAxis);
        const Box b = tukey(values);
        box->addData(key, b.low, b.q1, b.median, b.q3, b.high, b.outliers);
        box->setWidth(0.55);
        QColor fill = methodColour(methods[i]);
        fill.setAlpha(60);
        box->setBrush(fill);
        box->setPen(QPen(methodColour(methods[i]), 1.2));
        box->setMedianPen(QPen(methodColour(methods[i]).darker(130), 2.0));
        box->setOutlierStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
        auto* points = plot.addGraph();
        points->setLineStyle(QCPGraph::lsNone);
        points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, methodColour(methods[i]).darker(150), 3.5));
        for (double v : values) points->addData(key + jitter(rng), v);
    }
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setRange(0.4, methods.size() + 0.6);
    plot.xAxis->grid()->setVisible(false);
    if (logScale) {
        plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
        plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        plot.yAxis->setRange(kLogFloor * 0.8, std::max(1.0, top) * 1.6);
    } else {
        plot.yAxis->setRange(-0.03, 1.03);
    }
    for (auto* axis : {plot.xAxis, plot.yAxis}) axis->setTickLabelFont(QFont("DejaVu Sans", 8));
    QPicture picture;
    QCPPainter painter(&picture);
    plot.toPainter(&painter, 420, 300);
    painter.end();
    return picture;
}

QString meanSdText(const MeanSd& m) {
    if (m.n == 0) return QStringLiteral("-");
    return QStringLiteral("%1 ± %2").arg(fixed(m.mean, 2), m.n > 1 ? fixed(m.sd, 2) : QStringLiteral("-"));
}

}  // namespace

int writeCohortReport(const std::vector<CohortCase>& cases, const CohortReportOptions& o, const std::string& pdfPath) {
    const CohortStatistics stats = cohortStatistics(cases);
    int used = 0;
    for (const auto& c : cases) used += c.error.empty();
    if (used == 0) throw VolumeError(pdfPath, "not written: no usable case in the cohort");
    std::vector<QPicture> plots;
    for (Metric m : kMetrics) plots.push_back(boxplot(cases, stats.methods, m));

    auto paint = [&](QPdfWriter& writer, int totalPages, int& pagesOut) {
        writer.setTitle(o.title);
        writer.setCreator(QStringLiteral("LesionDelta %1").arg(o.softwareVersion));
        PdfDocument doc(writer, Text::tr("LesionDelta cohort report"), totalPages);
        doc.title(o.title.isEmpty() ? Text::tr("Cohort report: CNN, LST and raters") : o.title,
                  Text::tr("%1 cases listed, %2 used. %3. LesionDelta %4.")
                      .arg(cases.size())
                      .arg(used)
                      .arg(QDate::currentDate().toString(Qt::ISODate), o.softwareVersion));
        doc.paragraph(
            Text::tr("Per case, each method is compared with every rater and the figures are averaged over the "
                     "raters; IR (inter-rater) compares every rater with every other rater. Lesion-wise metrics as "
                     "in Krueger et al. 2020: sensitivity = found reference lesions / reference lesions; Dice over "
                     "matched lesions only; FP = predicted lesions overlapping no reference lesion; FPR = FP / "
                     "reference lesions. Cases without reference lesions count for the FP count only. Boxes: "
                     "quartiles and median, whiskers to 1.5 IQR; dots: cases; on log axes zeros are drawn at "
                     "0.05."),
            8.5);
        doc.block(150, [&](QPainter& p, const QRectF& box) {
            const double w = box.width() / 2, h = box.height() / 2;
            for (int i = 0; i < 4; ++i) {
                p.save();
                p.translate(box.left() + (i % 2) * w, box.top() + (i / 2) * h);
                // drawPicture scales by device DPI / picture DPI itself; undo that to fit the box.
                const double dpi = double(plots[i].logicalDpiX()) / p.device()->logicalDpiX();
                p.scale(w / 420.0 * dpi, h / 300.0 * dpi);
                p.drawPicture(0, 0, plots[i]);
                p.restore();
            }
        });
        doc.heading(Text::tr("Mean ± sd over cases (Table 2 of the paper)"));
        std::vector<TableRow> rows;
        for (std::size_t i = 0; i < stats.methods.size(); ++i) {
            TableRow row{{QString::fromStdString(stats.methods[i])}};
            for (std::size_t k = 0; k < kMetrics.size(); ++k) {
                TableCell cell{meanSdText(stats.summary[i][k])};
                if (const auto& t = stats.vsInterRater[i][k]) {
                    cell.text += QStringLiteral("\np = %1")
                                     .arg(t->pValue < 0.001 ? QStringLiteral("< 0.001") : fixed(t->pValue, 3));
                    if (t->pValue < 0.05) {
                        cell.text += QStringLiteral(" *");
                        cell.background = QColor(255, 228, 196);
                        cell.bold = true;
                    }
                }
                row.push_back(cell);
            }
            rows.push_back(row);
        }
        doc.table(
            {Text::tr("Method"), Text::tr("Sensitivity"), Text::tr("Dice"), Text::tr("FP count"), Text::tr("FPR")},
            rows, {0.12, 0.22, 0.22, 0.22, 0.22}, 8.5);
        doc.paragraph(
            Text::tr("p: two-sided Wilcoxon signed-rank test against IR over the cases where both are defined; "
                     "* and shading: p < 0.05."),
            8);
        doc.heading(Text::tr("Per-case figures"));
        std::vector<TableRow> perCase;
        QStringList skipped;
        for (const auto& c : cases) {
            if (!c.error.empty()) {
                skipped << QStringLiteral("%1: %2").arg(QString::fromStdString(c.id), QString::fromStdString(c.error));
                continue;
            }
            for (const std::string method : {"IR", "CNN", "LST"}) {
                if (!metricValue(c, method, Metric::FalsePositives)) continue;
                perCase.push_back({{QString::fromStdString(c.id)},
                                   {QString::fromStdString(method)},
                                   {fixed(metricValue(c, method, Metric::Sensitivity), 2)},
                                   {fixed(metricValue(c, method, Metric::Dice), 2)},
                                   {fixed(metricValue(c, method, Metric::FalsePositives), 1)},
                                   {fixed(metricValue(c, method, Metric::Fpr), 2)}});
            }
        }
        doc.table({Text::tr("Case"), Text::tr("Method"), Text::tr("Sensitivity"), Text::tr("Dice"),
                   Text::tr("FP count"), Text::tr("FPR")},
                  perCase, {0.3, 0.12, 0.145, 0.145, 0.145, 0.145});
        if (!skipped.isEmpty()) {
            doc.heading(Text::tr("Skipped cases"));
            doc.paragraph(skipped.join('\n'), 8.5);
        }
        pagesOut = doc.pageCount();
    };
    QSaveFile file(QString::fromStdString(pdfPath));
    if (!file.open(QIODevice::WriteOnly))
        throw VolumeError(pdfPath, "cannot be written: " + file.errorString().toStdString());
    int pages = 0;
    {
        QPdfWriter writer(&file);
        pages = renderTwice(writer, paint);
    }
    if (!file.commit()) throw VolumeError(pdfPath, "cannot be written: " + file.errorString().toStdString());
    return pages;
}

}  // namespace lesiondelta::report
