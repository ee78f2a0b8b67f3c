// The on-the-fly pair synthesis on a tiny atlas: shapes, determinism, stable and changed pairs,
// the held-out split and the single-scan (pre-training) crops.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "TinyAtlas.h"
#include "lesiondelta/ml/PairSynthesizer.h"

using namespace lesiondelta::ml;

namespace {

SynthesisOptions small(int64_t crop = 32) {
    SynthesisOptions o;
    o.crop = crop;
    return o;
}

TEST(PairSynthesizer, BatchesHaveTheCropShapeAndFiniteValues) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    PairSynthesizer s(atlas, small(), torch::kCPU, 1);
    const auto b = s.next(3);
    for (const auto& t : {b.bl, b.fu, b.target}) {
        EXPECT_EQ(t.sizes(), (std::vector<int64_t>{3, 1, 32, 32, 32}));
        EXPECT_TRUE(torch::isfinite(t).all().item<bool>());
    }
    EXPECT_TRUE(((b.target == 0) | (b.target == 1)).all().item<bool>());
    ASSERT_EQ(b.descriptions.size(), 3u);
}

TEST(PairSynthesizer, SameSeedSamePairsOtherSeedOtherPairs) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    torch::manual_seed(5);
    PairSynthesizer a(atlas, small(), torch::kCPU, 7);
    const auto x = a.next(2);
    torch::manual_seed(5);
    PairSynthesizer b(atlas, small(), torch::kCPU, 7);
    const auto y = b.next(2);
    EXPECT_TRUE(torch::equal(x.fu, y.fu));
    EXPECT_TRUE(torch::equal(x.target, y.target));
    EXPECT_EQ(x.descriptions, y.descriptions);
    torch::manual_seed(5);
    PairSynthesizer c(atlas, small(), torch::kCPU, 8);
    EXPECT_FALSE(torch::equal(c.next(2).fu, x.fu));
}

TEST(PairSynthesizer, StablePairsDifferOnlyByAcquisitionAndHaveNoTarget) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    auto o = small();
    o.stableFraction = 1.0;
    PairSynthesizer s(atlas, o, torch::kCPU, 2);
    const auto b = s.next(4);
    EXPECT_EQ(b.target.sum().item<double>(), 0.0);
    // Two acquisitions of the same anatomy: different, yet strongly correlated.
    const auto bl = b.bl - b.bl.mean(), fu = b.fu - b.fu.mean();
    const double corr =
        (bl * fu).sum().item<double>() / std::sqrt(bl.square().sum().item<double>() * fu.square().sum().item<double>());
    EXPECT_FALSE(torch::equal(b.bl, b.fu));
    EXPECT_GT(corr, 0.6);
    for (const auto& d : b.descriptions) EXPECT_NE(d.find("stable"), std::string::npos) << d;
}

TEST(PairSynthesizer, ChangedPairsMarkVoxelsThatAreBrighterInFollowUp) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    PairSynthesizer s(atlas, small(), torch::kCPU, 3);
    int withTarget = 0;
    double inside = 0, outside = 0;
    for (int i = 0; i < 8; ++i) {
        const auto b = s.next(1, true);
        const double n = b.target.sum().item<double>();
        if (n < 10) continue;  // a change may fall outside the crop after deformation
        ++withTarget;
        const auto diff = b.fu - b.bl;
        inside += diff.masked_select(b.target > 0).mean().item<double>();
        outside += diff.masked_select(b.target == 0).mean().item<double>();
    }
    ASSERT_GE(withTarget, 5);
    EXPECT_GT(inside / withTarget, outside / withTarget + 0.3);
}

TEST(PairSynthesizer, HeldOutSplitUsesOnlyTheHeldOutScan) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    auto o = small();
    o.heldOut = true;
    PairSynthesizer held(atlas, o, torch::kCPU, 4);
    for (const auto& d : held.next(4).descriptions) EXPECT_EQ(d.rfind("mni/held", 0), 0u) << d;
    PairSynthesizer training(atlas, small(), torch::kCPU, 4);
    for (const auto& d : training.next(6).descriptions) EXPECT_EQ(d.find("mni/held"), std::string::npos) << d;
}

