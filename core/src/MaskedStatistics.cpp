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

IntensityRange robustIntensityRange(const ImageVolume& image, double lowPercent, double highPercent) {
    const auto n = image.GetLargestPossibleRegion().GetNumberOfPixels();
    const float* v = image.GetBufferPointer();
    IntensityRange r;
    if (n == 0) return r;
    const std::size_t step = std::max<std::size_t>(1, n / 1000000);
    std::vector<float> sample;
    sample.reserve(n / step + 1);
    for (std::size_t i = 0; i < n; i += step) {
        if (std::isfinite(v[i])) sample.push_back(v[i]);
    }
    if (sample.empty()) return r;
    auto at = [&](std::vector<float>& s, double percent) {
        const auto k = std::size_t(std::clamp(percent / 100.0, 0.0, 1.0) * double(s.size() - 1));
        std::nth_element(s.begin(), s.begin() + long(k), s.end());
        return double(s[k]);
    };
    const double background = at(sample, 10.0);
    std::vector<float> foreground;
    foreground.reserve(sample.size());
    for (float x : sample)
        if (x > background) foreground.push_back(x);
    if (foreground.size() < 16) foreground = sample;
    r.low = at(foreground, lowPercent);
    r.high = at(foreground, highPercent);
    if (!(r.high > r.low)) r.high = r.low + 1.0;
    return r;
}

}  // namespace lesiondelta
