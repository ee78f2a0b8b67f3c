#pragma once
// The weights file: the safetensors layout (an 8-byte little-endian header length, a JSON header,
// then raw little-endian float32 tensors), so any safetensors reader and any LibTorch version can
// read it. The header's "__metadata__" holds strings: format, format_version, architecture,
// base_width, threshold, training_data, training_command, date, project_version and data_sha256
// (SHA-256 of the tensor data section). See docs in README ("Weights file").
#include <map>
#include <stdexcept>
#include <string>

#include "lesiondelta/ml/LesionChangeNet.h"

namespace lesiondelta::ml {

/// A weights file that cannot be used; what() names the file and the problem in one line.
class WeightsError : public std::runtime_error {
public:
    WeightsError(const std::string& path, const std::string& problem) : std::runtime_error(path + ": " + problem) {}
};

struct ModelMetadata {
    std::string architecture = "LesionChangeNet";
    int baseWidth = 16;
    double threshold = 0.4;
    std::string trainingData;
    std::string trainingCommand;
    std::string date;
    std::string projectVersion;
    std::string dataSha256;                    // filled in by save/load
    std::map<std::string, std::string> extra;  // further keys, kept as they are
};

struct LoadedModel {
    LesionChangeNet net{nullptr};
    ModelMetadata metadata;
};

/// Writes the network's parameters and metadata atomically (temporary file, then rename).
/// Returns the data checksum.
std::string saveWeights(LesionChangeNet& net, ModelMetadata metadata, const std::string& path);

/// Reads only the header: metadata without building the network. Validates the layout.
ModelMetadata readWeightsMetadata(const std::string& path);

/// Builds the network the file describes and loads its parameters. Throws WeightsError when the
/// file is missing, truncated, corrupt (checksum) or for another architecture.
LoadedModel loadWeights(const std::string& path);

}  // namespace lesiondelta::ml