TEST(PairSynthesizer, LesionScanCropsMarkTheScansOwnLesions) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    PairSynthesizer s(atlas, small(), torch::kCPU, 5);
    const auto b = s.nextLesionScans(2);
    EXPECT_FALSE(b.bl.defined());
    EXPECT_GT(b.target.sum().item<double>(), 20.0);  // crops centred on a lesion of "mni/a"
    const double inLesion = b.fu.masked_select(b.target > 0).mean().item<double>();
    const double elsewhere = b.fu.masked_select(b.target == 0).mean().item<double>();
    EXPECT_GT(inLesion, elsewhere + 0.5);
}

// The slice axis a description names for a visit ("...; FU 2.3 mm z; BL 4.1 mm x, moved ...").
char sliceAxis(const std::string& description, const std::string& visit) {
    const auto at = description.find("; " + visit + " ");
    if (at == std::string::npos) return '?';
    const auto mm = description.find(" mm ", at);
    return mm == std::string::npos ? '?' : description[mm + 4];
}

TEST(PairSynthesizer, FollowUpsRepeatTheProtocolsSliceAxisUnlessTheProtocolChanged) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    auto o = small();
    o.protocolChangeFraction = 0.0;
    PairSynthesizer same(atlas, o, torch::kCPU, 3);
    std::set<char> fuAxes;
    for (const auto& d : same.next(12).descriptions) {
        EXPECT_NE(sliceAxis(d, "FU"), '?') << d;
        EXPECT_EQ(sliceAxis(d, "FU"), sliceAxis(d, "BL")) << d;
        fuAxes.insert(sliceAxis(d, "FU"));
    }
    EXPECT_GE(fuAxes.size(), 2u);  // the protocol's axis itself varies between pairs
    o.protocolChangeFraction = 1.0;
    PairSynthesizer changed(atlas, o, torch::kCPU, 3);
    for (const auto& d : changed.next(12).descriptions) {
        EXPECT_NE(sliceAxis(d, "BL"), '?') << d;
        EXPECT_NE(sliceAxis(d, "FU"), sliceAxis(d, "BL")) << d;
    }
}

// The slice thickness a description names for a visit, in mm (0 when absent).
double sliceMm(const std::string& description, const std::string& visit) {
    const auto at = description.find("; " + visit + " ");
    return at == std::string::npos ? 0.0 : std::atof(description.c_str() + at + visit.size() + 3);
}

TEST(PairSynthesizer, ARepeatedProtocolKeepsBaselineSlicesNearFollowUpsThickness) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    auto o = small();
    o.protocolChangeFraction = 0.0;
    o.followUpThicknessRatio = 1.2;
    PairSynthesizer tied(atlas, o, torch::kCPU, 4);
    for (const auto& d : tied.next(12).descriptions) {
        const double fu = sliceMm(d, "FU"), bl = sliceMm(d, "BL");
        ASSERT_GT(fu, 0.0) << d;
        ASSERT_GT(bl, 0.0) << d;
        EXPECT_LE(std::max(fu / bl, bl / fu), 1.2 * 1.03) << d;  // descriptions round to 2 digits
    }
    // Drawn on their own, the visits' thicknesses (1-5 mm) differ by more than that.
    o.followUpThicknessRatio = 0.0;
    PairSynthesizer free(atlas, o, torch::kCPU, 4);
    double freeWidest = 1.0;
    for (const auto& d : free.next(12).descriptions) {
        freeWidest =
            std::max(freeWidest, std::max(sliceMm(d, "FU") / sliceMm(d, "BL"), sliceMm(d, "BL") / sliceMm(d, "FU")));
    }
    EXPECT_GT(freeWidest, 1.5);
}

// The count a description gives for `what` (", 2 brightened"), or -1.
int countOf(const std::string& description, const std::string& what) {
    const auto at = description.find(" " + what);
    if (at == std::string::npos) return -1;
    const auto from = description.find_last_of(' ', at - 1);
    return std::atoi(description.c_str() + (from == std::string::npos ? 0 : from + 1));
}

// Mean BL value inside the target minus outside it, over pairs with a target; `pairs` counts them.
double baselineContrastInTarget(PairSynthesizer& s, int& pairs, int& brightened) {
    double sum = 0;
    pairs = brightened = 0;
    for (int i = 0; i < 10; ++i) {
        const auto b = s.next(1, true);
        if (b.target.sum().item<double>() < 10) continue;
        ++pairs;
        brightened += std::max(0, countOf(b.descriptions[0], "brightened"));
        sum += b.bl.masked_select(b.target > 0).mean().item<double>() -
               b.bl.masked_select(b.target == 0).mean().item<double>();
    }
    return pairs ? sum / pairs : 0.0;
}

