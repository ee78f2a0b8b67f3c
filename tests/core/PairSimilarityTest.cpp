#include <gtest/gtest.h>
#include <itkImageRegionIteratorWithIndex.h>

#include <cmath>
#include <functional>
#include <random>

#include "TestImages.h"
#include "lesiondelta/core/PairSimilarity.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/RigidRegistration.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

/// A head-like ball (r 50 mm) filled with a smooth random texture that depends on `seed`: two
/// seeds make two "patients" with the same outline and different insides.
ImageVolume::Pointer texturedHead(unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 2 * M_PI);
    std::vector<std::array<double, 4>> waves;
    for (int i = 0; i < 12; ++i) waves.push_back({u(rng), u(rng), u(rng), u(rng)});
    auto image = makeImage<ImageVolume>({64, 64, 64}, {2, 2, 2}, {-64, -64, -64});
    fillPhysical(*image, [&](const PhysicalPointLps& p) {
        if (std::hypot(p[0], p[1], p[2]) > 50) return 0.0;
        double v = 0;
        for (const auto& w : waves)  // wavelengths of about 12-25 mm, like gyri and ventricles
            v += std::sin(p[0] * std::cos(w[0]) / 3.0 + p[1] * std::sin(w[1]) / 3.0 + p[2] * std::cos(w[2]) / 4.0 +
                          w[3]);
        return 300.0 + 25.0 * v;
    });
    return image;
}

ImageVolume::Pointer mapped(const ImageVolume& image, const std::function<double(double, const PhysicalPointLps&)>& f) {
    auto out = makeImage<ImageVolume>({64, 64, 64}, {2, 2, 2}, {-64, -64, -64});
    itk::ImageRegionIteratorWithIndex<ImageVolume> it(out, out->GetLargestPossibleRegion());
    for (; !it.IsAtEnd(); ++it) {
        PhysicalPointLps p;
        out->TransformIndexToPhysicalPoint(it.GetIndex(), p);
        it.Set(float(f(image.GetPixel(it.GetIndex()), p)));
    }
    return out;
}

}  // namespace

TEST(PairSimilarity, AScannerChangeKeepsAgreementHighAndWrongAnatomyDropsIt) {
    const auto fu = texturedHead(1);
    // The same head from another scanner: a gamma curve, a bias field across the head, noise.
    std::mt19937 rng(5);
    std::normal_distribution<double> noise(0.0, 4.0);
    const auto otherScanner = mapped(*fu, [&](double v, const PhysicalPointLps& p) {
        return v > 0 ? 900.0 * std::pow(v / 400.0, 1.8) * (1.0 + 0.004 * p[0]) + noise(rng) : 0.0;
    });
    const double same = alignmentAgreement(*fu, *otherScanner);
    EXPECT_GT(same, 0.7);

    const auto otherPatient = texturedHead(2);
    EXPECT_LT(alignmentAgreement(*fu, *otherPatient), 0.3);

    // The same head shifted by 8 mm: the anatomy no longer lines up.
    auto shift = RigidTransform::New();
    auto params = shift->GetParameters();
    params[3] = 8.0;
    shift->SetParameters(params);
    const auto shifted = resampleLinear(*otherScanner, *fu, shift.GetPointer());
    EXPECT_LT(alignmentAgreement(*fu, *shifted), 0.3);
}
