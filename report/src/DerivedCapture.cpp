#include "lesiondelta/report/DerivedCapture.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "lesiondelta/report/SliceImages.h"

namespace lesiondelta::report {

std::vector<QImage> derivedCaptureFrames(const ImageVolume& fu, const MaskVolume& mask, const QString& label,
                                         const QColor& colour) {
    const auto size = fu.GetLargestPossibleRegion().GetSize();
    if (mask.GetLargestPossibleRegion().GetSize() != size)
        throw std::invalid_argument("the lesion mask is not on the follow-up scan's grid");
    const int cols = int(size[0]), rows = int(size[1]), slices = int(size[2]);
    const GreyWindow window = robustWindow(fu);
    const double scale = window.high > window.low ? 255.0 / (window.high - window.low) : 0.0;
    const std::size_t sliceVoxels = std::size_t(cols) * rows;
    const QRgb outline = colour.rgb();

    // The label as large as fits the width (from 1/26 of it down to 7 pixels), elided beyond.
    QFont font;
    font.setBold(true);
    int pixels = std::clamp(cols / 26, 7, 22);
    for (font.setPixelSize(pixels); pixels > 7 && QFontMetrics(font).horizontalAdvance(label) > cols - 6;)
        font.setPixelSize(--pixels);
    const QString text = QFontMetrics(font).elidedText(label, Qt::ElideRight, cols - 6);
    const int band = QFontMetrics(font).height() + 4;

    std::vector<QImage> frames;
    frames.reserve(slices);
    for (int k = 0; k < slices; ++k) {
        const float* grey = fu.GetBufferPointer() + k * sliceVoxels;
        const auto* lesion = mask.GetBufferPointer() + k * sliceVoxels;
        QImage picture(cols, rows, QImage::Format_RGB888);
        for (int j = 0; j < rows; ++j) {
            uchar* out = picture.scanLine(j);
            for (int i = 0; i < cols; ++i) {
                const std::size_t v = std::size_t(j) * cols + i;
                // The outline lies on the pixels outside a lesion that touch it (4-neighbours).
                const bool edge = !lesion[v] && ((i > 0 && lesion[v - 1]) || (i + 1 < cols && lesion[v + 1]) ||
                                                 (j > 0 && lesion[v - cols]) || (j + 1 < rows && lesion[v + cols]));
                if (edge) {
                    out[3 * i] = uchar(qRed(outline));
                    out[3 * i + 1] = uchar(qGreen(outline));
                    out[3 * i + 2] = uchar(qBlue(outline));
                } else {
                    const double g = std::isfinite(grey[v]) ? (grey[v] - window.low) * scale : 0.0;
                    const auto value = uchar(std::clamp(std::lround(g), 0L, 255L));
                    out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = value;
                }
            }
        }
        QPainter painter(&picture);
        painter.fillRect(QRect(0, 0, cols, band), QColor(0, 0, 0, 190));
        painter.setFont(font);
        painter.setPen(QColor(255, 220, 0));
        painter.drawText(QRect(3, 0, cols - 6, band), Qt::AlignVCenter | Qt::AlignLeft, text);
        painter.end();
        frames.push_back(std::move(picture));
    }
    return frames;
}

}  // namespace lesiondelta::report
