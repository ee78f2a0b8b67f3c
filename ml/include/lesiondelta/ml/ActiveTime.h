#pragma once
// Training time as the trainer's --minutes budget counts it.
#include <algorithm>
#include <vector>

namespace lesiondelta::ml {

/// The time --minutes budgets: each step's wall time, except that a step taking more than 4x the
/// median of the recent ones counts as 4x that median: the process was stopped (SIGSTOP while a
/// benchmark runs) or starved, and that time was not spent training.
class ActiveTime {
public:
    explicit ActiveTime(double earlier) : total_(earlier) {}
    void addStep(double seconds) {
        double counted = seconds;
        if (recent_.size() >= 5) {
            auto sorted = recent_;
            std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
            counted = std::min(seconds, 4.0 * sorted[sorted.size() / 2]);
        }
        recent_.push_back(counted);
        if (recent_.size() > 25) recent_.erase(recent_.begin());
        total_ += counted;
    }
    void addUncapped(double seconds) { total_ += seconds; }  // validation, checkpoints
    double total() const { return total_; }

private:
    double total_;
    std::vector<double> recent_;
};

}  // namespace lesiondelta::ml
