// PairSynthesizer::nextSeries: a synthetic patient course with the pair synthesis's parts (atlas
// anatomy, bank lesions, shared deformation, per-visit acquisition).
#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "SynthesisOps.h"
#include "lesiondelta/ml/PairSynthesizer.h"

namespace lesiondelta::ml {

using namespace synthesis;
using Vec3 = std::array<int64_t, 3>;

namespace {

struct PlannedLesion {
    torch::Tensor soft, grownSoft;  // partial-volume profiles, [z, y, x] region-sized boxes
    Vec3 start;                     // region voxel of the boxes' corner
    double contrast;
    int appears, enlarges;
    int64_t bankVoxels;
};

void addAt(torch::Tensor& x, const torch::Tensor& patch, const Vec3& start, double scale) {
    torch::Tensor xv, pv;
    if (overlapViews(x, patch, start, xv, pv)) xv.add_(pv * scale);
}

void markAt(torch::Tensor& x, const torch::Tensor& patch, const Vec3& start) {
    torch::Tensor xv, pv;
    if (overlapViews(x, patch, start, xv, pv)) xv.copy_(torch::maximum(xv, pv));
}

}  // namespace

SyntheticSeries PairSynthesizer::nextSeries(const SeriesPlan& plan) {
    if (plan.visits < 2) throw std::invalid_argument("a series needs at least two visits");
    const int64_t p = o_.crop, q = p + 8, r = int64_t(std::ceil(q * 1.25)) + 12;
    const Scan& s = scans_[std::uniform_int_distribution<std::size_t>(0, scans_.size() - 1)(rng_)];
    const auto& a = *s.source;
    const Vec3 anchor = s.brainCentre;
    Vec3 start;
    for (int d = 0; d < 3; ++d) start[d] = anchor[d] - r / 2;
    const auto region = regionOf(s.flair, start, r, float(s.background));
    // Occupied: the scan's own lesions (stable through the course) and the planned ones.
    auto occupied = torch::zeros_like(region);
    for (const auto b : s.own) {
        const auto& o = atlas_.bank[b].mniOrigin;
        const Vec3 st{o[0] - a.mniCropStart[0] - start[0], o[1] - a.mniCropStart[1] - start[1],
                      o[2] - a.mniCropStart[2] - start[2]};
        markAt(occupied, atlas_.bank[b].mask.to(device_, torch::kFloat32), st);
    }

    // 1. The plan: lesions new at visits 1..V-1, some larger again at a later visit.
    std::vector<PlannedLesion> planned;
    for (int v = 1; v < plan.visits && !plan.quiet; ++v) {
        const int count = std::uniform_int_distribution<int>(1, std::max(1, plan.maxNewPerInterval))(rng_);
        for (int i = 0; i < count; ++i) {
            Placed pl;
            pl.lesion = drawInsert(false);
            for (int d = 0; d < 3; ++d) pl.flip[d] = uniform(rng_, 0, 1) < 0.5;
            const auto patch = F::pad(lesionPatch(pl), F::PadFuncOptions({4, 4, 4, 4, 4, 4}));
            const auto grown = dilate(patch.unsqueeze(0).unsqueeze(0), 1).squeeze(0).squeeze(0);
            // Apart from everything else by 3 voxels, so that no two findings touch.
            const auto halo = dilate(grown.unsqueeze(0).unsqueeze(0), 3).squeeze(0).squeeze(0);
            bool placed = false;
            for (int t = 0; t < 100 && !placed; ++t) {  // deep tissue inside the crop, 12 voxels from its faces
                const Vec3 centre = randomBrainVoxel(s);
                bool inside = true;
                for (int d = 0; d < 3; ++d) inside &= std::abs(centre[d] - (start[d] + r / 2)) < p / 2 - 12;
                if (!inside || !goodInsertSite(s, centre)) continue;
                for (int d = 0; d < 3; ++d) pl.start[d] = centre[d] - start[d] - patch.size(d) / 2;
                torch::Tensor ov, hv;
                placed = overlapViews(occupied, halo, pl.start, ov, hv) && (ov * hv).sum().item<double>() == 0;
            }
            if (!placed) continue;
            markAt(occupied, halo, pl.start);
            PlannedLesion l;
            const double sigma = uniform(rng_, 0.5, 0.8);
            auto soften = [&](const torch::Tensor& m) {
                return blur(m.unsqueeze(0).unsqueeze(0), {sigma, sigma, sigma}).squeeze(0).squeeze(0);
            };
            l.soft = soften(patch);
            l.grownSoft = soften(grown);
            l.start = pl.start;
            l.contrast = lesionContrast_ * uniform(rng_, o_.contrastMin, o_.contrastMax);
            l.appears = v;
            l.enlarges = v + 1 < plan.visits && uniform(rng_, 0, 1) < plan.enlargeFraction
                             ? std::uniform_int_distribution<int>(v + 1, plan.visits - 1)(rng_)
                             : -1;
            l.bankVoxels = atlas_.bank[pl.lesion].voxels;
            planned.push_back(std::move(l));
        }
    }

    // 2. Each visit's anatomy, each interval's target and the identities, on the region.
    std::vector<torch::Tensor> channels;
    for (int v = 0; v < plan.visits; ++v) {
        auto x = region.clone();
        for (const auto& l : planned)
            if (l.appears <= v)
                addAt(x, l.enlarges >= 0 && l.enlarges <= v ? l.grownSoft : l.soft, l.start, l.contrast);
        channels.push_back(x);
    }
    for (int v = 1; v < plan.visits; ++v) {
        auto t = torch::zeros_like(region);
        for (const auto& l : planned) {
            if (l.appears == v) markAt(t, (l.soft >= 0.5).to(torch::kFloat32), l.start);
            if (l.enlarges == v)
                markAt(t, ((l.grownSoft >= 0.5).to(torch::kFloat32) - (l.soft >= 0.5).to(torch::kFloat32)).clamp_min(0),
                       l.start);
        }
        channels.push_back(t);
    }
    for (const auto& l : planned) {
        auto id = torch::zeros_like(region);
        markAt(id, ((l.enlarges >= 0 ? l.grownSoft : l.soft) >= 0.5).to(torch::kFloat32), l.start);
        channels.push_back(id);
    }

    // 3. The anatomy's deformation, shared by all visits (as in a pair).
    const auto positions = deformation(q, r);
    auto warp = [&](const torch::Tensor& x) { return sampleAt(x.unsqueeze(0).unsqueeze(0), positions); };
    auto centre = [&](const torch::Tensor& t) {
        return t.narrow(2, 4, p).narrow(3, 4, p).narrow(4, 4, p).contiguous();
    };

    // 4. Each visit acquired on its own; all but the last (the reference) slightly moved.
    SyntheticSeries out;
    const int protocolAxis = drawSliceAxis();
    double protocolMm = 0;
    for (int v = 0; v < plan.visits; ++v) {
        std::string note;
        const int axis = drawSliceAxis(protocolAxis);
        double mm = v == 0 ? 0.0 : followUpThickness(protocolMm, protocolAxis, axis);
        out.visits.push_back(centre(acquire(warp(channels[v]), s, axis, mm, v + 1 < plan.visits, note)));
        if (v == 0) protocolMm = mm;
        out.visitNotes.push_back(note);
    }
    for (int v = 1; v < plan.visits; ++v)
        out.intervalTargets.push_back(centre((warp(channels[plan.visits + v - 1]) >= 0.5).to(torch::kFloat32)));
    out.lesionIds = torch::zeros({p, p, p}, torch::TensorOptions().dtype(torch::kInt16).device(device_));
    for (std::size_t i = 0; i < planned.size(); ++i) {
        const auto id = centre(warp(channels[2 * plan.visits - 1 + i]))[0][0] >= 0.5;
        out.lesionIds.masked_fill_(id, int16_t(i + 1));
        out.lesions.push_back({planned[i].appears, planned[i].enlarges, planned[i].bankVoxels});
    }
    std::ostringstream d;
    d << a.name << ", " << plan.visits << " visits, " << planned.size() << " lesions new";
    int again = 0;
    for (const auto& l : planned) again += l.enlarges >= 0;
    d << ", " << again << " enlarging again";
    out.description = d.str();
    return out;
}

}  // namespace lesiondelta::ml
