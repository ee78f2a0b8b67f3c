#include "lesiondelta/report/PatientReport.h"

#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <cmath>

#include "ReportFormat.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/report/PdfDocument.h"
#include "lesiondelta/report/SliceImages.h"

namespace lesiondelta::report {

namespace {

const QColor kGreen(0, 200, 60);

struct Text {
    Q_DECLARE_TR_FUNCTIONS(PatientReport)
};

/// Progress between the steps of the report (both layout passes); throws Cancelled when asked.
class Steps {
public:
    Steps(const ProgressCallback& progress, int expected) : progress_(progress), expected_(std::max(1, expected)) {}
    void operator()(const char* stage) {
        ++done_;
        if (progress_ && !progress_(std::min(0.99, double(done_) / expected_), stage)) throw Cancelled();
    }

private:
    const ProgressCallback& progress_;
    int expected_;
    int done_ = 0;
};

QString jsonText(const nlohmann::json& j, const char* key) {
    if (!j.is_object() || !j.contains(key)) return {};
    const auto& v = j[key];
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    if (v.is_number()) return QString::number(v.get<double>());
    return {};
}

QString headerText(const ReportCase& c, const PatientReportOptions& o) {
    QStringList lines;
    if (o.anonymise)
        lines << Text::tr("Patient: anonymised");
    else if (!c.id.empty())
        lines << Text::tr("Patient: %1").arg(QString::fromStdString(c.id));
    const QString blDate = jsonText(c.scanInfo, "bl_date"), fuDate = jsonText(c.scanInfo, "fu_date");
    if (!blDate.isEmpty() && !fuDate.isEmpty()) {
        const QDate a = QDate::fromString(blDate, Qt::ISODate), b = QDate::fromString(fuDate, Qt::ISODate);
        QString interval;
        if (a.isValid() && b.isValid()) interval = Text::tr(" (interval %1 days)").arg(a.daysTo(b));
        // Dates identify a patient: an anonymised report gives only the interval.
        if (o.anonymise)
            lines << Text::tr("Scan interval%1").arg(interval.isEmpty() ? Text::tr(": unknown") : interval);
        else
            lines << Text::tr("Baseline %1, follow-up %2%3").arg(blDate, fuDate, interval);
    } else {
        lines << Text::tr("Scan dates: not recorded in the case folder");
    }
    const QString scanner = jsonText(c.scanInfo, "scanner"), sequence = jsonText(c.scanInfo, "sequence");
    if (!scanner.isEmpty() || !sequence.isEmpty())
        lines << Text::tr("Scanner: %1  Sequence: %2").arg(scanner, sequence);
    if (!o.anonymise) {
        lines << Text::tr("BL: %1").arg(QFileInfo(QString::fromStdString(c.blPath)).fileName()) +
                     Text::tr("   FU: %1").arg(QFileInfo(QString::fromStdString(c.fuPath)).fileName());
    }
    QString model = Text::tr("Model: none (no CNN result)");
    if (c.cnnSummary.contains("model")) {
        const auto& m = c.cnnSummary["model"];
        model = Text::tr("Model: %1, width %2, weights SHA-256 %3..., threshold %4")
                    .arg(jsonText(m, "architecture"), jsonText(m, "base_width"), jsonText(m, "data_sha256").left(16),
                         jsonText(c.cnnSummary, "threshold"));
    }
    lines << Text::tr("LesionDelta %1. %2").arg(o.softwareVersion, model);
    return lines.join('\n');
}

TableCell cell(const QString& text, bool highlight = false) {
    return {text, highlight ? QColor(215, 245, 222) : QColor(Qt::transparent), false};
}

void lesionTable(PdfDocument& doc, const CaseComparison& cmp) {
    std::vector<TableRow> rows;
    for (const auto& row : cmp.cnnLesions) {
        const auto& l = row.lesion;
        QStringList others;
        for (const auto& s : row.alsoFoundBy) others << QString::fromStdString(s);
        rows.push_back(
            {cell(QString::number(l.id)), cell(fixed(l.volumeMl, 3)),
             cell(QStringLiteral("%1, %2, %3")
                      .arg(fixed(l.centroidLpsMm[0], 0), fixed(l.centroidLpsMm[1], 0), fixed(l.centroidLpsMm[2], 0))),
             cell(QString::number(std::lround(l.centroidIndex[2]) + 1)), cell(fixed(row.meanProbability, 2)),
             cell(others.isEmpty() ? Text::tr("CNN only") : Text::tr("CNN, %1").arg(others.join(", ")),
                  !others.isEmpty())});
    }
    doc.table({Text::tr("Lesion"), Text::tr("Volume (ml)"), Text::tr("Centroid L, P, S (mm)"), Text::tr("FU slice"),
               Text::tr("Mean CNN probability"), Text::tr("Found by")},
              rows, {0.09, 0.13, 0.24, 0.1, 0.16, 0.28});
}

/// Heights (LPS z) of the overview slices: through the largest lesions first, then evenly spread
/// over the middle of the scan, at least 8 mm apart, bottom to top.
std::vector<double> overviewHeights(const ReportCase& c, const CaseComparison& cmp, int count) {
    const auto [zLo, zHi] = zRange(*c.fu);
    std::vector<double> z;
    auto farFromAll = [&](double v) {
        return std::all_of(z.begin(), z.end(), [&](double w) { return std::abs(v - w) >= 8.0; });
    };
    for (const auto& row : cmp.cnnLesions) {
        if (int(z.size()) >= count / 2) break;
        if (farFromAll(row.lesion.centroidLpsMm[2])) z.push_back(row.lesion.centroidLpsMm[2]);
    }
    for (int i = 0; int(z.size()) < count && i < 4 * count; ++i) {
        const double v = zLo + (zHi - zLo) * (0.3 + 0.55 * (i % count) / (count - 1.0)) + (i / count) * 4.0;
        if (farFromAll(v)) z.push_back(v);
    }
    std::sort(z.begin(), z.end());
    return z;
}

void overview(PdfDocument& doc, const ReportCase& c, const CaseComparison& cmp, const GreyWindow& fuWindow) {
    std::vector<QImage> pictures;
    QStringList captions;
    for (double z : overviewHeights(c, cmp, 8)) {
        AxialPatch patch = wholeSlice(*c.fu, z, 1.0);
        QImage picture = axialImage(*c.fu, patch, fuWindow);
        if (c.cnn) outlineMask(picture, *c.cnn, patch, kGreen, 2);
        pictures.push_back(picture);
        captions << Text::tr("FU, S %1 mm").arg(fixed(z, 0));
    }
    for (std::size_t r = 0; r < pictures.size(); r += 4) {
        const std::size_t end = std::min(pictures.size(), r + 4);
        doc.pictureRow({pictures.begin() + r, pictures.begin() + end}, captions.mid(int(r), int(end - r)), 46,
                       PdfDocument::Markers::AxialRadiological);
    }
}

void lesionCrops(PdfDocument& doc, const ReportCase& c, const CaseComparison& cmp, const PatientReportOptions& o,
                 const GreyWindow& fuWindow, const GreyWindow& blWindow, Steps& step) {
    const int n = std::min<int>(o.lesionPictures, int(cmp.cnnLesions.size()));
    for (int i = 0; i < n; i += 2) {
        step("lesion pictures");
        std::vector<QImage> pictures;
        QStringList captions;
        for (int k = i; k < std::min(n, i + 2); ++k) {
            const auto& l = cmp.cnnLesions[k].lesion;
            AxialPatch patch;
            patch.centre = PhysicalPointLps{{l.centroidLpsMm[0], l.centroidLpsMm[1], l.centroidLpsMm[2]}};
            patch.widthMm = patch.heightMm = 40.0;
            patch.pixelMm = 0.25;
            QImage bl = c.blInFu ? axialImage(*c.blInFu, patch, blWindow)
                                 : QImage(patch.width(), patch.height(), QImage::Format_RGB32);
            if (!c.blInFu) bl.fill(Qt::darkGray);
            QImage fu = axialImage(*c.fu, patch, fuWindow);
            outlineMask(bl, *c.cnn, patch, kGreen, 3);
            outlineMask(fu, *c.cnn, patch, kGreen, 3);
            pictures.push_back(bl);
            pictures.push_back(fu);
            captions << Text::tr("Lesion %1, BL").arg(l.id)
                     << Text::tr("Lesion %1, FU (%2 ml)").arg(l.id).arg(fixed(l.volumeMl, 3));
        }
        doc.pictureRow(pictures, captions, 42, PdfDocument::Markers::AxialRadiological);
    }
}

void comparison(PdfDocument& doc, const CaseComparison& cmp) {
    doc.heading(Text::tr("Comparison of methods and raters"));
    std::vector<TableRow> counts;
    for (const auto& m : cmp.counts) {
        counts.push_back(
            {cell(QString::fromStdString(m.method)), cell(QString::number(m.lesions)), cell(fixed(m.totalMl, 3))});
    }
    doc.table({Text::tr("Method / rater"), Text::tr("Lesions (>= 0.01 ml)"), Text::tr("Total volume (ml)")}, counts,
              {0.4, 0.3, 0.3});
    if (!cmp.pairs.empty()) {
        std::vector<TableRow> rows;
        for (const auto& p : cmp.pairs) {
            const auto& m = p.metrics;
            rows.push_back({cell(QString::fromStdString(p.method)), cell(QString::fromStdString(p.reference)),
                            cell(QString::number(m.referenceLesions)), cell(QString::number(m.detectedReference)),
                            cell(QString::number(m.falsePositives)), cell(fixed(m.sensitivity, 2)),
                            cell(fixed(m.dice, 2)), cell(fixed(m.fpr, 2))});
        }
        doc.paragraph(
            Text::tr("Lesion-wise metrics (Krueger et al. 2020): a reference lesion is found when a predicted "
                     "lesion overlaps it; a false positive (FP) is a predicted lesion overlapping no reference "
                     "lesion; Dice is computed over matched lesions only; FPR = FP / reference lesions. "
                     "'-' means undefined (no reference lesion)."),
            8.5);
        doc.table({Text::tr("Method"), Text::tr("Reference"), Text::tr("Ref. lesions"), Text::tr("Found"),
                   Text::tr("FP"), Text::tr("Sensitivity"), Text::tr("Dice"), Text::tr("FPR")},
                  rows, {0.16, 0.16, 0.12, 0.1, 0.08, 0.14, 0.12, 0.12});
    }
    if (!cmp.concordance.empty()) {
        QStringList header{Text::tr("Lesion"), Text::tr("Volume (ml)"), Text::tr("Centroid L, P, S (mm)")};
        std::vector<double> widths{0.1, 0.14, 0.26};
        const double rest = 0.5 / cmp.sources.size();
        for (const auto& s : cmp.sources) {
            header << QString::fromStdString(s);
            widths.push_back(rest);
        }
        std::vector<TableRow> rows;
        for (const auto& r : cmp.concordance) {
            const auto& l = r.lesion;
            TableRow row{cell(QString::number(l.id)), cell(fixed(l.volumeMl, 3)),
                         cell(QStringLiteral("%1, %2, %3")
                                  .arg(fixed(l.centroidLpsMm[0], 0), fixed(l.centroidLpsMm[1], 0),
                                       fixed(l.centroidLpsMm[2], 0)))};
            for (bool found : r.foundBy) row.push_back(cell(found ? Text::tr("yes") : QStringLiteral("-"), found));
            rows.push_back(row);
        }
        doc.paragraph(Text::tr("Per-lesion concordance: every lesion of the union of all masks, and who marked it."),
                      8.5);
        doc.table(header, rows, widths);
    }
}

const char* kMethods = QT_TRANSLATE_NOOP(
    "PatientReport",
    "Method. The follow-up (FU) scan is compared with the baseline (BL) after rigid registration of BL to FU. "
    "Both scans are resampled to 1 mm, corrected for intensity non-uniformity (N4) and standardised; a 3D "
    "convolutional network with two encoder paths (Krueger et al. 2020) gives each voxel a probability of "
    "being new or enlarged lesion tissue, searched within an automatically estimated brain region without its "
    "outermost few millimetres. Voxels above the model's threshold form lesions; lesions under 0.01 ml "
    "(about 3 mm across) are dropped. The shipped model was trained on synthetic BL/FU pairs made from real "
    "scans of other patients, not on this patient.\n"
    "Limitations. FLAIR intensities are not quantitative: differences in scanner, coil or protocol between the "
    "visits can mimic or hide change. Lesions at the cortex, in the posterior fossa and near the edge of the "
    "brain estimate are less reliable, and lesions under the 0.01 ml rule are not reported. This report supports, "
    "and does not replace, the reading of the images by a qualified neuroradiologist or neurologist.");

}  // namespace

QString summarySentence(const ReportCase& c, const CaseComparison& cmp) {
    if (!c.cnn) return Text::tr("No CNN result is available for this case.");
    double total = 0.0;
    for (const auto& r : cmp.cnnLesions) total += r.lesion.volumeMl;
    const int n = int(cmp.cnnLesions.size());
    if (n == 0)
        return Text::tr("Compared with baseline, the CNN found no new or enlarging FLAIR lesion of at least 0.01 ml.");
    return Text::tr(
               "Compared with baseline, the CNN found %n new or enlarging FLAIR lesion(s) of at least 0.01 ml, "
               "%1 ml in total.",
               nullptr, n)
        .arg(fixed(total, 2));
}

int writePatientReport(const ReportCase& c, const PatientReportOptions& o, const std::string& pdfPath) {
    // Steps: the comparison, then per layout pass the summary, overview, comparison, methods and
    // one per row of lesion pictures.
    const CaseComparison cmp = compareCase(c, o.minMl);
    const int pictureRows =
        c.cnn ? (std::min<int>(std::max(0, o.lesionPictures), int(cmp.cnnLesions.size())) + 1) / 2 : 0;
    Steps step(o.progress, 1 + 2 * (4 + pictureRows));
    step("comparison");
    const GreyWindow fuWindow = robustWindow(*c.fu);
    const GreyWindow blWindow = c.blInFu ? robustWindow(*c.blInFu) : GreyWindow{};
    const QString footer = o.anonymise ? Text::tr("LesionDelta report (anonymised)")
                                       : Text::tr("LesionDelta report - %1").arg(QString::fromStdString(c.id));
    auto paint = [&](QPdfWriter& writer, int totalPages, int& pagesOut) {
        writer.setTitle(Text::tr("LesionDelta follow-up report"));
        writer.setCreator(QStringLiteral("LesionDelta %1").arg(o.softwareVersion));
        PdfDocument doc(writer, footer, totalPages);
        doc.title(Text::tr("New and enlarging MS lesions: follow-up report"), headerText(c, o));
        step("summary");
        doc.heading(Text::tr("Summary"));
        doc.paragraph(summarySentence(c, cmp), 11);
        for (const auto& w : c.warnings) doc.paragraph(Text::tr("Warning: %1").arg(QString::fromStdString(w)), 9.5);
        if (c.cnn) {
            doc.heading(Text::tr("New and enlarging lesions (CNN)"));
            if (cmp.cnnLesions.empty())
                doc.paragraph(Text::tr("None."));
            else
                lesionTable(doc, cmp);
            step("overview");
            doc.heading(Text::tr("Overview: follow-up, CNN lesions outlined in green"));
            overview(doc, c, cmp, fuWindow);
            if (!cmp.cnnLesions.empty()) {
                const int shown = std::min<int>(o.lesionPictures, int(cmp.cnnLesions.size()));
                doc.heading(Text::tr("Lesions: baseline and follow-up (largest %1 of %2)")
                                .arg(shown)
                                .arg(cmp.cnnLesions.size()));
                lesionCrops(doc, c, cmp, o, fuWindow, blWindow, step);
            }
        }
        step("comparison tables");
        if (c.lst || !c.raters.empty()) comparison(doc, cmp);
        step("methods");
        doc.heading(Text::tr("Methods and limitations"));
        doc.paragraph(Text::tr(kMethods), 8.5);
        pagesOut = doc.pageCount();
    };
    QSaveFile file(QString::fromStdString(pdfPath));
    if (!file.open(QIODevice::WriteOnly)) {
        throw VolumeError(pdfPath, "cannot be written: " + file.errorString().toStdString());
    }
    int pages = 0;
    {
        QPdfWriter writer(&file);
        pages = renderTwice(writer, paint);
    }
    if (!file.commit()) throw VolumeError(pdfPath, "cannot be written: " + file.errorString().toStdString());
    return pages;
}

}  // namespace lesiondelta::report
