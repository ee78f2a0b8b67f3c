#pragma once
// Named tensors plus string metadata in the safetensors layout that weights files use (an 8-byte
// little-endian header length, a JSON header, then raw little-endian tensor data), for any of the
// dtypes F32, F16, U8, I16, I32, I64. The header's "__metadata__" holds strings, always with
// "format", "format_version" and "data_sha256" (SHA-256 of the data section). Used by the training
// atlas (TrainingAtlas.h); any safetensors reader can open these files.
#include <torch/torch.h>

#include <map>
#include <string>

namespace lesiondelta::ml {

struct TensorFileContents {
    std::map<std::string, torch::Tensor> tensors;  // CPU tensors, as stored
    std::map<std::string, std::string> metadata;   // __metadata__, format keys included
};

/// Writes atomically (temporary file in the same folder, then rename): a failure (full disk,
/// no permission) leaves any earlier file untouched and throws WeightsError naming `path`.
void writeTensorFile(const std::string& path, const std::string& format, const std::string& formatVersion,
                     const std::map<std::string, torch::Tensor>& tensors, std::map<std::string, std::string> metadata);

/// Reads and checks a file written by writeTensorFile: its format and version must match, the
/// layout must be consistent and the checksum right. Throws WeightsError naming `path` and the
/// problem (not found, truncated, other format or version, corrupt, unknown dtype).
TensorFileContents readTensorFile(const std::string& path, const std::string& format, const std::string& formatVersion);

}  // namespace lesiondelta::ml
