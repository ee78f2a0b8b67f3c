// PairSynthesizer::synthesise: anatomy region, lesion change, deformation, both acquisitions.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "SynthesisOps.h"
#include "lesiondelta/ml/CropResolutionMatching.h"
#include "lesiondelta/ml/PairSynthesizer.h"

namespace lesiondelta::ml {

using namespace synthesis;
using Vec3 = std::array<int64_t, 3>;

namespace {

/// Normal-appearing tissue in place of lesions: a normalised convolution (sigma 3 voxels) of `x`
/// over brain voxels outside `exclude` whose value lies near the tissue median `tissue` (so
/// neither CSF nor lesions darken or brighten the fill), plus noise of the local detail level.
torch::Tensor inpaintingFill(const torch::Tensor& x, const torch::Tensor& exclude, const torch::Tensor& brain,
                             double tissue) {
    const auto x5 = x.unsqueeze(0).unsqueeze(0);
    const auto normal = ((x5 > tissue - 0.6) & (x5 < tissue + 0.8)).to(x.dtype());
    const auto valid = (1 - dilate(exclude.unsqueeze(0).unsqueeze(0), 1)) * brain.unsqueeze(0).unsqueeze(0) * normal;
    const auto fill = blur(x5 * valid, {3.0, 3.0, 3.0}) / blur(valid, {3.0, 3.0, 3.0}).clamp_min(1e-3);
    const auto detail = x5 - blur(x5, {1.0, 1.0, 1.0});
    const double sd = valid.sum().item<double>() > 100
                          ? (detail * valid).square().sum().item<double>() / valid.sum().item<double>()
                          : 0.01;
    return (fill + std::sqrt(sd) * torch::randn_like(fill)).squeeze(0).squeeze(0);
}

/// Blends `fill` into `x` where the 0/1 `patch` (at `start`) lies, with a soft edge; `strength`
/// < 1 only moves `x` part of the way (a lesion faded, not removed).
void blendIn(torch::Tensor& x, const torch::Tensor& fill, const torch::Tensor& patch, const Vec3& start,
             double strength = 1.0) {
    const auto soft =
        blur(dilate(F::pad(patch, F::PadFuncOptions({2, 2, 2, 2, 2, 2})).unsqueeze(0).unsqueeze(0), 1), {0.6, 0.6, 0.6})
            .clamp(0, 1)
            .squeeze(0)
            .squeeze(0) *
        strength;
    const Vec3 s{start[0] - 2, start[1] - 2, start[2] - 2};
    torch::Tensor xv, pv, fv, unused;
    if (!overlapViews(x, soft, s, xv, pv)) return;
    overlapViews(fill, soft, s, fv, unused);
    xv.copy_(pv * fv + (1 - pv) * xv);
}

void markTarget(torch::Tensor& target, const torch::Tensor& patch, const Vec3& start) {
    torch::Tensor tv, pv;
    if (overlapViews(target, patch, start, tv, pv)) tv.copy_(torch::maximum(tv, pv));
}

}  // namespace

PairSynthesizer::Pair PairSynthesizer::synthesise(bool stable, bool forceChange, bool single) {
    const int64_t p = o_.crop, q = p + 8, r = int64_t(std::ceil(q * 1.25)) + 12;
    const std::size_t si =
        single ? lesionScans_[std::uniform_int_distribution<std::size_t>(0, lesionScans_.size() - 1)(rng_)]
               : std::uniform_int_distribution<std::size_t>(0, scans_.size() - 1)(rng_);
    const Scan& s = scans_[si];
    const auto& a = *s.source;
    auto ownStart = [&](std::size_t b) {  // atlas voxel of an own/MNI bank lesion's box corner
        const auto& o = atlas_.bank[b].mniOrigin;
        return Vec3{o[0] - a.mniCropStart[0], o[1] - a.mniCropStart[1], o[2] - a.mniCropStart[2]};
    };
    auto boxCentre = [&](std::size_t b) {
        auto c = ownStart(b);
        for (int d = 0; d < 3; ++d) c[d] += atlas_.bank[b].mask.size(d) / 2;
        return c;
    };
    // 1. Where: a planned change (an own lesion, or a bank lesion's insertion site) or anywhere.
    const bool centred =
        !o_.centreOnBrain && !stable && (forceChange || single || uniform(rng_, 0, 1) < o_.changeCentredFraction);
    Vec3 anchor = o_.centreOnBrain ? s.brainCentre : randomBrainVoxel(s);
    int anchoredInsert = -1;  // bank lesion to insert at the anchor
    bool anchoredMni = false;
    if (centred) {
        if (!s.own.empty() && (single || uniform(rng_, 0, 1) < 0.4)) {
            anchor = boxCentre(s.own[std::uniform_int_distribution<std::size_t>(0, s.own.size() - 1)(rng_)]);
        } else if (!single) {
            anchoredInsert = int(drawInsert(false));
            if (a.mni && !mniPlaced_.empty() && uniform(rng_, 0, 1) < 0.7) {
                const auto b = mniPlaced_[std::uniform_int_distribution<std::size_t>(0, mniPlaced_.size() - 1)(rng_)];
                if (goodInsertSite(s, boxCentre(b))) anchoredInsert = int(b), anchor = boxCentre(b), anchoredMni = true;
            }
            for (int t = 0; t < 20 && !anchoredMni && !goodInsertSite(s, anchor); ++t) anchor = randomBrainVoxel(s);
        }
    }
    Vec3 start;
    for (int d = 0; d < 3; ++d)
        start[d] = anchor[d] - r / 2 + (centred ? std::uniform_int_distribution<int64_t>(-p / 4, p / 4)(rng_) : 0);
    const float bg = float(s.background);
    auto region = regionOf(s.flair, start, r, bg);
    const auto brain = regionOf(s.brain, start, r, 0.0f);
    auto bl = region.clone(), fu = region.clone(), target = torch::zeros_like(region), own = torch::zeros_like(region);
    struct Own {
        std::size_t bank;
        Vec3 start;
        torch::Tensor mask;
    };  // mask: float, on the device
    std::vector<Own> ownIn;
    for (const auto b : s.own) {
        auto st = ownStart(b);
        for (int d = 0; d < 3; ++d) st[d] -= start[d];
        torch::Tensor ov, pv;
        const auto m = atlas_.bank[b].mask.to(device_, torch::kFloat32);
        if (!overlapViews(own, m, st, ov, pv)) continue;
        ov.copy_(torch::maximum(ov, pv));
        ownIn.push_back({b, st, m});
    }
    int removed = 0, enlarged = 0, shrunk = 0, inserted = 0, brightened = 0, stableInserts = 0, faintDots = 0,
        periventriculars = 0;
    if (single) {
        target.copy_(own);
    } else if (!stable) {
        // 2. Change. Own lesions: removed from BL, grown or shrunk by a rim.
        torch::Tensor blFill, fuFill;
        for (const auto& l : ownIn) {
            const auto& m = l.mask;
            const double u = uniform(rng_, 0, 1);
            if (removed + enlarged + brightened >= o_.maxOwnChanges &&
                u < o_.removeFraction + o_.enlargeFraction * (1 - o_.removeFraction))
                continue;
            if (atlas_.bank[l.bank].voxels >= 10 && atlas_.bank[l.bank].voxels <= 3000 && u < o_.removeFraction) {
                if (!blFill.defined()) blFill = inpaintingFill(bl, own, brain, a.tissueMedian);
                blendIn(bl, blFill, m, l.start);
                markTarget(target, m, l.start);
                ++removed;
                continue;
            }
            if (atlas_.bank[l.bank].voxels < 30) continue;
            const auto padded = F::pad(m, F::PadFuncOptions({1, 1, 1, 1, 1, 1}));
            const auto rim = (padded - erode(padded.unsqueeze(0).unsqueeze(0)).squeeze(0).squeeze(0)).clamp_min(0);
            if (rim.sum().item<double>() < 10) continue;
            const Vec3 rs{l.start[0] - 1, l.start[1] - 1, l.start[2] - 1};
            const double w = (u - o_.removeFraction) / std::max(1e-6, 1 - o_.removeFraction);
            if (w < o_.enlargeFraction) {  // smaller in BL: the rim is new in FU
                if (!blFill.defined()) blFill = inpaintingFill(bl, own, brain, a.tissueMedian);
                blendIn(bl, blFill, rim, rs);
                markTarget(target, rim, rs);
                ++enlarged;
            } else if (w < o_.enlargeFraction + o_.shrinkFraction) {  // smaller in FU: not a target
                if (!fuFill.defined()) fuFill = inpaintingFill(fu, own, brain, a.tissueMedian);
                blendIn(fu, fuFill, rim, rs);
                ++shrunk;
            } else if (removed + enlarged + brightened < o_.maxOwnChanges &&
                       (w - o_.enlargeFraction - o_.shrinkFraction) /
                               std::max(1e-6, 1 - o_.enlargeFraction - o_.shrinkFraction) <
                           o_.brightenFraction) {  // fainter in BL: brightened, the whole lesion a target
                if (!blFill.defined()) blFill = inpaintingFill(bl, own, brain, a.tissueMedian);
                blendIn(bl, blFill, m, l.start, uniform(rng_, 0.4, 0.85));
                markTarget(target, m, l.start);
                ++brightened;
            }
        }
        // Inserted bank lesions: soft partial-volume edges, faint to bright.
        auto insideCrop = [&](const Vec3& c) {  // within the crop's part of the region
            bool inside = true;
            for (int d = 0; d < 3; ++d) inside &= std::abs(c[d] - (start[d] + r / 2)) < q / 2;
            return inside;
        };
        const int inserts =
            std::uniform_int_distribution<int>(o_.insertMin, std::max(o_.insertMin, o_.insertMax))(rng_);
        for (int i = 0; i < inserts; ++i) {
            Placed pl;
            Vec3 centre;
            bool placed = false;
            bool faintDot = false, periventricular = false;
            if (i == 0 && anchoredInsert >= 0) {
                pl.lesion = std::size_t(anchoredInsert), centre = anchor,
                placed = anchoredMni || goodInsertSite(s, anchor);
            } else {
                // Drawn only when asked for, so that without these options every pair stays as before.
                faintDot = o_.faintDotFraction > 0 && !dots_.empty() && uniform(rng_, 0, 1) < o_.faintDotFraction;
                periventricular = o_.periventricularFraction > 0 && uniform(rng_, 0, 1) < o_.periventricularFraction;
                pl.lesion = faintDot ? pick(dots_) : drawInsert(false);
                const auto& l = atlas_.bank[pl.lesion];
                for (int t = 0; t < 60 && periventricular && !placed; ++t) {
                    centre = randomBrainVoxel(s);
                    placed = insideCrop(centre) && csfBorderSite(s, centre);
                }
                if (periventricular && !placed) continue;
                if (!periventricular && a.mni && l.mniOrigin[0] >= 0 && uniform(rng_, 0, 1) < 0.7) {
                    centre = boxCentre(pl.lesion);
                    placed = insideCrop(centre) && goodInsertSite(s, centre);
                }
                for (int t = 0; t < 30 && !placed; ++t) {
                    centre = randomBrainVoxel(s);
                    placed = insideCrop(centre) && goodInsertSite(s, centre);
                }
            }
            // What BL shows of it: nothing (new), a fainter and maybe smaller lesion (brightened or
            // grown: a target) or the same lesion (stable: not a target).
            double blShare = 0;
            bool blSmaller = false;
            if (o_.brightenFraction + o_.stableInsertFraction > 0) {
                const double k = uniform(rng_, 0, 1);
                if (k < o_.brightenFraction) {
                    blShare = uniform(rng_, 0.15, 0.6);
                    blSmaller = uniform(rng_, 0, 1) < 0.5;
                } else if (k < o_.brightenFraction + o_.stableInsertFraction) {
                    blShare = 1;
                }
            }
            if (i == 0 && anchoredInsert >= 0 && blShare >= 1) blShare = 0;  // the planned change stays one
            if (!placed) continue;
            const bool atMni = a.mni && centre == boxCentre(pl.lesion);
            for (int d = 0; d < 3 && !atMni; ++d) pl.flip[d] = uniform(rng_, 0, 1) < 0.5;
            auto patch = F::pad(lesionPatch(pl), F::PadFuncOptions({3, 3, 3, 3, 3, 3}));
            for (int d = 0; d < 3; ++d) pl.start[d] = centre[d] - start[d] - patch.size(d) / 2;
            torch::Tensor ov, pv;
            if (!overlapViews(own, patch, pl.start, ov, pv) || (ov * pv).sum().item<double>() > 0) continue;
            const double sigma = uniform(rng_, 0.5, 0.9);
            auto soft = blur(patch.unsqueeze(0).unsqueeze(0), {sigma, sigma, sigma}).squeeze(0).squeeze(0);
            if (o_.clipInsertsToBrain) {
                torch::Tensor bv, sv;
                if (overlapViews(brain, soft, pl.start, bv, sv)) sv.mul_(bv);  // sv: a view into soft
            }
            // A brightened lesion gains at least half the atlas lesion contrast between visits.
            const bool brightens = blShare > 0 && blShare < 1;
            const double gainFloor = brightens ? 0.5 / (1 - blShare) : 0.0;
            const double brightest = faintDot ? std::min(o_.faintDotContrastMax, o_.contrastMax) : o_.contrastMax;
            const double contrast =
                lesionContrast_ * uniform(rng_, std::max(o_.contrastMin, gainFloor), std::max(brightest, gainFloor));
            // Ordinary inserts add their contrast to the tissue; periventricular ones lift each voxel
            // to the lesion level, CSF-dark or not (`share` of it in BL).
            const double tissue = a.tissueMedian;
            auto lift = [&](const torch::Tensor& view, const torch::Tensor& shape, double share) {
                view.add_(periventricular ? shape * (tissue + contrast * share - view).clamp_min(0)
                                          : shape * contrast * share);
            };
            torch::Tensor fv, sv;
            overlapViews(fu, soft, pl.start, fv, sv);
            lift(fv, sv, 1.0);
            if (blShare > 0) {
                auto blSoft = soft;
                if (blSmaller) {
                    const auto core = erode(patch.unsqueeze(0).unsqueeze(0));
                    blSoft = blur(core, {sigma, sigma, sigma}).squeeze(0).squeeze(0);
                }
                torch::Tensor bv, bsv;
                overlapViews(bl, blSoft, pl.start, bv, bsv);
                lift(bv, bsv, blShare * (blShare < 1 ? 1.0 : uniform(rng_, 0.9, 1.1)));
            }
            if (blShare < 1) markTarget(target, (soft >= 0.5).to(torch::kFloat32), pl.start);
            markTarget(own, patch, pl.start);
            ++inserted;
            faintDots += faintDot;
            periventriculars += periventricular;
            brightened += brightens;
            stableInserts += blShare >= 1;
        }
    }
    // 3. Anatomy deformation shared by both visits.
    const auto warped = deform(torch::stack({bl, fu, target}).unsqueeze(0), q, r);
    // 4. Acquisition per visit, then the central crop.
    std::string fuNote, blNote;
    const int fuAxis = drawSliceAxis();
    double fuMm = 0;
    auto fuA = acquire(warped.narrow(1, 1, 1), s, fuAxis, fuMm, false, fuNote);
    torch::Tensor blA;
    if (!single) {
        const int blAxis = drawSliceAxis(fuAxis);
        double blMm = followUpThickness(fuMm, fuAxis, blAxis);
        blA = acquire(warped.narrow(1, 0, 1), s, blAxis, blMm, true, blNote);
    }
    std::string matchNote;
    if (!single && o_.matchResolution) {
        // Inference matches within the head (Otsu foreground); here: FU above the midpoint between
        // air and the tissue median.
        const double level = s.background + 0.5 * (s.source->tissueMedian - s.background);
        const auto m = matchCropResolution(blA, fuA, (fuA > level).to(torch::kFloat32));
        if (m.changed()) {
            std::ostringstream n;
            n.precision(2);
            n << "; matched (sigma z/y/x) BL " << m.blSigmaVoxels[0] << "/" << m.blSigmaVoxels[1] << "/"
              << m.blSigmaVoxels[2] << ", FU " << m.fuSigmaVoxels[0] << "/" << m.fuSigmaVoxels[1] << "/"
              << m.fuSigmaVoxels[2] << " mm";
            matchNote = n.str();
        }
    }
    auto centre = [&](const torch::Tensor& t) {
        return t.narrow(2, 4, p).narrow(3, 4, p).narrow(4, 4, p).contiguous();
    };
    Pair out;
    out.fu = centre(fuA);
    if (!single) out.bl = centre(blA);
    out.target = centre((warped.narrow(1, 2, 1) >= 0.5).to(torch::kFloat32));
    std::ostringstream d;
    d << a.name << " at (" << anchor[0] << "," << anchor[1] << "," << anchor[2] << ")"
      << (single   ? ": lesions"
          : stable ? ": stable"
                   : "")
      << "; ";
    if (!single && !stable)
        d << inserted << " inserted, " << removed << " removed, " << enlarged << " enlarged, " << shrunk << " shrunk"
          << (o_.brightenFraction + o_.stableInsertFraction > 0
                  ? ", " + std::to_string(brightened) + " brightened, " + std::to_string(stableInserts) + " stable"
                  : std::string())
          << (o_.faintDotFraction > 0 ? ", " + std::to_string(faintDots) + " faint dots" : std::string())
          << (o_.periventricularFraction > 0 ? ", " + std::to_string(periventriculars) + " periventricular"
                                             : std::string())
          << "; ";
    d << "FU " << fuNote;
    if (!single) d << "; BL " << blNote << matchNote;
    out.description = d.str();
    return out;
}

}  // namespace lesiondelta::ml
