#pragma once
// Axial pictures for reports: any scan, whatever its voxel orientation, resampled by ITK onto a
// small LPS-aligned axial grid (screen x = patient left, as radiologists read; anterior at the
// top) with square pixels, grey-mapped by a fixed window, with masks outlined.
#include <QColor>
#include <QImage>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta::report {

/// An axial plane patch in patient space (LPS mm): centre, size and pixel size.
struct AxialPatch {
    PhysicalPointLps centre{};
    double widthMm = 40.0, heightMm = 40.0;
    double pixelMm = 0.5;
    int width() const { return int(widthMm / pixelMm + 0.5); }
    int height() const { return int(heightMm / pixelMm + 0.5); }
};

struct GreyWindow {
    double low = 0.0, high = 1.0;  // mapped to black and white
};

/// A window from core's robust range (1st and 99.5th percentile above the image's 10th), as
/// the reading views use.
GreyWindow robustWindow(const ImageVolume& image);

/// The patch of `image` (linear interpolation; black outside the scan).
QImage axialImage(const ImageVolume& image, const AxialPatch& patch, const GreyWindow& window);

/// Draws the outline of `mask` (nearest-neighbour on the patch grid) onto `picture`, which must
/// have the patch's pixel size; `thickness` in pixels.
void outlineMask(QImage& picture, const MaskVolume& mask, const AxialPatch& patch, const QColor& colour,
                 int thickness = 1);

/// The patch covering the whole FU scan's extent at height `zMm` (LPS z), with `pixelMm` pixels.
AxialPatch wholeSlice(const itk::ImageBase<kDim>& grid, double zMm, double pixelMm = 1.0);

/// The physical z range (LPS, mm) that the grid covers.
std::pair<double, double> zRange(const itk::ImageBase<kDim>& grid);

}  // namespace lesiondelta::report
