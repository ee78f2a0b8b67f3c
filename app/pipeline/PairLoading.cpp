#include "lesiondelta/pipeline/PairLoading.h"

#include "StageClock.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/RigidRegistration.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"

namespace lesiondelta {
namespace {

ImageVolume::Pointer readNamed(const std::string& path, const std::string& uid) {
    ReadOptions o;
    o.dicomSeriesUid = uid;
    return readVolume(path, o);
}

}  // namespace

RegisteredPair loadAndRegisterPair(const SegmentationInput& input, nlohmann::json& timings,
                                   const PairLoadHooks& hooks) {
    StageClock clock(timings);
    if (input.progress && !input.progress(0.0, "loading")) throw Cancelled();
    RegisteredPair pair;
    pair.bl = readNamed(input.blPath, input.blSeriesUid);
    pair.fu = readNamed(input.fuPath, input.fuSeriesUid);
    clock.done("load_images");
    if (hooks.scansRead) hooks.scansRead(pair);
    if (hooks.preview) {
        RegisteredPair preview = pair;
        preview.blInFu = resampleLinear(*pair.bl, *pair.fu);
        hooks.preview(preview);
    }
    clock.restart();
    RegistrationOptions options;
    const auto registration = progressShare(input.progress, 0.1, 1.0);  // loading: the first tenth
    options.progress = [&](double f, const std::string&) { return registration(f, "registration"); };
    try {
        pair.registration = registerRigid(*pair.fu, *pair.bl, options);
    } catch (const VolumeError& e) {
        // core names the scans BL and FU; the user knows them by their files.
        const std::string which = e.path() == "BL" ? input.blPath : e.path() == "FU" ? input.fuPath : "";
        if (!which.empty()) throw VolumeError(which, e.problem());
        throw VolumeError("", e.problem() + " (BL " + input.blPath + ", FU " + input.fuPath + ")");
    }
    pair.blInFu = resampleLinear(*pair.bl, *pair.fu, pair.registration.fuToBl);
    clock.done("registration");
    return pair;
}

}  // namespace lesiondelta
