#include "lesiondelta/report/SliceImages.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "lesiondelta/core/MaskedStatistics.h"
#include "lesiondelta/core/Resampling.h"

namespace lesiondelta::report {

namespace {

/// An LPS-aligned grid one voxel thick holding the patch.
ImageVolume::Pointer patchGrid(const AxialPatch& patch) {
    auto grid = ImageVolume::New();
    ImageVolume::SizeType size;
    size[0] = std::max(1, patch.width());
    size[1] = std::max(1, patch.height());
    size[2] = 1;
    grid->SetRegions(ImageVolume::RegionType(size));
    ImageVolume::SpacingType spacing;
    spacing.Fill(patch.pixelMm);
    grid->SetSpacing(spacing);
    ImageVolume::PointType origin;
    origin[0] = patch.centre[0] - (size[0] - 1) * patch.pixelMm / 2;
    origin[1] = patch.centre[1] - (size[1] - 1) * patch.pixelMm / 2;
    origin[2] = patch.centre[2];
    grid->SetOrigin(origin);
    return grid;  // identity direction: index x -> L, y -> P
}

/// The physical corners of a grid.
std::vector<PhysicalPointLps> corners(const itk::ImageBase<kDim>& grid) {
    std::vector<PhysicalPointLps> out;
    const auto size = grid.GetLargestPossibleRegion().GetSize();
    for (int c = 0; c < 8; ++c) {
        itk::ContinuousIndex<double, kDim> idx;
        for (unsigned d = 0; d < kDim; ++d) idx[d] = (c >> d & 1) ? size[d] - 0.5 : -0.5;
        PhysicalPointLps p;
        grid.TransformContinuousIndexToPhysicalPoint(idx, p);
        out.push_back(p);
    }
    return out;
}

}  // namespace

GreyWindow robustWindow(const ImageVolume& image) {
    const IntensityRange r = robustIntensityRange(image);
    return {r.low, r.high};
}

QImage axialImage(const ImageVolume& image, const AxialPatch& patch, const GreyWindow& window) {
    const auto grid = patchGrid(patch);
    const auto sampled = resampleLinear(image, *grid, nullptr, std::numeric_limits<float>::quiet_NaN());
    const int w = int(grid->GetLargestPossibleRegion().GetSize(0));
    const int h = int(grid->GetLargestPossibleRegion().GetSize(1));
    QImage out(w, h, QImage::Format_RGB32);
    const float* v = sampled->GetBufferPointer();
    const double scale = 255.0 / (window.high - window.low);
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float value = v[std::size_t(y) * w + x];
            const int g = std::isfinite(value) ? std::clamp(int((value - window.low) * scale + 0.5), 0, 255) : 0;
            line[x] = qRgb(g, g, g);
        }
    }
    return out;
}

void outlineMask(QImage& picture, const MaskVolume& mask, const AxialPatch& patch, const QColor& colour,
                 int thickness) {
    const auto grid = patchGrid(patch);
    const auto sampled = resampleNearest(mask, *grid);
    const int w = int(grid->GetLargestPossibleRegion().GetSize(0));
    const int h = int(grid->GetLargestPossibleRegion().GetSize(1));
    if (picture.width() != w || picture.height() != h) return;
    const auto* m = sampled->GetBufferPointer();
    auto in = [&](int x, int y) { return x >= 0 && y >= 0 && x < w && y < h && m[std::size_t(y) * w + x]; };
    const QRgb rgb = colour.rgb();
    const int r = std::max(0, thickness - 1);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (!in(x, y)) continue;
            // An edge pixel: inside with a 4-neighbour outside; thickened inwards.
            bool edge = false;
            for (int d = 1; d <= r + 1 && !edge; ++d) {
                edge = !in(x - d, y) || !in(x + d, y) || !in(x, y - d) || !in(x, y + d);
            }
            if (edge) picture.setPixel(x, y, rgb);
        }
    }
}

std::pair<double, double> zRange(const itk::ImageBase<kDim>& grid) {
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (const auto& p : corners(grid)) {
        lo = std::min(lo, p[2]);
        hi = std::max(hi, p[2]);
    }
    return {lo, hi};
}

AxialPatch wholeSlice(const itk::ImageBase<kDim>& grid, double zMm, double pixelMm) {
    double lo[2] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
    double hi[2] = {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const auto& p : corners(grid)) {
        for (int d = 0; d < 2; ++d) {
            lo[d] = std::min(lo[d], p[d]);
            hi[d] = std::max(hi[d], p[d]);
        }
    }
    AxialPatch patch;
    patch.centre = PhysicalPointLps{{(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, zMm}};
    patch.widthMm = hi[0] - lo[0];
    patch.heightMm = hi[1] - lo[1];
    patch.pixelMm = pixelMm;
    return patch;
}

}  // namespace lesiondelta::report