TEST(PairSynthesizer, BrightenedLesionsAreFainterInBaselineAndMarkedWhole) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    auto o = small();
    o.removeFraction = o.enlargeFraction = o.shrinkFraction = 0.0;
    int newPairs = 0, brightenedPairs = 0, none = 0, brightened = 0;
    PairSynthesizer fresh(atlas, o, torch::kCPU, 6);
    const double newContrast = baselineContrastInTarget(fresh, newPairs, none);
    o.brightenFraction = 1.0;
    PairSynthesizer brightening(atlas, o, torch::kCPU, 6);
    const double brightenedContrast = baselineContrastInTarget(brightening, brightenedPairs, brightened);
    ASSERT_GE(newPairs, 5);
    ASSERT_GE(brightenedPairs, 5);
    EXPECT_EQ(none, 0);  // without the option no description counts brightened lesions
    EXPECT_GE(brightened, brightenedPairs);
    // New lesions are absent from BL; brightened ones are there, fainter than in FU.
    EXPECT_GT(brightenedContrast, newContrast + 0.15) << newContrast << " " << brightenedContrast;
    int changed = 0;
    double inside = 0, outside = 0;
    for (int i = 0; i < 6; ++i) {
        const auto b = brightening.next(1, true);
        if (b.target.sum().item<double>() < 10) continue;
        ++changed;
        const auto diff = b.fu - b.bl;
        inside += diff.masked_select(b.target > 0).mean().item<double>();
        outside += diff.masked_select(b.target == 0).mean().item<double>();
    }
    ASSERT_GE(changed, 3);
    EXPECT_GT(inside / changed, outside / changed + 0.3);  // still brighter in FU where marked
}

TEST(PairSynthesizer, StableInsertsAreInBothVisitsAndNotTargets) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    auto o = small();
    o.stableFraction = o.changeCentredFraction = 0.0;
    o.removeFraction = o.enlargeFraction = o.shrinkFraction = 0.0;
    o.insertMin = o.insertMax = 3;
    o.stableInsertFraction = 1.0;
    PairSynthesizer s(atlas, o, torch::kCPU, 7);
    int stable = 0;
    for (int i = 0; i < 4; ++i) {
        const auto b = s.next(2);
        EXPECT_EQ(b.target.sum().item<double>(), 0.0);
        for (const auto& d : b.descriptions) {
            EXPECT_EQ(countOf(d, "brightened"), 0) << d;
            stable += std::max(0, countOf(d, "stable"));
        }
    }
    EXPECT_GE(stable, 4);
}

// The tiny atlas with every brain cut to a slab 7 voxels thick along z (air outside it): no
// site has 6 mm of brain above and below it.
lesiondelta::ml::TrainingAtlas slabAtlas() {
    auto atlas = lesiondelta::testing::tinyAtlas();
    for (auto& scan : atlas.scans) {
        const int64_t n = scan.brain.size(0), c = n / 2;
        const auto z = torch::arange(n).view({n, 1, 1});
        scan.brain = scan.brain * ((z - c).abs() <= 3).to(torch::kUInt8);
        scan.flair = torch::where(scan.brain.to(torch::kBool), scan.flair, torch::full_like(scan.flair, -2.0f));
    }
    return atlas;
}

SynthesisOptions insertsOnly(int depthMm, bool clip) {
    auto o = small();
    o.stableFraction = 0.0;
    o.removeFraction = o.enlargeFraction = o.shrinkFraction = 0.0;
    o.maxOwnChanges = 0;
    o.insertMin = o.insertMax = 3;
    o.smallLesionFraction = 0.0;  // the larger bank balls, which reach past a thin brain
    o.insertDepthMm = depthMm;
    o.clipInsertsToBrain = clip;
    return o;
}

TEST(PairSynthesizer, InsertDepthDecidesHowCloseToTheBrainsEdgeLesionsGo) {
    const auto atlas = slabAtlas();
    auto insertedIn = [&](int depthMm) {
        PairSynthesizer s(atlas, insertsOnly(depthMm, true), torch::kCPU, 11);
        int inserted = 0;
        for (int i = 0; i < 4; ++i)
            for (const auto& d : s.next(2, true).descriptions) inserted += std::max(0, countOf(d, "inserted"));
        return inserted;
    };
    EXPECT_EQ(insertedIn(6), 0);  // the default: deep sites only, and a 7 mm slab has none
    EXPECT_GE(insertedIn(2), 8);
}

