#pragma once
// Rigid registration of a baseline (moving) to a follow-up (fixed) with ITK's v4 framework:
// Mattes mutual information, versor rigid 3D transform, three resolution levels, centred
// initialisation by image moments.
#include <itkVersorRigid3DTransform.h>

#include <string>

#include "lesiondelta/core/Progress.h"
#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

using RigidTransform = itk::VersorRigid3DTransform<double>;

/// Where the metric samples (in FU, the fixed image): inside FU's brain estimate (core/BrainMask),
/// inside its head (Otsu foreground), or everywhere. Measured with core_bench against the
/// dataset's own transforms (pair 03 / 01, distance from the best rigid fit to them, median /
/// max): everywhere 0.96 / 1.23 and 0.20 / 0.25 mm; FU head 0.73 / 0.86 and 0.18 / 0.30 mm; FU
/// brain 0.62 / 0.72 and 0.16 / 0.33 mm (sub-voxel on the CNN's 1 mm grid). Masking BL's brain
/// too (0.56 / 0.79 mm) biased a phantom pair and is not done.
enum class MetricRegion { Brain, Head, Everywhere };

struct RegistrationOptions {
    MetricRegion metricRegion = MetricRegion::Brain;
    unsigned int histogramBins = 32;
    // Fraction of the fixed image's voxels sampled per level (random, seeded): coarse levels have
    // few voxels and need a larger share, the full-resolution level has millions. Measured with
    // core_bench on the real pairs (2 cores): {0.25, 0.10, 0.05} x {200, 100, 40} iterations took
    // 5.0-5.2 s, these 2.0-2.9 s, with the same distance to the dataset's own transforms (pair 01
    // median 0.21-0.23 mm, pair 03 1.00-1.01 mm). The middle level keeps 100 iterations: with 60 a
    // 6 degree / 7 mm misalignment (RigidRegistrationTest) was left at 1.0 mm instead of 0.09 mm.
    double samplingFraction[3] = {0.25, 0.05, 0.01};
    // ... but never fewer than this many samples a level (or all voxels): a small or coarse scan
    // (a 64 x 70 x 30 phantom has 134k voxels; 1 % would be 1.3k) needs more than its fraction.
    unsigned int minimumSamples = 20000;
    unsigned int iterationsPerLevel[3] = {200, 100, 20};
    double initialStep = 1.0;     // optimizer step at the start of each level (scaled parameter units)
    double minimumStep = 0.0001;  // a level ends when the step has shrunk below this
    unsigned int randomSeed = 121;
    /// FU's brain estimate (on FU's grid) to use for MetricRegion::Brain instead of computing it.
    MaskVolume::ConstPointer fuBrain;
    ProgressCallback progress;  // optional; may cancel (throws Cancelled)
};

struct RegistrationResult {
    /// Maps FU (fixed) physical points to BL (moving) physical points, LPS mm.
    RigidTransform::Pointer fuToBl;
    double finalMetric = 0.0;  // Mattes MI at the end (negative; lower is better)
    unsigned int iterations = 0;
    double seconds = 0.0;
    /// FU's brain estimate on FU's grid when the metric used one (MetricRegion::Brain), for reuse
    /// (the CNN's search region).
    MaskVolume::ConstPointer fuBrain;
};

/// Registers `bl` to `fu`. Throws VolumeError when either has no contrast or the images do not
/// overlap enough to be registered.
RegistrationResult registerRigid(const ImageVolume& fu, const ImageVolume& bl, const RegistrationOptions& options = {});

/// Two scans registered to one reference (each transform maps reference points to that scan's
/// points; null = the reference itself) give the map from B's points to A's without registering
/// A to B: x -> referenceToA(referenceToB^-1(x)). Throws VolumeError when either is not a rigid
/// (orthonormal matrix + offset) transform.
RigidTransform::Pointer composeThroughReference(const itk::Transform<double, 3, 3>* referenceToA,
                                                const itk::Transform<double, 3, 3>* referenceToB);

/// Writes the transform as an ITK transform file (.tfm / .txt), atomically.
void writeTransform(const RigidTransform& transform, const std::string& path);

/// Normalised cross-correlation of two images on the same grid, over voxels where `mask` is set
/// (or all voxels where mask is null).
double normalisedCorrelation(const ImageVolume& a, const ImageVolume& b, const MaskVolume* mask = nullptr);

}  // namespace lesiondelta
