#include "lesiondelta/core/VolumeChecks.h"

#include <itkImageRegionConstIterator.h>
#include <vnl/vnl_det.h>

#include <cmath>
#include <sstream>

#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {

std::size_t countNonFinite(const ImageVolume& image) {
    std::size_t n = 0;
    itk::ImageRegionConstIterator<ImageVolume> it(&image, image.GetBufferedRegion());
    for (; !it.IsAtEnd(); ++it) n += std::isfinite(it.Get()) ? 0 : 1;
    return n;
}

void checkGeometry(const itk::ImageBase<kDim>& image, const std::string& path) {
    for (unsigned int i = 0; i < kDim; ++i) {
        const double sp = image.GetSpacing()[i];
        if (!std::isfinite(sp) || sp <= 0.0) {
            std::ostringstream s;
            s << "has an invalid voxel spacing (" << sp << " mm along axis " << i << ")";
            throw VolumeError(path, s.str());
        }
        // 0.1 micrometre to 10 m: anything outside is a broken header, and grid arithmetic
        // (index <-> physical) on it overflows (found by fuzzing the mask import).
        if (sp < kMinSpacingMm || sp > kMaxSpacingMm) {
            std::ostringstream s;
            s << "has an implausible voxel spacing (" << sp << " mm along axis " << i << ")";
            throw VolumeError(path, s.str());
        }
        if (!std::isfinite(image.GetOrigin()[i])) throw VolumeError(path, "has a non-finite origin");
    }
    const double det = vnl_det(image.GetDirection().GetVnlMatrix());
    if (!std::isfinite(det) || std::abs(det) < 1e-6) {
        throw VolumeError(path, "has a singular orientation (direction cosines)");
    }
}

void checkHasContrast(const ImageVolume& image, const std::string& path) {
    itk::ImageRegionConstIterator<ImageVolume> it(&image, image.GetBufferedRegion());
    if (it.IsAtEnd()) throw VolumeError(path, "is empty");
    const float first = it.Get();
    for (; !it.IsAtEnd(); ++it) {
        if (it.Get() != first) return;
    }
    throw VolumeError(path, "has no contrast (every voxel is " + std::to_string(first) + ")");
}

bool sameGrid(const itk::ImageBase<kDim>& a, const itk::ImageBase<kDim>& b, double tolerance) {
    if (a.GetLargestPossibleRegion().GetSize() != b.GetLargestPossibleRegion().GetSize()) return false;
    for (unsigned int i = 0; i < kDim; ++i) {
        const double sp = a.GetSpacing()[i];
        if (std::abs(sp - b.GetSpacing()[i]) > tolerance * sp) return false;
        if (std::abs(a.GetOrigin()[i] - b.GetOrigin()[i]) > tolerance * sp) return false;
        for (unsigned int j = 0; j < kDim; ++j) {
            if (std::abs(a.GetDirection()[i][j] - b.GetDirection()[i][j]) > tolerance) return false;
        }
    }
    return true;
}

}  // namespace lesiondelta
