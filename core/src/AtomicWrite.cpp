#include "lesiondelta/core/AtomicWrite.h"

#include <filesystem>
#include <random>

#include "lesiondelta/core/VolumeError.h"

namespace fs = std::filesystem;

namespace lesiondelta {

void writeAtomically(const std::string& path, const std::function<void(const std::string&)>& write) {
    if (path.empty()) throw VolumeError("", "no output file name given");
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw VolumeError(path, "cannot be written: its folder does not exist");
    std::random_device rd;
    const fs::path temp = folder / (".ld-tmp-" + std::to_string(rd()) + "-" + target.filename().string());
    try {
        write(temp.string());
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw VolumeError(path, "cannot be written: " + ec.message());
    }
}

}  // namespace lesiondelta
