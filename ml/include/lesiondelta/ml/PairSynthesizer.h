#pragma once
// Synthetic BL/FU training pairs generated on the fly from the training atlas (TrainingAtlas.h),
// with LibTorch tensor operations only, so the same code runs on the CPU and on CUDA. One pair is
// a cubic crop (edge `crop`, 1 mm, FU space as inference sees it) of:
// 1. anatomy: an atlas scan, region around a brain voxel (or a planned change), with a random
//    rotation, mild elastic deformation and left-right flip (shared by both visits);
// 2. change (not in stable pairs): bank lesions inserted in FU (at their real MNI position on MNI
//    anatomy, in deep normal-appearing tissue otherwise; most 0.01-0.1 ml, soft partial-volume
//    edges, faint to bright), real lesions removed from BL (inpainted by normalised convolution of
//    the surrounding non-lesion tissue plus matched noise), rims grown (enlarging: target) and
//    shrunk (not a target); optionally lesions that brightened between visits (target) and
//    lesions present alike at both visits (not a target);
// 3. acquisition, independently per visit: slices 1-5 mm thick with their own offset and a small
//    tilt (slab profile + in-plane PSF) along the pair's slice axis - a follow-up repeats the
//    protocol's orientation; in `protocolChangeFraction` of the pairs BL is sliced along another
//    axis - then a smooth bias field, gamma, Rician noise, and for BL a residual rigid
//    misregistration; then the resampling back to the 1 mm FU grid that inference performs and,
//    optionally, its resolution matching (`matchResolution`);
// 4. target: new/enlarged voxels in FU space; every change is at least 0.01 ml (10 voxels).
// Coordinates inside: (z, y, x) voxel indices of the atlas scan ("atlas voxels") and of a region
// of it ("region voxels"); crops are [N, 1, z, y, x].
#include <torch/torch.h>

#include <random>
#include <string>
#include <vector>

#include "lesiondelta/ml/TrainingAtlas.h"

