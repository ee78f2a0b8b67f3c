#include "lesiondelta/ml/TrainingAtlas.h"

#include <nlohmann/json.hpp>

#include "lesiondelta/ml/TensorFile.h"
#include "lesiondelta/ml/WeightsFile.h"

using nlohmann::json;

namespace lesiondelta::ml {
namespace {

// FLAIR z-scores quantised to 8 bits over [lo, hi]: a step of about 0.05 sd, well below scan noise.
struct Quantised {
    torch::Tensor q;
    double offset, scale;
};

Quantised quantise(const torch::Tensor& z) {
    const auto flat = z.flatten().to(torch::kFloat32);
    const double lo = flat.min().item<double>();
    const double hi = std::max(lo + 1e-3, std::min(flat.max().item<double>(), 12.0));
    const double scale = (hi - lo) / 255.0;
    auto q = ((z - lo) / scale).round().clamp(0, 255).to(torch::kUInt8);
    return {q, lo, scale};
}

// Masks as bits, 8 voxels a byte (least significant bit first): brain masks are 0/1.
torch::Tensor packBits(const torch::Tensor& mask) {
    auto flat = (mask.flatten() != 0).to(torch::kInt32);
    const int64_t n = flat.numel(), padded = (n + 7) / 8 * 8;
    flat = torch::cat({flat, torch::zeros({padded - n}, flat.options())}).view({-1, 8});
    const auto weights = torch::tensor({1, 2, 4, 8, 16, 32, 64, 128}, flat.options());
    return (flat * weights).sum(1).to(torch::kUInt8);
}

torch::Tensor unpackBits(const torch::Tensor& packed, const std::vector<int64_t>& shape) {
    int64_t n = 1;
    for (auto s : shape) n *= s;
    const auto weights = torch::tensor({1, 2, 4, 8, 16, 32, 64, 128}, torch::kInt32);
    const auto bits = torch::div(packed.to(torch::kInt32).unsqueeze(1), weights, "floor").remainder(2);
    return bits.flatten().narrow(0, 0, n).to(torch::kUInt8).view(shape);
}

}  // namespace

void saveAtlas(const TrainingAtlas& atlas, const std::string& path) {
    std::map<std::string, torch::Tensor> tensors;
    json scans = json::array(), sources = json::array();
    for (const auto& s : atlas.scans) {
        const auto q = quantise(s.flair);
        tensors["scan/" + s.name + "/flair"] = q.q;
        tensors["scan/" + s.name + "/brain"] = packBits(s.brain);
        scans.push_back({{"name", s.name},
                         {"mni", s.mni},
                         {"held_out", s.heldOut},
                         {"mni_crop_start", s.mniCropStart},
                         {"offset", q.offset},
                         {"scale", q.scale},
                         {"own_lesions", s.ownLesions},
                         {"tissue_median", s.tissueMedian},
                         {"lesion_contrast", s.lesionContrast}});
    }
    std::vector<int32_t> boxes;
    std::vector<torch::Tensor> masks;
    std::map<std::string, int> sourceIds;
    for (const auto& l : atlas.bank) {
        if (!sourceIds.count(l.source)) {
            sourceIds[l.source] = int(sources.size());
            sources.push_back(l.source);
        }
        const auto size = l.mask.sizes();
        for (int a = 0; a < 3; ++a) boxes.push_back(int32_t(size[a]));
        for (int a = 0; a < 3; ++a) boxes.push_back(int32_t(l.mniOrigin[a]));
        boxes.push_back(int32_t(l.voxels));
        boxes.push_back(sourceIds[l.source]);
        boxes.push_back(l.heldOut ? 1 : 0);
        masks.push_back(l.mask.to(torch::kUInt8).flatten());
    }
    if (!atlas.bank.empty()) {
        tensors["bank/boxes"] = torch::tensor(boxes, torch::kInt32).view({int64_t(atlas.bank.size()), 9});
        tensors["bank/masks"] = torch::cat(masks);
    }
    json realPairs = json::array();
    for (const auto& r : atlas.realPairs) {
        const auto bl = quantise(r.bl), fu = quantise(r.fu);
        tensors["real/" + r.name + "/bl"] = bl.q;
        tensors["real/" + r.name + "/fu"] = fu.q;
        tensors["real/" + r.name + "/target"] = packBits(r.target);
        tensors["real/" + r.name + "/region"] = packBits(r.region);
        realPairs.push_back({{"name", r.name},
                             {"bl_offset", bl.offset},
                             {"bl_scale", bl.scale},
                             {"fu_offset", fu.offset},
                             {"fu_scale", fu.scale}});
    }
    json layout = {{"scans", scans}, {"bank_sources", sources}};
    if (!realPairs.empty()) layout["real_pairs"] = realPairs;  // absent: as atlases before it
    writeTensorFile(path, kAtlasFormat, kAtlasFormatVersion, tensors,
                    {{"atlas", layout.dump()}, {"description", atlas.description}});
}

TrainingAtlas loadAtlas(const std::string& path) {
    auto c = readTensorFile(path, kAtlasFormat, kAtlasFormatVersion);
    TrainingAtlas atlas;
    atlas.description = c.metadata["description"];
    json layout;
    try {
        layout = json::parse(c.metadata["atlas"]);
        for (const auto& j : layout.at("scans")) {
            AtlasScan s;
            s.name = j.at("name").get<std::string>();
            s.mni = j.at("mni").get<bool>();
            s.heldOut = j.at("held_out").get<bool>();
            s.mniCropStart = j.at("mni_crop_start").get<std::array<int64_t, 3>>();
            s.ownLesions = j.at("own_lesions").get<std::string>();
            s.tissueMedian = j.at("tissue_median").get<double>();
            s.lesionContrast = j.at("lesion_contrast").get<double>();
            const auto q = c.tensors.find("scan/" + s.name + "/flair"), b = c.tensors.find("scan/" + s.name + "/brain");
            if (q == c.tensors.end() || b == c.tensors.end())
                throw WeightsError(path, "lacks the tensors of scan '" + s.name + "'");
            if (q->second.dim() != 3 || b->second.dim() != 1 || b->second.numel() != (q->second.numel() + 7) / 8) {
                throw WeightsError(path, "scan '" + s.name + "': FLAIR and brain mask differ in size");
            }
            s.flair = q->second.to(torch::kFloat32) * j.at("scale").get<double>() + j.at("offset").get<double>();
            s.brain = unpackBits(b->second, q->second.sizes().vec());
            atlas.scans.push_back(std::move(s));
        }
        const auto sources = layout.at("bank_sources").get<std::vector<std::string>>();
        if (c.tensors.count("bank/boxes")) {
            const auto boxes = c.tensors["bank/boxes"], masks = c.tensors["bank/masks"];
            if (boxes.dim() != 2 || boxes.size(1) != 9) throw WeightsError(path, "has a malformed lesion bank");
            const auto* b = boxes.data_ptr<int32_t>();
            int64_t offset = 0;
            for (int64_t i = 0; i < boxes.size(0); ++i, b += 9) {
                BankLesion l;
                const int64_t n = int64_t(b[0]) * b[1] * b[2];
                if (b[0] < 1 || b[1] < 1 || b[2] < 1 || offset + n > masks.numel() || b[7] < 0 ||
                    b[7] >= int(sources.size())) {
                    throw WeightsError(path, "has a malformed lesion bank (entry " + std::to_string(i) + ")");
                }
                l.mask = masks.narrow(0, offset, n).view({b[0], b[1], b[2]});
                offset += n;
                l.mniOrigin = {b[3], b[4], b[5]};
                l.voxels = b[6];
                l.source = sources[b[7]];
                l.heldOut = b[8] != 0;
                atlas.bank.push_back(std::move(l));
            }
        }
        for (const auto& j : layout.value("real_pairs", json::array())) {
            AtlasRealPair r;
            r.name = j.at("name").get<std::string>();
            auto tensor = [&](const std::string& what) {
                const auto t = c.tensors.find("real/" + r.name + "/" + what);
                if (t == c.tensors.end())
                    throw WeightsError(path, "lacks the " + what + " of real pair '" + r.name + "'");
                return t->second;
            };
            const auto bl = tensor("bl"), fu = tensor("fu"), target = tensor("target"), region = tensor("region");
            if (bl.dim() != 3 || fu.sizes() != bl.sizes() || target.dim() != 1 ||
                target.numel() != (bl.numel() + 7) / 8 || region.numel() != target.numel()) {
                throw WeightsError(path, "real pair '" + r.name + "': its volumes differ in size");
            }
            r.bl = bl.to(torch::kFloat32) * j.at("bl_scale").get<double>() + j.at("bl_offset").get<double>();
            r.fu = fu.to(torch::kFloat32) * j.at("fu_scale").get<double>() + j.at("fu_offset").get<double>();
            r.target = unpackBits(target, bl.sizes().vec());
            r.region = unpackBits(region, bl.sizes().vec());
            atlas.realPairs.push_back(std::move(r));
        }
    } catch (const json::exception& e) {
        throw WeightsError(path, std::string("has an unreadable atlas description (") + e.what() + ")");
    }
    if (atlas.scans.empty()) throw WeightsError(path, "holds no scans");
    return atlas;
}

}  // namespace lesiondelta::ml
