#include "lesiondelta/viewer/WindowLevel.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lesiondelta::viewer {

WindowLevel WindowLevel::fromRange(double lower, double upper) {
    WindowLevel w;
    w.window = std::max(upper - lower, 1e-6);
    w.level = (lower + upper) / 2;
    return w;
}

IntensityRange robustRange(const ImageVolume& image, double lowPercent, double highPercent) {
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

WindowLevel mapRelative(const WindowLevel& w, const IntensityRange& from, const IntensityRange& to) {
    const double scale = (to.high - to.low) / (from.high - from.low);
    WindowLevel out;
    out.window = w.window * scale;
    out.level = to.low + (w.level - from.low) * scale;
    return out;
}

WindowLevel presetWindow(WindowPreset preset, const IntensityRange& range) {
    const double span = range.high - range.low;
    switch (preset) {
    case WindowPreset::Auto: return WindowLevel::fromRange(range.low, range.high);
    case WindowPreset::LesionContrast:  // white matter mid-grey, hyperintensities bright
        return WindowLevel::fromRange(range.low + 0.25 * span, range.high - 0.05 * span);
    case WindowPreset::Wide: return WindowLevel::fromRange(range.low - 0.25 * span, range.high + 0.25 * span);
    }
    return WindowLevel::fromRange(range.low, range.high);
}

}  // namespace lesiondelta::viewer