namespace lesiondelta::ml {

struct SynthesisOptions {
    int64_t crop = 64;                   // output edge, voxels (1 mm)
    double stableFraction = 0.3;         // pairs with acquisition differences only (empty target)
    double changeCentredFraction = 0.5;  // crops centred on a change (of the non-stable pairs)
    int insertMin = 1, insertMax = 4;    // bank lesions inserted per pair (non-stable)
    double removeFraction = 0.3;       // of a scan's own lesions (10-3000 voxels) in the region: absent in BL (target)
    double enlargeFraction = 0.2;      // grown in FU by a rim (target)
    double shrinkFraction = 0.2;       // shrunk in FU by a rim (not a target)
    int maxOwnChanges = 4;             // removed + enlarged own lesions per pair (real pairs: a few per region)
    double smallLesionFraction = 0.6;  // inserts drawn from 10-100 voxels (else 100-3000)
    // Brain needed around an insert's centre along each axis, in mm (atlas voxels): the default
    // keeps inserts deep in white matter; less lets them sit beside the cortex and the
    // ventricles, where real new lesions also appear (juxtacortical, periventricular).
    static constexpr int kDeepInsertMm = 6;
    int insertDepthMm = kDeepInsertMm;
    // Inserts multiplied by the brain mask, so a shallow insert stays in tissue instead of
    // reaching into the CSF or the skull (off: as the shipped model was trained).
    bool clipInsertsToBrain = false;
    /// The command-line rule (train and synth --insert-depth): sites `mm` deep, and inserts
    /// clipped to the brain whenever they may lie shallower than the default.
    void setInsertDepth(int mm) {
        insertDepthMm = mm;
        clipInsertsToBrain = mm < kDeepInsertMm;
    }
    double contrastMin = 0.25, contrastMax = 1.3;  // insert brightness, times the atlas lesion contrast
    // Faint dots: of the inserted bank lesions (not a pair's planned change), `faintDotFraction`
    // are drawn from the bank's smallest (10-40 voxels) at the faint end of the brightness range
    // (contrastMin to faintDotContrastMax) - the small, barely brighter new lesions that real
    // follow-ups show and the network missed. 0: the pairs stay as before, draw for draw.
    double faintDotFraction = 0.0;
    double faintDotContrastMax = 0.6;
    static constexpr int64_t kFaintDotMaxVoxels = 40;
    // Periventricular inserts: of the inserted bank lesions (not a pair's planned change),
    // `periventricularFraction` sit where the scan is CSF-dark (below tissue - 0.8) beside tissue
    // (within 3 voxels): a ventricle's or sulcus's border, where real new lesions fill what BL
    // shows as dark partial volume. Their voxels are lifted TO the lesion level (tissue +
    // contrast), not by the contrast, as a lesion replaces the CSF there. 0: pairs as before.
    double periventricularFraction = 0.0;
    double maxRotationDeg = 12.0, elasticMm = 1.5;
    double sliceMinMm = 1.0, sliceMaxMm = 5.0, maxTiltDeg = 3.0;
    double protocolChangeFraction = 0.15;  // pairs whose BL is sliced along another axis than FU
    // > 1: BL's slice thickness is FU's times a factor within [1/r, r] (a repeated protocol: the
    // real pairs have 3.0/3.3 and 3.0/4.0 mm); 0: each visit's thickness drawn on its own (1-5 mm).
    // A protocol change always draws BL's on its own.
    double followUpThicknessRatio = 0.0;
    // Lesions there at both visits (0 = none, and the pairs stay as before, draw for draw):
    // of the inserted bank lesions, `brightenFraction` are already in BL, fainter (a fraction
    // 0.15-0.6 of FU's contrast, half of them also a rim smaller) - a lesion that brightened or
    // grew, marked whole as raters outline it - and `stableInsertFraction` are in BL as in FU (no
    // target). Of a scan's own lesions left unchanged, `brightenFraction` are faded towards the
    // surrounding tissue in BL (target: the whole lesion).
    double brightenFraction = 0.0;
    double stableInsertFraction = 0.0;
    double misregistrationMm = 1.0, misregistrationDeg = 1.0;
    double biasSd = 0.08, gammaLogSd = 0.1, noiseMin = 0.01, noiseMax = 0.06;  // noise sd / tissue
    // Both visits brought to one effective resolution (ml/CropResolutionMatching, the rule
    // inference applies to a real pair before the network sees it); off for pairs written to
    // disk (synth), which segment matches itself.
    bool matchResolution = false;
    bool heldOut = false;        // held-out scans and bank lesions only (validation)
    bool centreOnBrain = false;  // every crop centred on the brain (whole-brain evaluation pairs)
};

struct SyntheticBatch {
    torch::Tensor bl, fu, target;           // [N, 1, P, P, P] float32 on the synthesiser's device
    std::vector<std::string> descriptions;  // one line per pair
};

/// A patient's course for testing the series workflow (issue 20): one anatomy, bank lesions that
/// appear at planned visits and some that enlarge again at a later one, each visit acquired
/// independently (slices, blur, bias, gamma, noise; every visit but the last slightly moved).
struct SeriesPlan {
    int visits = 4;
    int maxNewPerInterval = 2;     // new lesions per interval: 1..max (0 when quiet)
    double enlargeFraction = 0.5;  // of the lesions new before the last interval: enlarge again later
    bool quiet = false;            // no change at all: acquisition differences only
};

struct SyntheticSeries {
    std::vector<torch::Tensor> visits;           // [1, 1, P, P, P] each, on the last visit's 1 mm grid
    std::vector<torch::Tensor> intervalTargets;  // visits - 1: voxels new or enlarged since the visit before
    torch::Tensor lesionIds;                     // [P, P, P] int16: planned lesion i's final footprint = i + 1
    struct Lesion {
        int appears = 0;         // visit index where it is first there (>= 1)
        int enlarges = -1;       // visit index where it is larger again, or -1
        int64_t bankVoxels = 0;  // its size in the bank
    };
    std::vector<Lesion> lesions;
    std::vector<std::string> visitNotes;  // one acquisition note per visit
    std::string description;
};

class PairSynthesizer {
public:
    /// Copies the atlas scans to `device`. Throws std::invalid_argument when the atlas has no
    /// scan for the chosen split (training or held out) or the crop is too small.
    PairSynthesizer(const TrainingAtlas& atlas, const SynthesisOptions& options, torch::Device device,
                    std::uint64_t seed);

    /// `n` fresh pairs. `withChange` true forces pairs with at least one change (if possible).
    SyntheticBatch next(int n, bool withChange = false);

    /// `n` single-scan crops whose target is every real lesion (encoder pre-training): scans with
    /// their own lesion masks only; `bl` is undefined.
    SyntheticBatch nextLesionScans(int n);

