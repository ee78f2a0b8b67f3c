#include <gtest/gtest.h>

#include "lesiondelta/ml/Widening.h"

using namespace lesiondelta::ml;

namespace {

LesionChangeNet net(int width) {
    NetworkConfig c;
    c.baseWidth = width;
    return LesionChangeNet(c);
}

/// A narrow network whose every parameter (norm scales and shifts included, which start at 1 and
/// 0) is random, so that a widening that mishandles any of them changes the output.
LesionChangeNet randomNarrow(int width) {
    torch::manual_seed(7);
    auto n = net(width);
    torch::NoGradGuard noGrad;
    for (auto& p : n->parameters()) p.copy_(0.5 * torch::randn_like(p) + (p.dim() == 1 ? 0.3 : 0.0));
    return n;
}

struct Inputs {
    torch::Tensor bl = torch::randn({2, 1, 32, 32, 32});
    torch::Tensor fu = torch::randn({2, 1, 32, 32, 32});
};

TEST(Widening, TwiceAndThriceAsWideComputeTheSameOutputs) {
    auto narrow = randomNarrow(2);
    const Inputs in;
    narrow->train();
    const auto expected = narrow->forward(in.bl, in.fu);
    for (int k : {2, 3}) {
        auto wide = net(2 * k);
        widenInto(narrow, wide, 0.0);
        wide->train();
        const auto got = wide->forward(in.bl, in.fu);
        EXPECT_TRUE(torch::allclose(got.logits, expected.logits, 1e-4, 1e-4)) << "k " << k;
        ASSERT_EQ(got.deepLogits.size(), expected.deepLogits.size());
        for (std::size_t h = 0; h < got.deepLogits.size(); ++h)
            EXPECT_TRUE(torch::allclose(got.deepLogits[h], expected.deepLogits[h], 1e-4, 1e-4)) << "k " << k;
        EXPECT_GT(parameterCount(*wide), 3 * parameterCount(*narrow));
    }
}

TEST(Widening, NoiseSeparatesTheCopiesAndKeepsTheOutputClose) {
    auto narrow = randomNarrow(2);
    const Inputs in;
    narrow->eval();
    const auto expected = narrow->probability(in.bl, in.fu);
    auto exact = net(4), noisy = net(4);
    widenInto(narrow, exact, 0.0);
    torch::manual_seed(3);
    widenInto(narrow, noisy, 0.05);
    noisy->eval();
    const auto got = noisy->probability(in.bl, in.fu);
    const double change = (got - expected).abs().mean().item<double>();
    EXPECT_GT(change, 0.0);
    EXPECT_LT(change, 0.05);
    // The two copies of the first encoder channel: equal without noise, different with it.
    const auto w0 = exact->named_parameters()["encoder.entry0.conv.weight"];
    const auto w1 = noisy->named_parameters()["encoder.entry0.conv.weight"];
    EXPECT_TRUE(torch::equal(w0[0], w0[1]));
    EXPECT_FALSE(torch::equal(w1[0], w1[1]));
}

TEST(Widening, RefusesAWidthThatIsNotAMultiple) {
    auto narrow = randomNarrow(2);
    auto wide = net(3);
    EXPECT_THROW(widenInto(narrow, wide, 0.0), std::invalid_argument);
    auto same = net(2);
    widenInto(narrow, same, 0.0);  // k = 1: a copy
    for (const auto& p : narrow->named_parameters())
        EXPECT_TRUE(torch::equal(p.value(), same->named_parameters()[p.key()])) << p.key();
}

}  // namespace
