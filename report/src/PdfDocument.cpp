#include "lesiondelta/report/PdfDocument.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <algorithm>

namespace lesiondelta::report {

namespace {
constexpr double kMarginMm = 16.0;
constexpr double kFooterMm = 8.0;
const QColor kRule(160, 160, 160);

QFont font(double pointSize, bool bold = false) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // No shaping, so no ligatures: text copied out of the PDF stays plain ("fi", not U+FB01);
    // the summary sentence is meant to be copied. (Fine for the Latin scripts of de/en.)
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}
}  // namespace

PdfDocument::PdfDocument(QPdfWriter& writer, const QString& footer, int totalPages)
    : writer_(writer), footer_(footer), totalPages_(totalPages) {
    writer_.setPageSize(QPageSize(QPageSize::A4));
    writer_.setResolution(300);
    writer_.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    painter_.begin(&writer_);
    painter_.setRenderHint(QPainter::Antialiasing);
    painter_.setRenderHint(QPainter::SmoothPixmapTransform);
    dotsPerMm_ = writer_.resolution() / 25.4;
    const QRectF page = writer_.pageLayout().fullRectPixels(writer_.resolution());
    width_ = page.width() - 2 * mm(kMarginMm);
    height_ = page.height() - 2 * mm(kMarginMm) - mm(kFooterMm);
    y_ = 0.0;
    painter_.translate(mm(kMarginMm), mm(kMarginMm));
}

PdfDocument::~PdfDocument() {
    if (painter_.isActive()) {
        footer();
        painter_.end();
    }
}

void PdfDocument::footer() {
    painter_.save();
    painter_.setFont(font(7.5));
    painter_.setPen(QColor(90, 90, 90));
    const double top = height_ + mm(3);
    painter_.setPen(kRule);
    painter_.drawLine(QPointF(0, top), QPointF(width_, top));
    painter_.setPen(QColor(90, 90, 90));
    const QRectF box(0, top + mm(1), width_, mm(kFooterMm - 1));
    painter_.drawText(box, Qt::AlignLeft | Qt::AlignTop, footer_);
    const QString number = totalPages_ > 0
                               ? QCoreApplication::translate("PdfDocument", "Page %1 of %2").arg(page_).arg(totalPages_)
                               : QCoreApplication::translate("PdfDocument", "Page %1").arg(page_);
    painter_.drawText(box, Qt::AlignRight | Qt::AlignTop, number);
    painter_.restore();
}

void PdfDocument::newPage() {
    footer();
    writer_.newPage();
    ++page_;
    y_ = 0.0;
}

void PdfDocument::keepTogether(double heightMm) {
    if (y_ > 0 && y_ + mm(heightMm) > height_) newPage();
}

void PdfDocument::space(double millimetres) { y_ += mm(millimetres); }

