#include "lesiondelta/core/MaskedStatistics.h"

#include <itkImageRegionConstIterator.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace lesiondelta {
namespace {

std::vector<float> valuesWithin(const ImageVolume& image, const MaskVolume& mask) {
    std::vector<float> v;
    itk::ImageRegionConstIterator<ImageVolume> it(&image, image.GetBufferedRegion());
    itk::ImageRegionConstIterator<MaskVolume> m(&mask, mask.GetBufferedRegion());
    for (; !it.IsAtEnd(); ++it, ++m) {
        if (m.Get()) v.push_back(it.Get());
    }
    return v;
}

double medianInPlace(std::vector<float>& v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

}  // namespace

RobustStatistics robustStatistics(const ImageVolume& image, const MaskVolume& mask) {
    auto v = valuesWithin(image, mask);
    RobustStatistics r;
    if (v.empty()) return r;
    r.median = medianInPlace(v);
    for (auto& x : v) x = std::abs(x - float(r.median));
    r.spread = 1.4826 * medianInPlace(v);
    if (!(r.spread > 0)) r.spread = 1.0;
    return r;
}

double medianWithin(const ImageVolume& image, const MaskVolume& mask) {
    auto v = valuesWithin(image, mask);
    return v.empty() ? 0.0 : medianInPlace(v);
}

}  // namespace lesiondelta
