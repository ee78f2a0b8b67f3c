// libFuzzer harness: the volume loader's first stage (checkNiftiFile, which runs below ITK on
// every .nii/.nii.gz a user opens). Any input must end in a result or a VolumeError - no crash,
// no sanitizer report, no hang, no unbounded allocation.
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "lesiondelta/core/NiftiFileCheck.h"
#include "lesiondelta/core/VolumeError.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/lesiondelta-fuzz-" + std::to_string(getpid()) + ".nii";
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), std::streamsize(size));
    try {
        lesiondelta::checkNiftiFile(path, std::uint64_t{1} << 24);
    } catch (const lesiondelta::VolumeError&) {
        // refused with a message: fine
    }
    return 0;
}
