#pragma once
#include <array>
#include <cstdint>

namespace lesiondelta::ml {

/// Shape of the paper's network (Krueger et al. 2020, section 2.3).
struct NetworkConfig {
    static constexpr int kLevels = 5;  // full resolution plus four stride-2 reductions
    int baseWidth = 16;                // feature maps at full resolution (16 = the paper)
    double negativeSlope = 0.01;       // leaky ReLU

    /// Feature maps per encoder level: baseWidth doubling, 16 .. 256 for the paper.
    std::array<int64_t, kLevels> widths() const {
        std::array<int64_t, kLevels> w{};
        for (int l = 0; l < kLevels; ++l) w[l] = int64_t(baseWidth) << l;
        return w;
    }
};

}  // namespace lesiondelta::ml
