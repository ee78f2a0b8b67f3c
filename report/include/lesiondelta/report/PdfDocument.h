#pragma once
// A top-to-bottom page flow on a QPdfWriter: A4, margins, headings, wrapped paragraphs, tables
// that repeat their header across pages, picture rows and a footer with "page n of N". Text is
// vector text with embedded fonts (Qt's PDF engine). Page totals come from a first layout pass
// (see renderTwice).
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace lesiondelta::report {

struct TableCell {
    QString text;
    QColor background = Qt::transparent;
    bool bold = false;
};
using TableRow = std::vector<TableCell>;

class PdfDocument {
public:
    /// `footer` is printed on every page beside the page number; `totalPages` 0: unknown.
    PdfDocument(QPdfWriter& writer, const QString& footer, int totalPages);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    QPainter& painter() { return painter_; }
    double contentWidth() const { return width_; }
    double y() const { return y_; }
    double mm(double millimetres) const { return millimetres * dotsPerMm_; }
    int pageCount() const { return page_; }

    void title(const QString& text, const QString& subtitle);
    void heading(const QString& text);
    /// A paragraph of plain text, wrapped to the content width.
    void paragraph(const QString& text, double pointSize = 9.5);
    /// A table; `widths` are fractions of the content width. The header repeats after page breaks.
    void table(const QStringList& header, const std::vector<TableRow>& rows, const std::vector<double>& widths,
               double pointSize = 8.0);
    /// What pictureRow marks on each picture's edges.
    enum class Markers { None, AxialRadiological };  // R left, L right, A top, P bottom
    /// Pictures side by side, each `heightMm` high (width from its aspect), with captions below.
    void pictureRow(const std::vector<QImage>& pictures, const QStringList& captions, double heightMm,
                    Markers markers = Markers::None);
    /// Draws `draw` into a box of the content width and `heightMm`, after a page break if needed.
    void block(double heightMm, const std::function<void(QPainter&, const QRectF&)>& draw);
    void space(double millimetres);
    void newPage();
    /// Moves to a new page unless `heightMm` fits on this one.
    void keepTogether(double heightMm);

private:
    void footer();
    void orientationMarkers(const QRectF& picture);
    double textHeight(const QString& text, const QFont& font, double width) const;

    QPdfWriter& writer_;
    QPainter painter_;
    QString footer_;
    int totalPages_ = 0;
    int page_ = 1;
    double dotsPerMm_ = 1.0;
    double width_ = 0.0, height_ = 0.0;  // content area in device pixels
    double y_ = 0.0;
};

/// Renders `paint` twice: once to count pages, then into `writer` with the page total known.
/// `paint` must draw the same thing both times. Returns the page count.
int renderTwice(QPdfWriter& writer, const std::function<void(QPdfWriter&, int totalPages, int& pagesOut)>& paint);

}  // namespace lesiondelta::report
