#include <gtest/gtest.h>

#include <string>

#include "lesiondelta/ml/Sha256.h"

using lesiondelta::ml::Sha256;

namespace {

std::string digest(const std::string& s) {
    Sha256 h;
    h.update(s.data(), s.size());
    return h.hexDigest();
}

TEST(Sha256, MatchesTheFips180Examples) {
    EXPECT_EQ(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, PiecewiseUpdatesEqualOneUpdate) {
    const std::string text(1000, 'a');
    Sha256 h;
    for (std::size_t i = 0; i < text.size(); i += 7)
        h.update(text.data() + i, std::min<std::size_t>(7, text.size() - i));
    EXPECT_EQ(h.hexDigest(), digest(text));
}

}  // namespace
