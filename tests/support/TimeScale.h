#pragma once
// Time limits in tests, stretched where the code runs slower on purpose: tools/sanitize sets
// LESIONDELTA_TEST_TIME_SCALE (AddressSanitizer about 3x slower, ThreadSanitizer about 10x).
// Waits and promptness limits use it; speed targets are measured by the benchmarks, not here.
#include <chrono>
#include <cstdlib>

namespace lesiondelta::test {

inline double timeScale() {
    static const double scale = [] {
        const char* v = std::getenv("LESIONDELTA_TEST_TIME_SCALE");
        const double s = v ? std::atof(v) : 1.0;
        return s >= 1.0 ? s : 1.0;
    }();
    return scale;
}

inline double scaled(double limit) { return limit * timeScale(); }
inline long long scaled(long long limit) { return static_cast<long long>(double(limit) * timeScale()); }
inline int scaled(int limit) { return static_cast<int>(double(limit) * timeScale()); }
template <typename Rep, typename Period>
std::chrono::milliseconds scaled(std::chrono::duration<Rep, Period> limit) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(limit * timeScale());
}

}  // namespace lesiondelta::test