TEST(PairSynthesizer, ClippedInsertsKeepOnlyTheirPartInsideTheBrain) {
    const auto atlas = slabAtlas();
    int64_t clippedVoxels = 0, fullVoxels = 0;
    for (unsigned seed : {3u, 4u, 5u}) {
        torch::manual_seed(seed);
        PairSynthesizer clipped(atlas, insertsOnly(2, true), torch::kCPU, seed);
        const auto c = clipped.next(2, true);
        torch::manual_seed(seed);
        PairSynthesizer full(atlas, insertsOnly(2, false), torch::kCPU, seed);
        const auto f = full.next(2, true);
        EXPECT_EQ(c.descriptions, f.descriptions);  // the same draws: only the clipping differs
        EXPECT_FALSE(((c.target > 0) & (f.target == 0)).any().item<bool>());  // a subset
        clippedVoxels += c.target.sum().item<int64_t>();
        fullVoxels += f.target.sum().item<int64_t>();
    }
    EXPECT_GT(clippedVoxels, 0);
    EXPECT_LT(clippedVoxels, fullVoxels);  // balls of radius 3-4 on a 7 mm slab reach past it
}

// Inserted lesions only, none of them a planned (centred) change: every insert may be a faint dot.
struct InsertStats {
    int inserted = 0, faint = 0, targets = 0;
    bool mentionsFaint = false;
    double targetVoxels = 0, gain = 0;  // target voxels, and FU - BL inside the target summed over pairs
};

// Pairs whose only change is `inserts` inserted bank lesions each, none of them a planned one.
SynthesisOptions insertsOnly(int inserts) {
    auto o = small();
    o.stableFraction = o.changeCentredFraction = 0.0;
    o.removeFraction = o.enlargeFraction = o.shrinkFraction = 0.0;
    o.maxOwnChanges = 0;
    o.insertMin = o.insertMax = inserts;
    return o;
}

InsertStats insertStats(double faintDotFraction, double smallLesionFraction) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    auto o = insertsOnly(3);
    o.smallLesionFraction = smallLesionFraction;  // 0: the larger bank balls (123-257 voxels)
    o.faintDotFraction = faintDotFraction;
    PairSynthesizer s(atlas, o, torch::kCPU, 21);
    InsertStats st;
    for (int i = 0; i < 12; ++i) {
        const auto b = s.next(1);
        st.inserted += std::max(0, countOf(b.descriptions[0], "inserted"));
        const int faint = countOf(b.descriptions[0], "faint");
        st.mentionsFaint |= faint >= 0;
        st.faint += std::max(0, faint);
        const double voxels = b.target.sum().item<double>();
        if (voxels < 10) continue;
        ++st.targets;
        st.targetVoxels += voxels;
        st.gain += (b.fu - b.bl).masked_select(b.target > 0).mean().item<double>();
    }
    return st;
}

TEST(PairSynthesizer, FaintDotsAreTheBanksSmallestLesionsAtLowContrast) {
    // The tiny atlas's bank: radius-2 balls (33 voxels: dots), larger ones of 123-257 voxels.
    const auto large = insertStats(0.0, 0.0), small = insertStats(0.0, 1.0), dots = insertStats(1.0, 0.0);
    EXPECT_FALSE(large.mentionsFaint);  // without the option the description does not mention them
    EXPECT_TRUE(dots.mentionsFaint);
    for (const auto* st : {&large, &small, &dots}) ASSERT_GE(st->targets, 4);
    EXPECT_EQ(dots.faint, dots.inserted);  // every insert a faint dot
    // Dots are the small balls, although the larger ones were asked for ...
    EXPECT_LT(dots.targetVoxels / dots.inserted, 0.5 * large.targetVoxels / large.inserted)
        << dots.targetVoxels << "/" << dots.inserted << " " << large.targetVoxels << "/" << large.inserted;
    // ... and fainter than the same balls inserted as usual: at most 0.6 of the atlas lesion
    // contrast (mean 0.43) against up to 1.3 (mean 0.78).
    EXPECT_LT(dots.gain / dots.targets, 0.8 * small.gain / small.targets)
        << dots.gain / dots.targets << " " << small.gain / small.targets;
    EXPECT_GT(dots.gain / dots.targets, 0.1);  // still brighter in FU where marked
}

