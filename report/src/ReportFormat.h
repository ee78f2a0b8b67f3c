#pragma once
// Number formatting shared by the reports: fixed decimals, "-" for undefined, never 0 for
// "undefined".
#include <QString>
#include <cmath>
#include <optional>

namespace lesiondelta::report {

inline QString fixed(double v, int decimals) {
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("-");
}
inline QString fixed(const std::optional<double>& v, int decimals) {
    return v ? fixed(*v, decimals) : QStringLiteral("-");
}

}  // namespace lesiondelta::report
