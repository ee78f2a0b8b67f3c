#include "lesiondelta/viewer/SliceRenderer.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lesiondelta::viewer {
namespace {

inline std::uint32_t grey(std::uint8_t v) {
    return 0xff000000u | (std::uint32_t(v) << 16) | (std::uint32_t(v) << 8) | v;
}

inline std::uint32_t blend(std::uint32_t base, std::uint32_t rgb, int alpha256) {
    const int inv = 256 - alpha256;
    const std::uint32_t r = (((base >> 16) & 0xff) * inv + ((rgb >> 16) & 0xff) * alpha256) >> 8;
    const std::uint32_t g = (((base >> 8) & 0xff) * inv + ((rgb >> 8) & 0xff) * alpha256) >> 8;
    const std::uint32_t b = ((base & 0xff) * inv + (rgb & 0xff) * alpha256) >> 8;
    return 0xff000000u | (r << 16) | (g << 8) | b;
}

}  // namespace

std::uint32_t heatColour(double p) {
    const double t = std::clamp(p, 0.0, 1.0);
    const double r = std::clamp(0.4 + 1.8 * t, 0.0, 1.0);
    const double g = std::clamp(2.0 * t - 0.6, 0.0, 1.0);
    const double b = std::clamp(3.0 * t - 2.0, 0.0, 1.0);
    return (std::uint32_t(r * 255) << 16) | (std::uint32_t(g * 255) << 8) | std::uint32_t(b * 255);
}

void renderSlice(const ImageVolume& image, const SliceGeometry& g, const WindowLevel& w,
                 const std::vector<MaskLayer>& masks, const HeatLayer& heat, std::uint32_t* out, bool outlineAll) {
    const float* v = image.GetBufferPointer();
    const double lower = w.lower(), scale = 255.0 / std::max(w.window, 1e-12);
    for (int y = 0; y < g.height; ++y) {
        const int64_t row = g.origin + y * g.stepY;
        std::uint32_t* o = out + int64_t(y) * g.width;
        for (int x = 0; x < g.width; ++x) {
            const double s = (double(v[row + x * g.stepX]) - lower) * scale;
            o[x] = grey(std::uint8_t(std::clamp(s + 0.5, 0.0, 255.0)));
        }
    }
    if (heat.visible && heat.probability) {
        const float* p = heat.probability->GetBufferPointer();
        std::array<std::uint32_t, 256> lut;
        for (int i = 0; i < 256; ++i) lut[i] = heatColour(i / 255.0);
        const int alpha = int(std::clamp(heat.opacity, 0.0, 1.0) * 256);
        for (int y = 0; y < g.height; ++y) {
            const int64_t row = g.origin + y * g.stepY;
            std::uint32_t* o = out + int64_t(y) * g.width;
            for (int x = 0; x < g.width; ++x) {
                const float q = p[row + x * g.stepX];
                if (q >= heat.floor) o[x] = blend(o[x], lut[std::size_t(std::clamp(q, 0.0f, 1.0f) * 255)], alpha);
            }
        }
    }
    for (const auto& layer : masks) {
        if (!layer.visible || !layer.mask) continue;
        const std::uint8_t* m = layer.mask->GetBufferPointer();
        const int alpha = int(std::clamp(layer.opacity, 0.0, 1.0) * 256);
        for (int y = 0; y < g.height; ++y) {
            const int64_t row = g.origin + y * g.stepY;
            std::uint32_t* o = out + int64_t(y) * g.width;
            for (int x = 0; x < g.width; ++x) {
                const int64_t i = row + x * g.stepX;
                if (!m[i]) continue;
                if (layer.outline || outlineAll) {
                    const bool inner = x > 0 && x + 1 < g.width && y > 0 && y + 1 < g.height && m[i - g.stepX] &&
                                       m[i + g.stepX] && m[i - g.stepY] && m[i + g.stepY];
                    if (inner) continue;
                    o[x] = blend(o[x], layer.rgb, std::max(alpha, 200));
                } else {
                    o[x] = blend(o[x], layer.rgb, alpha);
                }
            }
        }
    }
}

}  // namespace lesiondelta::viewer