// Inserts on a tiny atlas whose brains each hold a CSF-dark "ventricle" (a ball at -1.5 beside
// the tissue at about 0): BL inside the targets and FU - BL there, with `periventricularFraction`.
struct BorderStats {
    int inserted = 0, periventricular = 0, targets = 0;
    double bl = 0, gain = 0;  // summed over the pairs' targets
};

BorderStats borderStats(double periventricularFraction) {
    auto atlas = lesiondelta::testing::tinyAtlas();
    const int64_t c = 32, r = 5;
    for (auto& scan : atlas.scans) {
        auto view =
            scan.flair.slice(0, c - r, c + r + 1).slice(1, c - 8 - r, c - 8 + r + 1).slice(2, c + 6 - r, c + 6 + r + 1);
        view.copy_(torch::where(lesiondelta::testing::ball(r).to(torch::kBool), torch::full_like(view, -1.5f), view));
    }
    auto o = insertsOnly(2);
    o.periventricularFraction = periventricularFraction;
    PairSynthesizer s(atlas, o, torch::kCPU, 41);
    BorderStats st;
    for (int i = 0; i < 40; ++i) {
        const auto b = s.next(1);
        st.inserted += std::max(0, countOf(b.descriptions[0], "inserted"));
        st.periventricular += std::max(0, countOf(b.descriptions[0], "periventricular"));
        if (b.target.sum().item<double>() < 10) continue;
        ++st.targets;
        st.bl += b.bl.masked_select(b.target > 0).mean().item<double>();
        st.gain += (b.fu - b.bl).masked_select(b.target > 0).mean().item<double>();
    }
    return st;
}

TEST(PairSynthesizer, PeriventricularInsertsFillWhatBaselineShowsCsfDark) {
    const auto deep = borderStats(0.0), border = borderStats(1.0);
    ASSERT_GE(deep.targets, 4);
    ASSERT_GE(border.targets, 4);
    std::printf("deep: %d targets, BL %.2f, FU - BL %.2f; border: %d targets, BL %.2f, FU - BL %.2f\n", deep.targets,
                deep.bl / deep.targets, deep.gain / deep.targets, border.targets, border.bl / border.targets,
                border.gain / border.targets);
    EXPECT_EQ(deep.periventricular, 0);
    EXPECT_EQ(border.periventricular, border.inserted);  // every placed insert at the border
    // Deep inserts sit in tissue (BL about 0); border inserts where BL is dark, and FU rises there
    // by more than the tissue's lesion contrast alone would lift it.
    EXPECT_GT(deep.bl / deep.targets, -0.3) << deep.bl / deep.targets;
    EXPECT_LT(border.bl / border.targets, -0.4) << border.bl / border.targets;
    EXPECT_GT(border.gain / border.targets, deep.gain / deep.targets)
        << border.gain / border.targets << " " << deep.gain / deep.targets;
}

TEST(PairSynthesizer, InsertsAtTheirMniPositionLieInTheCrop) {
    // MNI anatomy only (the training split: "mni/a" and "raw/b"; pairs on "raw/b" place at random
    // sites), small crops that rarely hold the bank lesions' MNI positions: an insert that is
    // counted must reach into the crop.
    const auto atlas = lesiondelta::testing::tinyAtlas();
    auto o = small(16);
    o.stableFraction = o.changeCentredFraction = 0.0;
    o.removeFraction = o.enlargeFraction = o.shrinkFraction = 0.0;
    o.maxOwnChanges = 0;
    o.insertMin = o.insertMax = 2;
    o.smallLesionFraction = 0.0;
    PairSynthesizer s(atlas, o, torch::kCPU, 31);
    int inserted = 0, emptyButInserted = 0;
    for (int i = 0; i < 40; ++i) {
        const auto b = s.next(1);
        const int n = std::max(0, countOf(b.descriptions[0], "inserted"));
        inserted += n;
        if (n > 0 && b.target.sum().item<double>() == 0) ++emptyButInserted;
    }
    ASSERT_GE(inserted, 10);
    EXPECT_LE(emptyButInserted, inserted / 10) << emptyButInserted << " of " << inserted;
}

