#include "lesiondelta/ml/TensorFile.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

#include "lesiondelta/ml/Sha256.h"
#include "lesiondelta/ml/WeightsFile.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace lesiondelta::ml {
namespace {

constexpr std::uint64_t kMaxHeaderBytes = 64ull << 20;

struct DtypeName {
    torch::ScalarType type;
    const char* name;
};
constexpr DtypeName kDtypes[] = {{torch::kFloat32, "F32"}, {torch::kFloat16, "F16"}, {torch::kUInt8, "U8"},
                                 {torch::kInt16, "I16"},   {torch::kInt32, "I32"},   {torch::kInt64, "I64"}};

const char* nameOf(torch::ScalarType t) {
    for (const auto& d : kDtypes)
        if (d.type == t) return d.name;
    return nullptr;
}

}  // namespace

void writeTensorFile(const std::string& path, const std::string& format, const std::string& formatVersion,
                     const std::map<std::string, torch::Tensor>& tensors, std::map<std::string, std::string> metadata) {
    json header = json::object();
    std::vector<torch::Tensor> blobs;
    std::uint64_t offset = 0;
    Sha256 sha;
    for (const auto& [name, tensor] : tensors) {
        const char* dtype = nameOf(tensor.scalar_type());
        if (!dtype) throw WeightsError(path, "tensor '" + name + "' has a dtype the file format does not hold");
        auto cpu = tensor.detach().to(torch::kCPU).contiguous();
        const std::uint64_t bytes = static_cast<std::uint64_t>(cpu.numel()) * cpu.element_size();
        header[name] = {{"dtype", dtype}, {"shape", cpu.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        sha.update(cpu.data_ptr(), bytes);
        blobs.push_back(cpu);
    }
    metadata["format"] = format;
    metadata["format_version"] = formatVersion;
    metadata["data_sha256"] = sha.hexDigest();
    header["__metadata__"] = metadata;
    std::string text = header.dump();
    while ((8 + text.size()) % 8) text += ' ';

    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    const fs::path temp = folder / (".ld-tmp-" + std::to_string(rd()) + "-" + target.filename().string());
    bool ok = false;
    {
        std::ofstream out(temp, std::ios::binary);
        if (out) {
            const std::uint64_t headerBytes = text.size();
            out.write(reinterpret_cast<const char*>(&headerBytes), 8);
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            for (const auto& b : blobs) out.write(static_cast<const char*>(b.data_ptr()), b.numel() * b.element_size());
            out.flush();
            ok = bool(out);
        }
    }
    std::error_code ec;
    if (ok) fs::rename(temp, target, ec);
    if (!ok || ec) {
        fs::remove(temp, ec);
        throw WeightsError(path, "cannot be written (disk full, or no permission to write in " + folder.string() + ")");
    }
}

TensorFileContents readTensorFile(const std::string& path, const std::string& format,
                                  const std::string& formatVersion) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw WeightsError(path, "file not found");
    if (fs::is_directory(path, ec)) throw WeightsError(path, "is a folder, not a " + format + " file");
    const std::uint64_t fileBytes = fs::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw WeightsError(path, "cannot be opened");
    if (fileBytes < 8) throw WeightsError(path, "is truncated (no header)");
    std::uint64_t headerBytes = 0;
    in.read(reinterpret_cast<char*>(&headerBytes), 8);
    if (headerBytes == 0 || headerBytes > kMaxHeaderBytes)
        throw WeightsError(path, "is not a " + format + " file (bad header length)");
    if (headerBytes > fileBytes - 8) throw WeightsError(path, "is truncated (header incomplete)");
    std::string text(headerBytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(headerBytes));
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception&) {
        throw WeightsError(path, "is not a " + format + " file (header is not JSON)");
    }
    if (!j.is_object() || !j.contains("__metadata__") || !j["__metadata__"].is_object()) {
        throw WeightsError(path, "is not a " + format + " file (no metadata)");
    }
    TensorFileContents c;
    for (const auto& [k, v] : j["__metadata__"].items()) {
        if (v.is_string()) c.metadata[k] = v.get<std::string>();
    }
    if (c.metadata["format"] != format) throw WeightsError(path, "is not a " + format + " file");
    if (c.metadata["format_version"] != formatVersion) {
        throw WeightsError(path, "is a " + format + " file of version " + c.metadata["format_version"] +
                                     "; this program reads version " + formatVersion + " (make it again)");
    }
    j.erase("__metadata__");
    const std::uint64_t dataStart = 8 + headerBytes, dataBytes = fileBytes - dataStart;
    std::vector<char> data(dataBytes);
    in.seekg(static_cast<std::streamoff>(dataStart));
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (!in) throw WeightsError(path, "cannot be read");
    std::uint64_t used = 0;
    for (const auto& [name, e] : j.items()) {
        torch::ScalarType type{};
        bool known = false;
        const std::string dtype = e.is_object() ? e.value("dtype", "") : "";
        for (const auto& d : kDtypes)
            if (dtype == d.name) type = d.type, known = true;
        if (!known || !e.contains("shape") || !e.contains("data_offsets")) {
            throw WeightsError(path, "has an unreadable entry for tensor '" + name + "'");
        }
        std::vector<int64_t> shape;
        std::uint64_t begin = 0, end = 0;
        try {
            shape = e["shape"].get<std::vector<int64_t>>();
            begin = e["data_offsets"].at(0).get<std::uint64_t>();
            end = e["data_offsets"].at(1).get<std::uint64_t>();
        } catch (const json::exception&) {
            throw WeightsError(path, "has an unreadable shape or offsets for tensor '" + name + "'");
        }
        auto t = torch::empty(shape, torch::TensorOptions().dtype(type));
        if (end < begin || end - begin != static_cast<std::uint64_t>(t.numel()) * t.element_size()) {
            throw WeightsError(path, "has inconsistent offsets for tensor '" + name + "'");
        }
        if (end > data.size()) throw WeightsError(path, "is truncated (tensor '" + name + "' incomplete)");
        std::memcpy(t.data_ptr(), data.data() + begin, end - begin);
        used = std::max(used, end);
        c.tensors[name] = t;
    }
    Sha256 sha;
    sha.update(data.data(), used);
    if (sha.hexDigest() != c.metadata["data_sha256"]) throw WeightsError(path, "is corrupt (checksum mismatch)");
    return c;
}

}  // namespace lesiondelta::ml
