#pragma once
// Synthetic patient series for tests (issue 20): the head phantom (TestImages.h) at several
// visits, each acquired with its own position, intensity scale and noise, with lesions that
// appear, stay or enlarge at known visits.
#include <itkImageRegionIterator.h>

#include <random>
#include <string>
#include <vector>

#include "TestImages.h"
#include "lesiondelta/core/VolumeIO.h"

namespace lesiondelta::test {

inline double blob(const PhysicalPointLps& p, std::array<double, 3> c, double radius) {
    const double d =
        std::sqrt((p[0] - c[0]) * (p[0] - c[0]) + (p[1] - c[1]) * (p[1] - c[1]) + (p[2] - c[2]) * (p[2] - c[2]));
    return smoothStep((radius - d) * 2.0);
}

struct PhantomLesion {
    std::array<double, 3> centre;
    double radius;
};

/// One visit: the phantom with `lesions` (in head coordinates), the head shifted by `shift` mm
/// in the scanner, intensities scaled by `scale`, noise from `seed`. Shifts are whole voxels
/// (1.5 x 1.5 x 3 mm) so that the test asks for identities, not for how a subtraction copes with
/// partial-volume changes at lesion edges (sub-voxel shifts make it find rims there, the kind of
/// false positive the CNN is trained to leave out).
/// The grid a visit is acquired on (scanner LPS mm).
struct VisitGrid {
    std::array<unsigned, 3> size{100, 120, 50};
    std::array<double, 3> spacing{1.5, 1.5, 3.0};
    std::array<double, 3> origin{-75, -90, -75};
};

inline void writeVisit(const std::string& path, const std::vector<PhantomLesion>& lesions, std::array<double, 3> shift,
                       double scale, unsigned seed, const VisitGrid& grid = {}) {
    auto image = makeImage<ImageVolume>(grid.size, grid.spacing, grid.origin);
    fillPhysical(*image, [&](const PhysicalPointLps& scanner) {
        PhysicalPointLps p;
        for (int a = 0; a < 3; ++a) p[a] = scanner[a] - shift[a];
        double v = headPhantom(p);
        for (const auto& l : lesions) v += 250 * blob(p, l.centre, l.radius);
        return scale * v;
    });
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 10.0f);
    for (itk::ImageRegionIterator<ImageVolume> it(image, image->GetBufferedRegion()); !it.IsAtEnd(); ++it)
        it.Set(it.Get() + noise(rng));
    writeVolume(*image, path);
}

inline const PhantomLesion kA{{15, -10, 5}, 4.0};
inline const PhantomLesion kAEnlarged{{15, -10, 5}, 6.5};
inline const PhantomLesion kC{{-25, 20, -10}, 4.5};

/// Visits 2021-01-15 (none), 2021-07-20 (A new), 2022-01-18 (unchanged), 2022-08-02 (A enlarged,
/// C new), as FLAIRs named by their dates.
inline void writeActiveSeries(const TempDir& dir) {
    writeVisit(dir.file("flair_2021-01-15.nii.gz"), {}, {0, 0, 0}, 1.0, 1);
    writeVisit(dir.file("flair_2021-07-20.nii.gz"), {kA}, {1.5, -1.5, 0.0}, 1.2, 2);
    writeVisit(dir.file("flair_20220118.nii.gz"), {kA}, {-1.5, 0.0, 3.0}, 0.9, 3);
    writeVisit(dir.file("flair_2022-08-02.nii.gz"), {kAEnlarged, kC}, {0.0, 1.5, 0.0}, 1.1, 4);
}

}  // namespace lesiondelta::test
