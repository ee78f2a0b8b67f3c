#include "lesiondelta/pipeline/InstalledFiles.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

#include "lesiondelta/core/VolumeError.h"

namespace fs = std::filesystem;

namespace lesiondelta {
namespace {

constexpr const char* kModelFile = "lesiondelta-cnn.safetensors";

}  // namespace

std::string findShippedModel() {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("LESIONDELTA_MODEL"); env && *env) candidates.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share/lesiondelta/models" / kModelFile);
    candidates.push_back(fs::path(LESIONDELTA_SOURCE_DIR) / "resources/models" / kModelFile);
    std::string looked;
    for (const auto& c : candidates) {
        if (fs::is_regular_file(c, ec)) return c.string();
        looked += (looked.empty() ? "" : ", ") + c.string();
    }
    throw VolumeError("", "no trained model is installed (looked in " + looked +
                              "); pass --model FILE or train one with the training program");
}

std::string findSampleCase() {
    std::vector<fs::path> candidates;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share/lesiondelta/sample");
    candidates.push_back(fs::path(LESIONDELTA_SOURCE_DIR) / "resources/sample");
    for (const auto& c : candidates)
        if (fs::is_regular_file(c / "case.json", ec)) return c.string();
    return {};
}

}  // namespace lesiondelta
