// prepareCnnInput's search region: from the registration's FU brain estimate or, without one, from
// an estimate on FU's own grid - never empty for a head, and the same either way.
#include <gtest/gtest.h>

#include <filesystem>

#include "TestImages.h"
#include "lesiondelta/core/BrainMask.h"
#include "lesiondelta/pipeline/CnnInput.h"
#include "lesiondelta/pipeline/PairLoading.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
namespace fs = std::filesystem;

namespace {

double voxels(const MaskVolume& m) {
    double n = 0;
    const auto* p = m.GetBufferPointer();
    for (std::size_t i = 0; i < m.GetLargestPossibleRegion().GetNumberOfPixels(); ++i) n += p[i] != 0;
    return n;
}

double overlap(const MaskVolume& a, const MaskVolume& b) {
    double n = 0;
    const auto *p = a.GetBufferPointer(), *q = b.GetBufferPointer();
    for (std::size_t i = 0; i < a.GetLargestPossibleRegion().GetNumberOfPixels(); ++i) n += p[i] != 0 && q[i] != 0;
    return n;
}

}  // namespace

TEST(CnnInput, SearchRegionWithoutTheRegistrationsBrainIsTheSameBrainInsideTheHead) {
    // An anisotropic FLAIR-like grid (1.2 x 1.2 x 3 mm), as the 1 mm resampling meets it.
    auto fu = makeImage<ImageVolume>({120, 140, 40}, {1.2, 1.2, 3.0}, {-72, -84, -60});
    fillPhysical(*fu, headPhantom);
    const auto identity = RigidTransform::New();
    const auto own = prepareCnnInput(*fu, *fu, *identity);
    const auto brain = brainMask(*fu);
    const auto given = prepareCnnInput(*fu, *fu, *identity, kDefaultBrainRimMm, true, nullptr, brain.GetPointer());
    ASSERT_EQ(own.searchRegion->GetLargestPossibleRegion(), own.fu->GetLargestPossibleRegion());
    const double n = voxels(*own.searchRegion);
    // The phantom's brain ellipsoid holds ~790 ml; without its 5 mm rim still well over 400 ml.
    EXPECT_GT(n, 400000.0);
    EXPECT_EQ(n, voxels(*given.searchRegion));
    EXPECT_EQ(overlap(*own.searchRegion, *given.searchRegion), n);
    EXPECT_EQ(overlap(*own.searchRegion, *own.head), n) << "the search region lies inside the head";
    EXPECT_EQ(voxels(*prepareCnnInput(*fu, *fu, *identity, -1.0).searchRegion), voxels(*own.head))
        << "a negative rim searches the whole head";
}

TEST(CnnInputRealData, Pair01SearchRegionIsTheBrainWithOrWithoutTheRegistrationsEstimate) {
    const fs::path dir = fs::path(LESIONDELTA_SHARED_DATA) / "ljubljana-longitudinal" / "patient01";
    if (!fs::exists(dir / "study2_FLAIR.nii.gz")) GTEST_SKIP() << dir << " (shared real data) not found";
    SegmentationInput in;
    in.blPath = (dir / "study1_FLAIR.nii.gz").string();
    in.fuPath = (dir / "study2_FLAIR.nii.gz").string();
    nlohmann::json timings;
    const auto pair = loadAndRegisterPair(in, timings);
    const auto given = prepareCnnInput(*pair.bl, *pair.fu, *pair.registration.fuToBl, kDefaultBrainRimMm, true, nullptr,
                                       pair.registration.fuBrain.GetPointer());
    const auto own = prepareCnnInput(*pair.bl, *pair.fu, *pair.registration.fuToBl);
    const double n = voxels(*given.searchRegion);
    EXPECT_GT(n, 300000.0) << "at least 0.3 l of brain to search";
    // This one came out empty when the brain was estimated on the standardised 1 mm FU.
    EXPECT_GT(overlap(*own.searchRegion, *given.searchRegion), 0.95 * n);
    EXPECT_LT(voxels(*own.searchRegion), 1.05 * n);
}
