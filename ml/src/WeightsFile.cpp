#include "lesiondelta/ml/WeightsFile.h"

#if __cplusplus >= 202002L
#include <bit>
#endif
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <vector>

#include "lesiondelta/ml/Sha256.h"

namespace fs = std::filesystem;
using nlohmann::json;

#if __cplusplus >= 202002L  // (the fuzz build compiles this file as C++17: clang 14 + LibTorch 1.13 headers)
static_assert(std::endian::native == std::endian::little, "weights files are little-endian; so is this code");
#endif

namespace lesiondelta::ml {
namespace {

constexpr const char* kFormat = "lesiondelta-weights";
constexpr const char* kFormatVersion = "1";
constexpr std::uint64_t kMaxHeaderBytes = 64ull << 20;

std::map<std::string, torch::Tensor> namedTensors(LesionChangeNet& net) {
    std::map<std::string, torch::Tensor> tensors;  // sorted: the data section's order
    for (const auto& p : net->named_parameters(true)) tensors[p.key()] = p.value();
    for (const auto& b : net->named_buffers(true)) tensors[b.key()] = b.value();
    return tensors;
}

json metadataJson(const ModelMetadata& m) {
    json j = json::object();
    for (const auto& [k, v] : m.extra) j[k] = v;
    std::ostringstream threshold;
    threshold << m.threshold;
    j["format"] = kFormat;
    j["format_version"] = kFormatVersion;
    j["architecture"] = m.architecture;
    j["base_width"] = std::to_string(m.baseWidth);
    j["threshold"] = threshold.str();
    j["training_data"] = m.trainingData;
    j["training_command"] = m.trainingCommand;
    j["date"] = m.date;
    j["project_version"] = m.projectVersion;
    j["data_sha256"] = m.dataSha256;
    return j;
}

struct Header {
    json tensors;  // name -> {dtype, shape, data_offsets}
    ModelMetadata metadata;
    std::uint64_t dataStart = 0;
    std::uint64_t dataBytes = 0;
};

Header readHeader(const std::string& path, std::ifstream& in) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw WeightsError(path, "weights file not found");
    if (fs::is_directory(path, ec)) throw WeightsError(path, "is a folder, not a weights file");
    const std::uint64_t fileBytes = fs::file_size(path, ec);
    in.open(path, std::ios::binary);
    if (!in) throw WeightsError(path, "cannot be opened");
    if (fileBytes < 8) throw WeightsError(path, "is truncated (no header)");
    std::uint64_t headerBytes = 0;
    in.read(reinterpret_cast<char*>(&headerBytes), 8);
    if (headerBytes == 0 || headerBytes > kMaxHeaderBytes)
        throw WeightsError(path, "is not a LesionDelta weights file (bad header length)");
    if (headerBytes > fileBytes - 8) throw WeightsError(path, "is truncated (header incomplete)");
    std::string text(headerBytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(headerBytes));
    Header h;
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception&) {
        throw WeightsError(path, "is not a LesionDelta weights file (header is not JSON)");
    }
    if (!j.is_object() || !j.contains("__metadata__") || !j["__metadata__"].is_object()) {
        throw WeightsError(path, "is not a LesionDelta weights file (no metadata)");
    }
    const json meta = j["__metadata__"];
    auto text_of = [&](const char* key) -> std::string {
        if (!meta.contains(key) || !meta[key].is_string())
            throw WeightsError(path, std::string("metadata lacks '") + key + "'");
        return meta[key].get<std::string>();
    };
    if (!meta.contains("format") || meta["format"] != kFormat)
        throw WeightsError(path, "is not a LesionDelta weights file");
    if (text_of("format_version") != kFormatVersion) {
        throw WeightsError(path, "has weights format version " + text_of("format_version") +
                                     "; this program reads version " + kFormatVersion);
    }
    ModelMetadata& m = h.metadata;
    m.architecture = text_of("architecture");
    try {
        m.baseWidth = std::stoi(text_of("base_width"));
        m.threshold = std::stod(text_of("threshold"));
    } catch (const std::logic_error&) {
        throw WeightsError(path, "has unreadable base_width or threshold metadata");
    }
    m.trainingData = text_of("training_data");
    m.trainingCommand = text_of("training_command");
    m.date = text_of("date");
    m.projectVersion = text_of("project_version");
    m.dataSha256 = text_of("data_sha256");
    static const std::set<std::string> known{"format",          "format_version", "architecture",     "base_width",
                                             "threshold",       "training_data",  "training_command", "date",
                                             "project_version", "data_sha256"};
    for (const auto& [k, v] : meta.items()) {
        if (!known.count(k) && v.is_string()) m.extra[k] = v.get<std::string>();
    }
    j.erase("__metadata__");
    h.tensors = j;
    h.dataStart = 8 + headerBytes;
    h.dataBytes = fileBytes - h.dataStart;
    return h;
}

}  // namespace

