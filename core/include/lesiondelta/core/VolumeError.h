#pragma once
#include <stdexcept>
#include <string>

namespace lesiondelta {

/// Thrown for any input the pipeline cannot use. what() is one line that names the file (when
/// there is one) and the problem, ready to show to a user.
class VolumeError : public std::runtime_error {
public:
    VolumeError(const std::string& path, const std::string& problem)
        : std::runtime_error(path.empty() ? problem : path + ": " + problem), path_(path), problem_(problem) {}
    const std::string& path() const { return path_; }
    const std::string& problem() const { return problem_; }

private:
    std::string path_;
    std::string problem_;
};

}  // namespace lesiondelta
