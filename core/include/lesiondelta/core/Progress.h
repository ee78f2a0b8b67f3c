#pragma once
#include <functional>
#include <stdexcept>
#include <string>

namespace lesiondelta {

/// Progress reporting with a cancel answer, free of any toolkit: called with the fraction done
/// (0..1) and a short stage name; returning false asks the work to stop.
using ProgressCallback = std::function<bool(double fraction, const std::string& stage)>;

/// Thrown when a ProgressCallback asked to stop. Nothing is written after it.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace lesiondelta
