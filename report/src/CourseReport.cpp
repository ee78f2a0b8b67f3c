#include "lesiondelta/report/CourseReport.h"

#include <QCoreApplication>
#include <QDate>
#include <QPicture>
#include <QSaveFile>
#include <cmath>

// QCustomPlot's header uses Qt's keywords, which this project switches off (see CohortReport.cpp).
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach

#include "ReportFormat.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/report/CourseTimelinePlot.h"
#include "lesiondelta/report/PdfDocument.h"

namespace lesiondelta::report {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(CourseReport)
};

/// The timeline, painted once for the PDF.
QPicture timeline(const CourseData& c) {
    QCustomPlot plot;
    plot.setGeometry(0, 0, 760, 300);
    fillCourseTimeline(plot, c, {QFont("DejaVu Sans", 8), false});
    QPicture picture;
    QCPPainter painter(&picture);
    plot.toPainter(&painter, 760, 300);
    painter.end();
    return picture;
}

}  // namespace

QString courseSentence(const CourseData& c) {
    // Singular and plural spelled out (no %n forms), so that the German file stays simple.
    QString text;
    if (c.lesionsSinceRebaseline == 0) {
        text = c.followUps == 1
                   ? Text::tr("No new or enlarging T2 lesions since %1 (1 follow-up).").arg(c.rebaselineDate)
                   : Text::tr("No new or enlarging T2 lesions since %1 (%2 follow-ups).")
                         .arg(c.rebaselineDate)
                         .arg(c.followUps);
    } else {
        text = c.lesionsSinceRebaseline == 1 ? Text::tr("1 new or enlarging T2 lesion since %1").arg(c.rebaselineDate)
                                             : Text::tr("%1 new or enlarging T2 lesions since %2")
                                                   .arg(c.lesionsSinceRebaseline)
                                                   .arg(c.rebaselineDate);
        text += QStringLiteral(" ") +
                (c.followUps == 1 ? Text::tr("in 1 follow-up") : Text::tr("in %1 follow-ups").arg(c.followUps));
        text += c.years > 0
                    ? QStringLiteral(" ") + Text::tr("(%1 per year).").arg(fixed(c.lesionsSinceRebaseline / c.years, 1))
                    : QStringLiteral(".");
    }
    if (c.unmeasured > 0)
        text += QStringLiteral(" ") + (c.unmeasured == 1
                                           ? Text::tr("1 interval could not be measured.")
                                           : Text::tr("%1 intervals could not be measured.").arg(c.unmeasured));
    return text;
}

int writeCourseReport(const CourseData& c, const CourseReportOptions& o, const std::string& pdfPath) {
    if (c.intervals.empty()) throw VolumeError(pdfPath, "not written: the course has no interval");
    const QPicture plot = timeline(c);
    auto paint = [&](QPdfWriter& writer, int totalPages, int& pagesOut) {
        writer.setTitle(Text::tr("Course of %1").arg(c.patient));
        writer.setCreator(QStringLiteral("LesionDelta %1").arg(o.softwareVersion));
        PdfDocument doc(writer, Text::tr("LesionDelta course report - %1").arg(c.patient), totalPages);
        doc.title(Text::tr("Course of %1: new and enlarging T2 lesions").arg(c.patient),
                  Text::tr("%1 visits, reference visit %2, rebaseline visit %3. %4. LesionDelta %5.")
                      .arg(c.visits.size())
                      .arg(c.reference, c.rebaseline, QDate::currentDate().toString(Qt::ISODate), o.softwareVersion));
        doc.heading(courseSentence(c));
        const QString detector = o.modelFile.isEmpty() ? Text::tr("the classical subtraction detector")
                                                       : Text::tr("the CNN (%1)").arg(o.modelFile);
        doc.paragraph(Text::tr("Each consecutive pair of visits was measured by %1; every lesion gets an identity "
                               "at the visit where it first appears, and a later finding touching it (in the "
                               "reference visit's space) is the same lesion enlarging again. Research software: "
                               "not for diagnosis.")
                          .arg(detector),
                      8.5);
        doc.block(75, [&](QPainter& p, const QRectF& box) {
            p.save();
            p.translate(box.topLeft());
            const double dpi = double(plot.logicalDpiX()) / p.device()->logicalDpiX();
            const double s = std::min(box.width() / 760.0, box.height() / 300.0);
            p.scale(s * dpi, s * dpi);
            p.drawPicture(0, 0, plot);
            p.restore();
        });
        doc.heading(Text::tr("Intervals"));
        std::vector<TableRow> rows;
        for (const auto& i : c.intervals) {
            const QColor shade = i.unreliable ? QColor(255, 228, 196) : QColor(Qt::transparent);
            if (!i.measured) {
                rows.push_back({{i.from},
                                {i.to},
                                {QString::number(i.days)},
                                {Text::tr("not measured"), shade},
                                {},
                                {},
                                {},
                                {i.note, shade}});
                continue;
            }
            const double years = i.days / 365.25;
            rows.push_back({{i.from},
                            {i.to},
                            {QString::number(i.days)},
                            {QString::number(i.fresh), QColor(Qt::transparent), i.fresh > 0},
                            {QString::number(i.again), QColor(Qt::transparent), i.again > 0},
                            {fixed(i.ml, 3)},
                            {years > 0 ? fixed((i.fresh + i.again) / years, 1) : QStringLiteral("-")},
                            {i.note, shade}});
        }
        doc.table({Text::tr("From"), Text::tr("To"), Text::tr("Days"), Text::tr("New"), Text::tr("Enlarging again"),
                   Text::tr("ml"), Text::tr("Per year"), Text::tr("Notes")},
                  rows, {0.12, 0.12, 0.07, 0.07, 0.1, 0.08, 0.08, 0.36});
        if (!c.lesions.empty()) {
            doc.heading(Text::tr("Lesions"));
            std::vector<TableRow> lesionRows;
            for (const auto& l : c.lesions) {
                QStringList ml;
                for (double v : l.changeMl) ml << (std::isnan(v) ? QStringLiteral("?") : fixed(v, 3));
                lesionRows.push_back({{QString::number(l.id)},
                                      {l.firstSeen},
                                      {l.againAt.isEmpty() ? QStringLiteral("-") : l.againAt.join(", ")},
                                      {ml.join(QStringLiteral(" | "))}});
            }
            doc.table({Text::tr("Lesion"), Text::tr("First seen"), Text::tr("Enlarging again at"),
                       Text::tr("ml per interval")},
                      lesionRows, {0.1, 0.18, 0.27, 0.45});
        }
        QStringList leftOut;
        for (const auto& v : c.visits)
            if (!v.error.isEmpty()) leftOut << QStringLiteral("%1 (%2): %3").arg(v.label, v.date, v.error);
        if (!leftOut.isEmpty()) {
            doc.heading(Text::tr("Visits left out"));
            doc.paragraph(leftOut.join('\n'), 8.5);
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
