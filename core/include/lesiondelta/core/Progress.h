#pragma once
#include <functional>
#include <stdexcept>
#include <string>

namespace lesiondelta {

/// Progress reporting with a cancel answer, free of any toolkit: called with the fraction done
/// (0..1) and a short stage name; returning false asks the work to stop.
using ProgressCallback = std::function<bool(double fraction, const std::string& stage)>;

/// A sub-task's callback that reports into the share [from, to] of its parent's progress: the
/// sub-task counts 0..1 and the parent sees from + (to - from) * f, with the sub-task's stage
/// name; the parent's answer (stop or go on) passes through. A null parent never stops.
inline ProgressCallback progressShare(const ProgressCallback& parent, double from, double to) {
    if (!parent) return [](double, const std::string&) { return true; };
    return [parent, from, to](double f, const std::string& stage) { return parent(from + (to - from) * f, stage); };
}

/// Thrown when a ProgressCallback asked to stop. Nothing is written after it.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace lesiondelta