    /// `n` crops of the atlas's real pairs (TrainingAtlas::realPairs; never for the held-out
    /// split): BL, FU and the reference's new/enlarging voxels, `changeCentredFraction` of them
    /// centred on a target voxel, the rest on the search region, with the rotation, flip and
    /// elastic warp of synthetic pairs but no simulated acquisition (theirs is real). Throws
    /// std::invalid_argument when there is no real pair.
    SyntheticBatch nextReal(int n);
    bool hasRealPairs() const { return !reals_.empty(); }

    /// One course (SeriesPlan) around the brain centre of a random scan of the split; crop edge
    /// options().crop (use a whole-brain crop, e.g. 176, for the full pipeline).
    SyntheticSeries nextSeries(const SeriesPlan& plan);

    const SynthesisOptions& options() const { return o_; }

private:
    struct Scan {
        const AtlasScan* source;
        torch::Tensor flair, brain;          // on device, [Z, Y, X]
        torch::Tensor flairCpu;              // host copy for placement checks
        torch::Tensor brainVoxels;           // int64 [K, 3] (z, y, x), a subsample of the brain (host)
        std::vector<std::size_t> own;        // bank indices of the scan's own lesions
        double background;                   // lowest z-score (air)
        std::array<int64_t, 3> brainCentre;  // atlas voxel
    };
    struct Placed {
        std::size_t lesion;            // bank index
        std::array<int64_t, 3> start;  // region voxel of the box's corner
        bool flip[3] = {false, false, false};
    };
    struct Pair {
        torch::Tensor bl, fu, target;  // [1, 1, P, P, P]
        std::string description;
    };
    struct Real {
        const AtlasRealPair* source;
        torch::Tensor bl, fu, target;              // on device, float [Z, Y, X]
        torch::Tensor regionVoxels, targetVoxels;  // int64 [K, 3] (z, y, x), host
        float blAir = 0, fuAir = 0;                // each visit's darkest value, outside its box
    };
    Pair synthesise(bool stable, bool forceChange, bool single);
    Pair realCrop(const Real& real);
    /// The anatomy deformation all visits share: a random rotation (with a left-right flip half
    /// the time) and a mild elastic warp, as sampling positions [q, q, q, 3] (region voxels) of
    /// q^3 voxels around the centre of an r^3 region.
    torch::Tensor deformation(int64_t q, int64_t r);
    /// `stacked` [1, C, r, r, r] sampled through one fresh deformation.
    torch::Tensor deform(const torch::Tensor& stacked, int64_t q, int64_t r);
    torch::Tensor lesionPatch(const Placed& p) const;
    bool goodInsertSite(const Scan& s, const std::array<int64_t, 3>& atlasCentre) const;
    /// A CSF-dark voxel beside tissue, insertDepthMm deep in the brain mask (periventricularFraction).
    bool csfBorderSite(const Scan& s, const std::array<int64_t, 3>& atlasCentre) const;
    std::array<int64_t, 3> randomBrainVoxel(const Scan& s);
    std::size_t drawInsert(bool smallOnly);
    /// One entry of `from` (not empty), uniformly.
    std::size_t pick(const std::vector<std::size_t>& from);
    /// A protocol's slice axis (0 z, 1 y, 2 x: mostly axial), or with `protocolChangeFraction` a
    /// different one than `previous` (>= 0), as after a change of protocol.
    int drawSliceAxis(int previous = -1);
    /// BL's slice thickness for a pair whose FU was sliced `fuMm` thick along `fuAxis`, BL along
    /// `blAxis`: tied to FU's (followUpThicknessRatio) or 0 (acquire draws it).
    double followUpThickness(double fuMm, int fuAxis, int blAxis);
    /// One visit's acquisition along `sliceAxis`; `thicknessMm` <= 0 draws the thickness and
    /// returns it there.
    torch::Tensor acquire(const torch::Tensor& crop, const Scan& s, int sliceAxis, double& thicknessMm,
                          bool misregister, std::string& note);

    const TrainingAtlas& atlas_;
    SynthesisOptions o_;
    torch::Device device_;
    std::mt19937_64 rng_;
    std::vector<Scan> scans_;
    std::vector<Real> reals_;
    std::vector<std::size_t> lesionScans_;    // indices into scans_ with own lesions
    std::vector<std::size_t> small_, large_;  // insertable bank lesions of the split
    std::vector<std::size_t> mniPlaced_;      // of those, the ones with an MNI position
    std::vector<std::size_t> dots_;           // of small_, those of at most kFaintDotMaxVoxels
    double lesionContrast_ = 2.0;             // mean over atlas scans that know it
};

}  // namespace lesiondelta::ml
