// libFuzzer harness: the weights-file reader's header path (readWeightsMetadata: length prefix,
// JSON header, metadata) on arbitrary bytes. A file that is not a weights file must give a
// WeightsError, never a crash or an allocation of what a hostile length claims.
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "lesiondelta/ml/WeightsFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/lesiondelta-fuzz-" + std::to_string(getpid()) + ".safetensors";
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), std::streamsize(size));
    try {
        lesiondelta::ml::readWeightsMetadata(path);
    } catch (const lesiondelta::ml::WeightsError&) {
        // refused with a message: fine
    }
    return 0;
}
