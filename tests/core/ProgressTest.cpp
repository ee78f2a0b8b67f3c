#include <gtest/gtest.h>

#include <vector>

#include "lesiondelta/core/Progress.h"

using namespace lesiondelta;

TEST(Progress, AShareMapsTheSubTasksFractionsIntoItsRangeAndPassesTheAnswerBack) {
    std::vector<std::pair<double, std::string>> seen;
    bool goOn = true;
    const ProgressCallback parent = [&](double f, const std::string& stage) {
        seen.emplace_back(f, stage);
        return goOn;
    };
    const auto registration = progressShare(parent, 0.1, 0.3);
    EXPECT_TRUE(registration(0.0, "registration"));
    EXPECT_TRUE(registration(0.5, "registration"));
    goOn = false;  // the reader pressed Cancel
    EXPECT_FALSE(registration(1.0, "registration"));
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_DOUBLE_EQ(seen[0].first, 0.1);
    EXPECT_DOUBLE_EQ(seen[1].first, 0.2);
    EXPECT_DOUBLE_EQ(seen[2].first, 0.3);
    EXPECT_EQ(seen[1].second, "registration");
    // Shares nest: the second half of a share of 0..0.3.
    seen.clear();
    goOn = true;
    progressShare(progressShare(parent, 0.0, 0.3), 0.5, 1.0)(0.0, "x");
    EXPECT_DOUBLE_EQ(seen.at(0).first, 0.15);
    // Without a parent nothing stops.
    EXPECT_TRUE(progressShare(ProgressCallback{}, 0.0, 1.0)(0.7, "x"));
}
