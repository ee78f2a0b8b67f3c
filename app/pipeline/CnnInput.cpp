#include "lesiondelta/pipeline/CnnInput.h"

#include <algorithm>
#include <future>

#include "StageClock.h"
#include "lesiondelta/core/BiasCorrection.h"
#include "lesiondelta/core/BrainMask.h"
#include "lesiondelta/core/ItkThreads.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/ResolutionMatching.h"
#include "lesiondelta/core/Standardisation.h"

namespace lesiondelta {

ImageVolume::Pointer fromBuffer(const std::vector<float>& voxels, const ImageVolume& grid) {
    auto image = ImageVolume::New();
    image->CopyInformation(&grid);
    image->SetRegions(grid.GetLargestPossibleRegion());
    image->Allocate();
    std::copy(voxels.begin(), voxels.end(), image->GetBufferPointer());
    return image;
}

PreparedFollowUp prepareFollowUp(const ImageVolume& fu, bool biasCorrection) {
    PreparedFollowUp out;
    out.fu = resampleLinear(fu, *isotropicGridLike(fu, 1.0));
    out.head = headMask(*out.fu);
    if (biasCorrection) out.fu = correctBias(*out.fu, *out.head);
    out.fu = standardise(*out.fu, &out.stats);
    return out;
}

CnnInput prepareCnnInput(const ImageVolume& bl, const ImageVolume& fu, const RigidTransform& fuToBl, double brainRimMm,
                         bool biasCorrection, nlohmann::json* timings, const MaskVolume* fuBrain,
                         const PreparedFollowUp* preparedFu) {
    nlohmann::json ignored;
    StageClock clock(timings ? *timings : ignored);
    const auto grid = isotropicGridLike(fu, 1.0);
    // BL and FU are brought to the 1 mm grid and bias-corrected side by side: N4's histogram
    // sharpening and parts of its fit run on one thread, so the two scans share the cores
    // (segment, pair 03: resampling and N4 of both scans 2.5 -> 1.9 s on 2 cores).
    initialiseItkForThreads();
    CnnInput in;
    auto blTask = std::async(std::launch::async, [&] {
        auto iso = resampleLinear(bl, *grid, &fuToBl);
        if (biasCorrection) iso = correctBias(*iso, *headMask(*iso));
        return standardise(*iso, &in.blStats);
    });
    const PreparedFollowUp fuOnGrid = preparedFu ? *preparedFu : prepareFollowUp(fu, biasCorrection);
    in.fu = fuOnGrid.fu;
    in.fuStats = fuOnGrid.stats;
    in.head = fuOnGrid.head;
    in.bl = blTask.get();
    clock.done("bias_correction");
    // A protocol change (other slice thickness or axis) makes stable lesions look different; both
    // scans are brought to one effective resolution first (core/ResolutionMatching, issue 17).
    in.resolution = matchResolution(in.bl, in.fu, *in.head);
    clock.done("resolution_matching");
    if (brainRimMm < 0) {
        in.searchRegion = in.head;
    } else {
        // The brain is estimated on FU's own grid, as the registration does: on the standardised
        // 1 mm FU the estimate came out empty for real pair 01.
        const auto brain = resampleNearest(fuBrain ? *fuBrain : *brainMask(fu), *grid);
        in.searchRegion = withoutRim(*brain, brainRimMm);
    }
    clock.done("brain_region");
    return in;
}

ml::VolumeBuffer toBuffer(const ImageVolume& image) {
    ml::VolumeBuffer b;
    const auto size = image.GetLargestPossibleRegion().GetSize();
    b.size = {int64_t(size[0]), int64_t(size[1]), int64_t(size[2])};  // ITK buffers are x fastest too
    b.voxels.assign(image.GetBufferPointer(), image.GetBufferPointer() + b.count());
    return b;
}

}  // namespace lesiondelta