std::string saveWeights(LesionChangeNet& net, ModelMetadata metadata, const std::string& path) {
    torch::NoGradGuard noGrad;
    metadata.baseWidth = net->config().baseWidth;
    json header = json::object();
    std::vector<torch::Tensor> blobs;
    std::uint64_t offset = 0;
    Sha256 sha;
    for (const auto& [name, tensor] : namedTensors(net)) {
        auto cpu = tensor.detach().to(torch::kCPU, torch::kFloat32).contiguous();
        const std::uint64_t bytes = static_cast<std::uint64_t>(cpu.numel()) * 4;
        header[name] = {{"dtype", "F32"}, {"shape", cpu.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        sha.update(cpu.data_ptr<float>(), bytes);
        blobs.push_back(cpu);
    }
    metadata.dataSha256 = sha.hexDigest();
    header["__metadata__"] = metadataJson(metadata);
    std::string text = header.dump();
    while ((8 + text.size()) % 8) text += ' ';  // align the data section (safetensors pads with spaces)

    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    const fs::path temp = folder / (".ld-tmp-" + std::to_string(rd()) + "-" + target.filename().string());
    {
        std::ofstream out(temp, std::ios::binary);
        const std::uint64_t headerBytes = text.size();
        out.write(reinterpret_cast<const char*>(&headerBytes), 8);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const auto& b : blobs) out.write(static_cast<const char*>(b.data_ptr()), b.numel() * 4);
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(temp, ec);
            throw WeightsError(path, "cannot be written");
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw WeightsError(path, "cannot be written: " + ec.message());
    }
    return metadata.dataSha256;
}

ModelMetadata readWeightsMetadata(const std::string& path) {
    std::ifstream in;
    return readHeader(path, in).metadata;
}

LoadedModel loadWeights(const std::string& path) {
    std::ifstream in;
    Header h = readHeader(path, in);
    if (h.metadata.architecture != "LesionChangeNet") {
        throw WeightsError(path,
                           "is for architecture '" + h.metadata.architecture + "'; this program runs LesionChangeNet");
    }
    if (h.metadata.baseWidth < 1 || h.metadata.baseWidth > 256) {
        throw WeightsError(path, "has an implausible base width " + std::to_string(h.metadata.baseWidth));
    }
    NetworkConfig config;
    config.baseWidth = h.metadata.baseWidth;
    LoadedModel model{LesionChangeNet(config), h.metadata};
    auto expected = namedTensors(model.net);
    for (const auto& [name, entry] : h.tensors.items()) {
        if (!expected.count(name))
            throw WeightsError(path, "does not match the architecture: unexpected tensor '" + name + "'");
    }
    // Read the whole data section once: checksum and tensors.
    if (h.dataBytes > (std::uint64_t{8} << 30)) throw WeightsError(path, "is implausibly large");
    std::vector<char> data(h.dataBytes);
    in.seekg(static_cast<std::streamoff>(h.dataStart));
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (!in) throw WeightsError(path, "cannot be read");

    torch::NoGradGuard noGrad;
    std::uint64_t used = 0;
    for (auto& [name, tensor] : expected) {
        if (!h.tensors.contains(name))
            throw WeightsError(path, "does not match the architecture: tensor '" + name + "' is missing");
        const json& e = h.tensors[name];
        if (!e.is_object() || e.value("dtype", "") != "F32" || !e.contains("shape") || !e.contains("data_offsets")) {
            throw WeightsError(path, "has an unreadable entry for tensor '" + name + "'");
        }
        std::vector<int64_t> shape;
        try {
            shape = e["shape"].get<std::vector<int64_t>>();
        } catch (const json::exception&) {
            throw WeightsError(path, "has an unreadable shape for tensor '" + name + "'");
        }
        if (shape != tensor.sizes().vec()) {
            std::ostringstream s;
            s << "does not match the architecture: tensor '" << name << "' has shape " << e["shape"].dump()
              << ", expected " << tensor.sizes();
            throw WeightsError(path, s.str());
        }
        const auto offsets = e["data_offsets"];
        const std::uint64_t begin = offsets.at(0).get<std::uint64_t>(), end = offsets.at(1).get<std::uint64_t>();
        if (end < begin || end - begin != static_cast<std::uint64_t>(tensor.numel()) * 4) {
            throw WeightsError(path, "has inconsistent offsets for tensor '" + name + "'");
        }
        if (end > data.size()) throw WeightsError(path, "is truncated (tensor '" + name + "' incomplete)");
        std::memcpy(tensor.data_ptr<float>(), data.data() + begin, end - begin);
        used = std::max(used, end);
    }
    Sha256 sha;
    sha.update(data.data(), used);
    if (sha.hexDigest() != h.metadata.dataSha256) throw WeightsError(path, "is corrupt (checksum mismatch)");
    model.net->eval();
    return model;
}

}  // namespace lesiondelta::ml
