#pragma once
// Synthetic volumes for tests: grids with chosen geometry, a smooth asymmetric head phantom,
// and cubes in masks. Everything is defined in physical LPS mm so that grids can differ.
#include <itkImageRegionConstIterator.h>
#include <itkImageRegionIteratorWithIndex.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <random>
#include <string>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta::test {

template <typename TImage>
typename TImage::Pointer makeImage(std::array<unsigned, 3> size, std::array<double, 3> spacing,
                                   std::array<double, 3> origin = {0, 0, 0},
                                   const itk::Matrix<double, 3, 3>* direction = nullptr) {
    auto image = TImage::New();
    typename TImage::RegionType region;
    typename TImage::SizeType s;
    typename TImage::SpacingType sp;
    typename TImage::PointType o;
    for (int d = 0; d < 3; ++d) {
        s[d] = size[d];
        sp[d] = spacing[d];
        o[d] = origin[d];
    }
    region.SetSize(s);
    image->SetRegions(region);
    image->SetSpacing(sp);
    image->SetOrigin(o);
    if (direction) image->SetDirection(*direction);
    image->Allocate(true);
    return image;
}

/// Fills an image from a function of the physical point (LPS mm).
template <typename TImage>
void fillPhysical(TImage& image, const std::function<double(const PhysicalPointLps&)>& f) {
    itk::ImageRegionIteratorWithIndex<TImage> it(&image, image.GetBufferedRegion());
    for (; !it.IsAtEnd(); ++it) {
        PhysicalPointLps p;
        image.TransformIndexToPhysicalPoint(it.GetIndex(), p);
        it.Set(static_cast<typename TImage::PixelType>(f(p)));
    }
}

inline double smoothStep(double x) { return 1.0 / (1.0 + std::exp(-x)); }

/// A smooth, asymmetric "head" centred at the origin: an ellipsoid (skull-like rim, brain) with
/// ventricle-like dark blobs and bright off-centre lesion-like spots. Intensity 0..~1000.
inline double headPhantom(const PhysicalPointLps& p) {
    auto ellipsoid = [&](double cx, double cy, double cz, double ax, double ay, double az) {
        const double x = (p[0] - cx) / ax, y = (p[1] - cy) / ay, z = (p[2] - cz) / az;
        return std::sqrt(x * x + y * y + z * z);
    };
    const double edge = 1.5;  // softness in mm-ish units of the radial coordinate * axis
    double v = 0.0;
    v += 900.0 * smoothStep((1.0 - ellipsoid(0, 0, 0, 62, 75, 52)) * 60 / edge);  // scalp
    v -= 500.0 * smoothStep((1.0 - ellipsoid(0, 0, 0, 56, 69, 46)) * 55 / edge);  // CSF gap
    v += 350.0 * smoothStep((1.0 - ellipsoid(0, 3, 2, 53, 66, 43)) * 50 / edge);  // brain
    v -= 300.0 * smoothStep((1.0 - ellipsoid(-9, -6, 8, 6, 22, 9)) * 8 / edge);   // ventricles
    v -= 280.0 * smoothStep((1.0 - ellipsoid(11, -2, 10, 7, 18, 8)) * 8 / edge);
    v += 450.0 * smoothStep((1.0 - ellipsoid(25, 20, -12, 8, 6, 5)) * 6 / edge);  // bright spots
    v += 400.0 * smoothStep((1.0 - ellipsoid(-30, -28, 15, 5, 9, 6)) * 6 / edge);
    v += 300.0 * smoothStep((1.0 - ellipsoid(5, 40, 25, 10, 5, 7)) * 6 / edge);
    v -= 200.0 * smoothStep((1.0 - ellipsoid(-20, 45, -20, 9, 9, 9)) * 9 / edge);
    return std::max(0.0, v);
}

/// Sets the voxels of the index box [lo, hi] (inclusive) to `value`.
template <typename TImage>
void paintBox(TImage& image, std::array<long, 3> lo, std::array<long, 3> hi, typename TImage::PixelType value = 1) {
    for (long k = lo[2]; k <= hi[2]; ++k)
        for (long j = lo[1]; j <= hi[1]; ++j)
            for (long i = lo[0]; i <= hi[0]; ++i) image.SetPixel({{i, j, k}}, value);
}

/// A fresh temporary folder, removed when the object dies.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("lesiondelta-test-" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace lesiondelta::test
