#pragma once
// Reading a BL/FU pair (files or DICOM folders) and registering BL to FU, as every detection and
// the window's opening do.
#include <functional>
#include <nlohmann/json.hpp>

#include "lesiondelta/pipeline/SegmentationTypes.h"

namespace lesiondelta {

/// What loadAndRegisterPair reports before it registers; both optional.
struct PairLoadHooks {
    /// BL and FU as read (blInFu empty): start work that needs no registration.
    std::function<void(const RegisteredPair&)> scansRead;
    /// BL and FU as read and blInFu BL resampled by physical coordinates alone: a preview to show.
    std::function<void(const RegisteredPair&)> preview;
};

/// Reads BL and FU and registers BL to FU (input.progress counts 0..1 over both; callers that do
/// more give it a share with progressShare); errors name the files. Adds
/// load_images_s and registration_s to `timings`. `hooks` are called, in the order declared, once
/// the scans are read and before registration starts.
RegisteredPair loadAndRegisterPair(const SegmentationInput& input, nlohmann::json& timings,
                                   const PairLoadHooks& hooks = {});

}  // namespace lesiondelta
