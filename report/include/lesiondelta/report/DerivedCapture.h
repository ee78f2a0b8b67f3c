#pragma once
// The FU scan's own slices with the lesions' outlines burnt in, for PACS viewers that cannot show
// a DICOM Segmentation (issue 21): one picture per stored slice, in the slice's own pixel grid
// (voxel (i, j, k) = slice k's column i, row j, as the scanner stored it) so that it lines up
// with the source images, grey-mapped by the reading views' robust window, and clearly labelled.
#include <QColor>
#include <QImage>
#include <QString>
#include <vector>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta::report {

/// One RGB picture per slice of `fu`: the lesions of `mask` (same grid) outlined in `colour` on
/// the pixels just outside each lesion (the lesion itself stays visible), `label` burnt in at
/// the top on a dark band. Needs a QGuiApplication (fonts). Throws std::invalid_argument when the
/// mask is not on FU's grid.
std::vector<QImage> derivedCaptureFrames(const ImageVolume& fu, const MaskVolume& mask, const QString& label,
                                         const QColor& colour = QColor(0, 230, 0));

}  // namespace lesiondelta::report
