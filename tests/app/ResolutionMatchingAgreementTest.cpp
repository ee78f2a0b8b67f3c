// Inference (core/ResolutionMatching, ITK, whole head) and the training synthesis
// (ml/CropResolutionMatching, LibTorch, crop pair) apply one rule: on the same pair of scans they
// blur the same scan along the same axis by about the same sigma, so the network is trained on
// pairs prepared as it is shown them.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "TestImages.h"
#include "TorchPhantoms.h"
#include "lesiondelta/core/ResolutionMatching.h"
#include "lesiondelta/ml/CropResolutionMatching.h"

using namespace lesiondelta;
using namespace lesiondelta::test;

namespace {

constexpr unsigned kN = 48;

using lesiondelta::testing::gaussianAlong;

// Both layouts keep x fastest: tensor [1, 1, z, y, x] and ITK's buffer share one memory order.
ImageVolume::Pointer toImage(const torch::Tensor& t) {
    auto image = makeImage<ImageVolume>({kN, kN, kN}, {1, 1, 1});
    const auto c = t.contiguous();
    std::memcpy(image->GetBufferPointer(), c.data_ptr<float>(), sizeof(float) * kN * kN * kN);
    return image;
}

}  // namespace

TEST(ResolutionMatchingAgreement, InferenceAndTrainingSynthesisBlurTheSameScanAlongTheSameAxisAlike) {
    const auto truth = lesiondelta::testing::smoothTexture(kN, 3);
    auto bl = gaussianAlong(truth, 0, 1.3) + 0.03 * torch::randn_like(truth);  // thick along z
    auto fu = gaussianAlong(truth, 2, 1.0) + 0.02 * torch::randn_like(truth);  // thick along x
    auto maskTensor = torch::zeros_like(truth);
    maskTensor.narrow(2, 6, kN - 12).narrow(3, 6, kN - 12).narrow(4, 6, kN - 12).fill_(1);
    auto mask = makeImage<MaskVolume>({kN, kN, kN}, {1, 1, 1});
    paintBox(*mask, {6, 6, 6}, {long(kN) - 7, long(kN) - 7, long(kN) - 7});

    auto blImage = toImage(bl), fuImage = toImage(fu);
    const auto inference = matchResolution(blImage, fuImage, *mask);
    const auto training = ml::matchCropResolution(bl, fu, maskTensor);
    std::printf(
        "sigmas (x, y, z): inference BL %.2f %.2f %.2f FU %.2f %.2f %.2f; training BL %.2f %.2f %.2f FU %.2f %.2f "
        "%.2f\n",
        inference.blSigmaMm[0], inference.blSigmaMm[1], inference.blSigmaMm[2], inference.fuSigmaMm[0],
        inference.fuSigmaMm[1], inference.fuSigmaMm[2], training.blSigmaVoxels[2], training.blSigmaVoxels[1],
        training.blSigmaVoxels[0], training.fuSigmaVoxels[2], training.fuSigmaVoxels[1], training.fuSigmaVoxels[0]);
    ASSERT_TRUE(inference.changed());
    ASSERT_TRUE(training.changed());
    for (int t = 0; t < 3; ++t) {
        const int i = 2 - t;  // tensor axis t (z, y, x) is grid axis i (x, y, z)
        EXPECT_EQ(inference.blSigmaMm[i] > 0, training.blSigmaVoxels[t] > 0) << "tensor axis " << t;
        EXPECT_EQ(inference.fuSigmaMm[i] > 0, training.fuSigmaVoxels[t] > 0) << "tensor axis " << t;
        EXPECT_NEAR(inference.blSigmaMm[i], training.blSigmaVoxels[t], 0.3) << "tensor axis " << t;
        EXPECT_NEAR(inference.fuSigmaMm[i], training.fuSigmaVoxels[t], 0.3) << "tensor axis " << t;
        EXPECT_NEAR(inference.ratioBefore[i], training.ratioBefore[t], 0.05 * inference.ratioBefore[i]);
    }
    EXPECT_GT(training.fuSigmaVoxels[0], 0.5);  // FU along z, as BL is thick there
    EXPECT_GT(training.blSigmaVoxels[2], 0.4);  // BL along x, as FU is thick there
}
