#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace lesiondelta::ml {

/// SHA-256 (FIPS 180-4), incremental. Used for the weights-file checksum.
class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t bytes);
    /// Finishes and returns the digest as 64 lowercase hex digits.
    std::string hexDigest();

private:
    void block(const std::uint8_t* p);
    std::uint32_t h_[8];
    std::uint8_t buffer_[64];
    std::size_t buffered_ = 0;
    std::uint64_t totalBytes_ = 0;
};

}  // namespace lesiondelta::ml
