#pragma once
// A small training atlas made in memory for tests: ellipsoidal "brains" of textured tissue
// (z-score about 0) on a dark background (-2), scan "mni/a" with its own lesions (bright balls),
// raw scan "raw/b" without, held-out scan "mni/held" with one lesion, and a bank of balls of
// 12-400 voxels, some with MNI positions.
#include <torch/torch.h>

#include "lesiondelta/ml/TrainingAtlas.h"

namespace lesiondelta::testing {

inline torch::Tensor ball(int64_t radius) {
    const int64_t n = 2 * radius + 1;
    const auto r = torch::arange(n, torch::kFloat32) - radius;
    const auto d = r.view({n, 1, 1}).square() + r.view({1, n, 1}).square() + r.view({1, 1, n}).square();
    return (d <= float(radius * radius) + 0.5f).to(torch::kUInt8);
}

inline ml::AtlasScan phantomScan(const std::string& name, int64_t size, unsigned seed) {
    torch::manual_seed(seed);
    ml::AtlasScan s;
    s.name = name;
    const auto r = torch::arange(size, torch::kFloat32) - (size - 1) / 2.0f;
    const float a = size * 0.42f;
    const auto d =
        (r.view({size, 1, 1}).square() + r.view({1, size, 1}).square() + r.view({1, 1, size}).square()) / (a * a);
    s.brain = (d <= 1.0f).to(torch::kUInt8);
    const auto texture =
        torch::nn::functional::avg_pool3d(torch::randn({1, 1, size, size, size}),
                                          torch::nn::functional::AvgPool3dFuncOptions(3).stride(1).padding(1))[0][0];
    s.flair = torch::where(s.brain.to(torch::kBool), texture * 0.6f, torch::full_like(texture, -2.0f));
    s.tissueMedian = 0.0;
    return s;
}

inline ml::TrainingAtlas tinyAtlas(int64_t size = 64) {
    ml::TrainingAtlas atlas;
    atlas.description = "tiny test atlas";
    auto a = phantomScan("mni/a", size, 1);
    a.mni = true;
    a.ownLesions = "mni/a";
    a.lesionContrast = 1.5;
    auto b = phantomScan("raw/b", size, 2);
    auto held = phantomScan("mni/held", size, 3);
    held.mni = true;
    held.heldOut = true;
    held.ownLesions = "mni/held";
    // Own lesions of "mni/a": two balls, painted bright into its FLAIR.
    auto addOwn = [&](ml::AtlasScan& scan, int64_t radius, std::array<int64_t, 3> corner, bool heldOut) {
        ml::BankLesion l;
        l.source = scan.ownLesions;
        l.mask = ball(radius);
        l.voxels = l.mask.sum().item<int64_t>();
        l.mniOrigin = corner;
        l.heldOut = heldOut;
        const int64_t n = 2 * radius + 1;
        auto view = scan.flair.slice(0, corner[0], corner[0] + n)
                        .slice(1, corner[1], corner[1] + n)
                        .slice(2, corner[2], corner[2] + n);
        view.copy_(torch::where(l.mask.to(torch::kBool), view + 1.5f, view));
        atlas.bank.push_back(l);
    };
    const int64_t c = size / 2;
    addOwn(a, 3, {c - 10, c - 3, c - 3}, false);
    addOwn(a, 2, {c + 6, c + 4, c - 8}, false);
    addOwn(held, 3, {c - 3, c - 3, c + 5}, true);
    for (int64_t radius : {2, 2, 3, 3, 4}) {  // bank-only lesions, 33-257 voxels; two with MNI positions
        ml::BankLesion l;
        l.source = "mni/other";
        l.mask = ball(radius);
        l.voxels = l.mask.sum().item<int64_t>();
        if (radius == 3) l.mniOrigin = {c - 3 + radius, c - 3, c - 3 - 2 * radius};
        atlas.bank.push_back(l);
    }
    atlas.scans = {a, b, held};
    return atlas;
}

/// `atlas` with a real pair "longitudinal/t": a phantom brain scanned twice (independent noise),
/// FU with two new bright balls (the target) that BL lacks.
inline ml::TrainingAtlas withRealPair(ml::TrainingAtlas atlas, int64_t size = 64) {
    const auto scan = phantomScan("longitudinal/t", size, 4);
    ml::AtlasRealPair r;
    r.name = "longitudinal/t";
    r.region = scan.brain.clone();
    r.target = torch::zeros_like(scan.brain);
    const int64_t c = size / 2;
    for (const auto& corner : {std::array<int64_t, 3>{c - 8, c - 2, c - 2}, std::array<int64_t, 3>{c + 4, c + 3, c}}) {
        r.target.slice(0, corner[0], corner[0] + 5)
            .slice(1, corner[1], corner[1] + 5)
            .slice(2, corner[2], corner[2] + 5)
            .copy_(ball(2));
    }
    r.bl = scan.flair + 0.05f * torch::randn_like(scan.flair);
    r.fu = scan.flair + 0.05f * torch::randn_like(scan.flair) + 2.0f * r.target.to(torch::kFloat32);
    atlas.realPairs.push_back(r);
    return atlas;
}

}  // namespace lesiondelta::testing
