#pragma once
// Where the installed (or source tree's) model and sample case are.
#include <string>

namespace lesiondelta {

/// The shipped model: $LESIONDELTA_MODEL, else <prefix>/share/lesiondelta/models/ next to the
/// executable, else the source tree's resources/models/. Throws VolumeError when none exists.
std::string findShippedModel();

/// The installed sample case folder (<prefix>/share/lesiondelta/sample next to the executable's
/// prefix, else resources/sample of the source tree); empty when neither exists.
std::string findSampleCase();

}  // namespace lesiondelta
