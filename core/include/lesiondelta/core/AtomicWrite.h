#pragma once
#include <functional>
#include <string>

namespace lesiondelta {

/// Writes a file so that a failure or a crash never leaves it half-written: `write` is called with
/// a temporary path in the target's folder (same file name ending, so format detection by
/// extension still works), and the temporary file is then renamed over `path`. On any failure the
/// temporary file is removed and the exception passed on; a failed rename throws VolumeError.
void writeAtomically(const std::string& path, const std::function<void(const std::string& tempPath)>& write);

}  // namespace lesiondelta