TEST(PairSynthesizer, RealPairCropsCarryTheirReferenceAndAreForTrainingOnly) {
    const auto atlas = lesiondelta::testing::withRealPair(lesiondelta::testing::tinyAtlas());
    PairSynthesizer s(atlas, small(), torch::kCPU, 8);
    ASSERT_TRUE(s.hasRealPairs());
    int withTarget = 0;
    double inside = 0, outside = 0;
    for (int i = 0; i < 6; ++i) {
        const auto b = s.nextReal(1);
        EXPECT_EQ(b.fu.sizes(), (std::vector<int64_t>{1, 1, 32, 32, 32}));
        EXPECT_EQ(b.bl.sizes(), b.fu.sizes());
        EXPECT_EQ(b.descriptions[0].rfind("longitudinal/t at ", 0), 0u) << b.descriptions[0];
        if (b.target.sum().item<double>() < 10) continue;
        ++withTarget;
        const auto diff = b.fu - b.bl;
        inside += diff.masked_select(b.target > 0).mean().item<double>();
        outside += diff.masked_select(b.target == 0).mean().item<double>();
    }
    ASSERT_GE(withTarget, 2);  // half the crops are centred on the reference
    // The pair's new balls are 2 brighter in FU; warped with BL and FU alike, they stay marked.
    EXPECT_GT(inside / withTarget, outside / withTarget + 1.0);
    auto o = small();
    o.heldOut = true;
    PairSynthesizer held(atlas, o, torch::kCPU, 8);
    EXPECT_FALSE(held.hasRealPairs());
    EXPECT_THROW(held.nextReal(1), std::invalid_argument);
    PairSynthesizer none(lesiondelta::testing::tinyAtlas(), small(), torch::kCPU, 8);
    EXPECT_THROW(none.nextReal(1), std::invalid_argument);
}

TEST(PairSynthesizer, UnusableSetupsAreRefused) {
    auto atlas = lesiondelta::testing::tinyAtlas();
    EXPECT_THROW(PairSynthesizer(atlas, small(24), torch::kCPU, 1), std::invalid_argument);
    atlas.scans.pop_back();  // no held-out scan left
    auto o = small();
    o.heldOut = true;
    EXPECT_THROW(PairSynthesizer(atlas, o, torch::kCPU, 1), std::invalid_argument);
}

}  // namespace

TEST(PairSynthesizer, ASeriesMarksEachPlannedLesionInTheIntervalItAppearsAndWhereItEnlarges) {
    const auto atlas = lesiondelta::testing::tinyAtlas();
    PairSynthesizer s(atlas, small(48), torch::kCPU, 4);
    SeriesPlan plan;
    plan.visits = 4;
    plan.enlargeFraction = 1.0;
    int checked = 0;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const auto series = s.nextSeries(plan);
        ASSERT_EQ(series.visits.size(), 4u);
        ASSERT_EQ(series.intervalTargets.size(), 3u);
        EXPECT_EQ(series.lesionIds.sizes(), (std::vector<int64_t>{48, 48, 48}));
        for (std::size_t i = 0; i < series.lesions.size(); ++i) {
            const auto& l = series.lesions[i];
            const auto footprint = series.lesionIds == int16_t(i + 1);
            if (footprint.sum().item<int64_t>() < 10) continue;  // deformed out of the crop
            ++checked;
            ASSERT_GE(l.appears, 1);
            // In the interval it appears in, and in none before it.
            auto markedIn = [&](int visit) {
                return series.intervalTargets[visit - 1][0][0].masked_select(footprint).sum().item<double>();
            };
            EXPECT_GT(markedIn(l.appears), 5) << series.description;
            for (int v = 1; v < l.appears; ++v) EXPECT_EQ(markedIn(v), 0) << series.description;
            // Where it is marked, it is brighter from its visit on than before it.
            const auto marked = footprint & (series.intervalTargets[l.appears - 1][0][0] > 0);
            const auto before = series.visits[l.appears - 1][0][0].masked_select(marked).mean().item<double>();
            const auto after = series.visits[l.appears][0][0].masked_select(marked).mean().item<double>();
            EXPECT_GT(after, before) << series.description;
            if (l.enlarges >= 0) {
                EXPECT_GT(l.enlarges, l.appears);
                EXPECT_GT(markedIn(l.enlarges), 5) << series.description;  // its rim
            }
        }
    }
    EXPECT_GE(checked, 3);
    plan.quiet = true;
    const auto quiet = s.nextSeries(plan);
    EXPECT_TRUE(quiet.lesions.empty());
    for (const auto& t : quiet.intervalTargets) EXPECT_EQ(t.sum().item<double>(), 0.0);
    plan.visits = 1;
    EXPECT_THROW(s.nextSeries(plan), std::invalid_argument);
}
