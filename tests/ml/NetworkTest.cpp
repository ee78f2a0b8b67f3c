#include <gtest/gtest.h>

#include <iostream>

#include "lesiondelta/ml/LesionChangeNet.h"

using namespace lesiondelta::ml;

namespace {

LesionChangeNet smallNet(int width = 4) {
    torch::manual_seed(1);
    NetworkConfig c;
    c.baseWidth = width;
    return LesionChangeNet(c);
}

TEST(LesionChangeNet, EncoderLevelsHaveDoublingWidthsAndHalvingSides) {
    auto net = smallNet(4);
    const auto features = net->encoder()->forward(torch::randn({1, 1, 32, 48, 64}));
    ASSERT_EQ(features.size(), 5u);
    for (int l = 0; l < 5; ++l) {
        EXPECT_EQ(features[l].sizes(), torch::IntArrayRef({1, 4 << l, 32 >> l, 48 >> l, 64 >> l})) << "level " << l;
    }
}

TEST(LesionChangeNet, PaperWidthRunsFrom16MapsAt128To256MapsAt8) {
    NetworkConfig c;  // base width 16
    const auto w = c.widths();
    EXPECT_EQ(w.front(), 16);
    EXPECT_EQ(w.back(), 256);
    // 128 / 2^4 = 8: four stride-2 reductions.
    EXPECT_EQ(128 >> (NetworkConfig::kLevels - 1), 8);
}

TEST(LesionChangeNet, OutputIsOneProbabilityPerVoxelAndDeepHeadsOnlyInTraining) {
    auto net = smallNet(4);
    const auto bl = torch::randn({1, 1, 32, 32, 32}), fu = torch::randn({1, 1, 32, 32, 32});
    net->train();
    const auto train = net->forward(bl, fu);
    EXPECT_EQ(train.logits.sizes(), torch::IntArrayRef({1, 1, 32, 32, 32}));
    ASSERT_EQ(train.deepLogits.size(), 2u);
    EXPECT_EQ(train.deepLogits[0].sizes(), torch::IntArrayRef({1, 1, 16, 16, 16}));
    EXPECT_EQ(train.deepLogits[1].sizes(), torch::IntArrayRef({1, 1, 8, 8, 8}));
    net->eval();
    const auto eval = net->forward(bl, fu);
    EXPECT_TRUE(eval.deepLogits.empty());
    const auto p = net->probability(bl, fu);
    EXPECT_GE(p.min().item<float>(), 0.0f);
    EXPECT_LE(p.max().item<float>(), 1.0f);
}

TEST(LesionChangeNet, EncoderIsSharedBetweenBaselineAndFollowUp) {
    auto net = smallNet(4);
    int encoderModules = 0;
    for (const auto& child : net->named_children()) encoderModules += child.key().find("encoder") != std::string::npos;
    EXPECT_EQ(encoderModules, 1);  // one parameter set, used twice
    // Identical inputs give identical features: BL and FU halves of every skip are equal.
    const auto x = torch::randn({1, 1, 32, 32, 32});
    const auto a = net->encoder()->forward(x), b = net->encoder()->forward(x.clone());
    for (std::size_t l = 0; l < a.size(); ++l) EXPECT_TRUE(torch::equal(a[l], b[l]));
    // Swapping BL and FU changes the output: the decoder knows which is which.
    net->eval();
    const auto y = torch::randn({1, 1, 32, 32, 32});
    EXPECT_FALSE(torch::allclose(net->probability(x, y), net->probability(y, x)));
}

TEST(LesionChangeNet, ParameterCountMatchesAHandCount) {
    NetworkConfig c;
    auto net = LesionChangeNet(c);
    const auto w = c.widths();
    auto conv = [](int64_t in, int64_t out, int64_t k) { return in * out * k * k * k + out; };
    auto cna = [&](int64_t in, int64_t out) { return conv(in, out, 3) + 2 * out; };  // conv + affine IN
    int64_t expected = 0;
    for (int l = 0; l < 5; ++l) {
        expected += cna(l == 0 ? 1 : w[l - 1], w[l]);                  // entry
        expected += cna(w[l], w[l]) + conv(w[l], w[l], 3) + 2 * w[l];  // residual block
    }
    expected += cna(2 * w[4], w[3]);
    for (int l = 3; l >= 1; --l) expected += cna(3 * w[l], w[l - 1]);
    expected += cna(3 * w[0], w[0]);
    expected += conv(w[0], 1, 1) * 2 + conv(w[1], 1, 1);  // three heads
    const int64_t counted = parameterCount(*net);
    std::cout << "paper-width network: " << counted << " parameters, " << forwardFlops(c, 128) / 1e9
              << " GFLOP per 128^3 crop pair\n";
    EXPECT_EQ(counted, expected);
}

TEST(LesionChangeNet, RefusesPatchesThatAreNotMultiplesOf16) {
    auto net = smallNet(2);
    EXPECT_THROW(net->forward(torch::zeros({1, 1, 20, 32, 32}), torch::zeros({1, 1, 20, 32, 32})),
                 std::invalid_argument);
}

}  // namespace