double PdfDocument::textHeight(const QString& text, const QFont& f, double width) const {
    QFontMetricsF metrics(f, &writer_);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

void PdfDocument::title(const QString& text, const QString& subtitle) {
    painter_.setPen(QColor(20, 60, 40));
    painter_.setFont(font(17, true));
    const double h = textHeight(text, font(17, true), width_);
    painter_.drawText(QRectF(0, y_, width_, h), Qt::TextWordWrap, text);
    y_ += h + mm(1);
    if (!subtitle.isEmpty()) {
        painter_.setPen(QColor(70, 70, 70));
        painter_.setFont(font(9.5));
        const double sh = textHeight(subtitle, font(9.5), width_);
        painter_.drawText(QRectF(0, y_, width_, sh), Qt::TextWordWrap, subtitle);
        y_ += sh;
    }
    y_ += mm(2);
    painter_.setPen(QPen(QColor(0, 150, 70), mm(0.6)));
    painter_.drawLine(QPointF(0, y_), QPointF(width_, y_));
    y_ += mm(4);
}

void PdfDocument::heading(const QString& text) {
    keepTogether(48);  // never a heading alone at the bottom of a page (paragraphs keep 40 mm)
    painter_.setPen(QColor(20, 60, 40));
    painter_.setFont(font(12, true));
    const double h = textHeight(text, font(12, true), width_);
    painter_.drawText(QRectF(0, y_, width_, h), Qt::TextWordWrap, text);
    y_ += h + mm(2);
}

void PdfDocument::paragraph(const QString& text, double pointSize) {
    const QFont f = font(pointSize);
    const double h = textHeight(text, f, width_);
    keepTogether(std::min(h / dotsPerMm_, 40.0));
    painter_.setFont(f);
    painter_.setPen(Qt::black);
    painter_.drawText(QRectF(0, y_, width_, h), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    y_ += h + mm(2.5);
}

void PdfDocument::table(const QStringList& header, const std::vector<TableRow>& rows, const std::vector<double>& widths,
                        double pointSize) {
    const QFont normal = font(pointSize), bold = font(pointSize, true);
    const double pad = mm(1.0);
    std::vector<double> x(widths.size() + 1, 0.0);
    for (std::size_t c = 0; c < widths.size(); ++c) x[c + 1] = x[c] + widths[c] * width_;
    auto rowHeight = [&](const std::vector<QString>& texts, const QFont& f) {
        double h = 0.0;
        for (std::size_t c = 0; c < texts.size() && c < widths.size(); ++c) {
            h = std::max(h, textHeight(texts[c], f, x[c + 1] - x[c] - 2 * pad));
        }
        return h + 2 * pad;
    };
    auto drawRow = [&](const std::vector<TableCell>& cells, bool isHeader) {
        std::vector<QString> texts;
        for (const auto& cell : cells) texts.push_back(cell.text);
        const double h = rowHeight(texts, isHeader ? bold : normal);
        for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
            const QRectF box(x[c], y_, x[c + 1] - x[c], h);
            if (isHeader)
                painter_.fillRect(box, QColor(225, 238, 230));
            else if (cells[c].background != Qt::transparent)
                painter_.fillRect(box, cells[c].background);
            painter_.setFont(isHeader || cells[c].bold ? bold : normal);
            painter_.setPen(Qt::black);
            painter_.drawText(box.adjusted(pad, pad, -pad, -pad), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter,
                              cells[c].text);
        }
        painter_.setPen(QPen(kRule, mm(0.15)));
        painter_.drawLine(QPointF(0, y_ + h), QPointF(x.back(), y_ + h));
        y_ += h;
    };
    TableRow headerCells;
    for (const auto& h : header) headerCells.push_back({h});
    std::vector<QString> headerTexts(header.begin(), header.end());
    double firstRows = rowHeight(headerTexts, bold);  // never a header alone at a page's foot
    for (std::size_t r = 0; r < std::min<std::size_t>(2, rows.size()); ++r) {
        std::vector<QString> texts;
        for (const auto& cell : rows[r]) texts.push_back(cell.text);
        firstRows += rowHeight(texts, normal);
    }
    if (y_ > 0 && y_ + firstRows > height_) newPage();
    drawRow(headerCells, true);
    for (const auto& row : rows) {
        std::vector<QString> texts;
        for (const auto& cell : row) texts.push_back(cell.text);
        if (y_ + rowHeight(texts, normal) > height_) {
            newPage();
            drawRow(headerCells, true);
        }
        drawRow(row, false);
    }
    y_ += mm(3);
}

void PdfDocument::pictureRow(const std::vector<QImage>& pictures, const QStringList& captions, double heightMm,
                             Markers markers) {
    const double captionH = mm(4.5), gap = mm(2);
    // Shrink the row until every picture fits the content width.
    double aspectSum = 0.0;
    for (const auto& p : pictures) aspectSum += p.height() > 0 ? double(p.width()) / p.height() : 1.0;
    const double fitting = aspectSum > 0 ? (width_ - gap * (pictures.size() - 1)) / aspectSum : mm(heightMm);
    const double h = std::min(mm(heightMm), fitting);
    heightMm = h / dotsPerMm_;
    keepTogether(heightMm + 6);
    double x = 0.0;
    painter_.setFont(font(7.5));
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        const QImage& p = pictures[i];
        const double w = p.height() > 0 ? h * p.width() / p.height() : h;
        if (x + w > width_ + 1) break;
        painter_.drawImage(QRectF(x, y_, w, h), p);
        if (markers == Markers::AxialRadiological) orientationMarkers(QRectF(x, y_, w, h));
        if (int(i) < captions.size()) {
            painter_.setPen(QColor(50, 50, 50));
            painter_.drawText(QRectF(x, y_ + h + mm(0.5), w, captionH), Qt::AlignHCenter | Qt::AlignTop,
                              captions[int(i)]);
        }
        x += w + gap;
    }
    y_ += h + captionH + mm(2);
}

void PdfDocument::orientationMarkers(const QRectF& picture) {
    painter_.save();
    painter_.setFont(font(6.5, true));
    const double inset = mm(0.8), box = mm(3.5), halo = mm(0.18);
    const QRectF r = picture.adjusted(inset, inset, -inset, -inset);
    const struct {
        QRectF at;
        int align;
        const char* letter;
    } marks[] = {{{r.left(), r.center().y() - box / 2, box, box}, Qt::AlignLeft | Qt::AlignVCenter, "R"},
                 {{r.right() - box, r.center().y() - box / 2, box, box}, Qt::AlignRight | Qt::AlignVCenter, "L"},
                 {{r.center().x() - box / 2, r.top(), box, box}, Qt::AlignHCenter | Qt::AlignTop, "A"},
                 {{r.center().x() - box / 2, r.bottom() - box, box, box}, Qt::AlignHCenter | Qt::AlignBottom, "P"}};
    const QFontMetricsF metrics(painter_.font(), painter_.device());
    for (const auto& m : marks) {
        // On a dark badge, legible on white matter and on the black background alike.
        const QString letter = QString::fromLatin1(m.letter);
        QRectF badge = metrics.boundingRect(m.at, m.align, letter).adjusted(-halo * 3, -halo, halo * 3, halo);
        painter_.setPen(Qt::NoPen);
        painter_.setBrush(QColor(0, 0, 0, 150));
        painter_.drawRoundedRect(badge, halo * 3, halo * 3);
        painter_.setPen(QColor(150, 215, 255));  // the viewer's orientation colour
        painter_.drawText(m.at, m.align, letter);
    }
    painter_.restore();
}

void PdfDocument::block(double heightMm, const std::function<void(QPainter&, const QRectF&)>& draw) {
    keepTogether(heightMm);
    const QRectF box(0, y_, width_, mm(heightMm));
    painter_.save();
    draw(painter_, box);
    painter_.restore();
    y_ += mm(heightMm) + mm(2);
}

int renderTwice(QPdfWriter& writer, const std::function<void(QPdfWriter&, int, int&)>& paint) {
    QBuffer scratch;
    scratch.open(QIODevice::WriteOnly);
    int pages = 0;
    {
        QPdfWriter counting(&scratch);
        paint(counting, 0, pages);
    }
    int finalPages = 0;
    paint(writer, pages, finalPages);
    return finalPages;
}

}  // namespace lesiondelta::report
