#pragma once
// Times a job's stages into a JSON object ("<stage>_s": seconds since the previous stage).
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

namespace lesiondelta {

class StageClock {
public:
    explicit StageClock(nlohmann::json& timings) : timings_(timings) {}
    void restart() { last_ = std::chrono::steady_clock::now(); }
    void done(const std::string& stage) {
        const auto now = std::chrono::steady_clock::now();
        timings_[stage + "_s"] = std::chrono::duration<double>(now - last_).count();
        last_ = now;
    }

private:
    nlohmann::json& timings_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace lesiondelta
