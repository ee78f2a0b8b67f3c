#pragma once
// Writes NIfTI-1 files byte by byte, so tests can make headers that ITK would refuse to write
// (zero or NaN spacing, absurd sizes, RGB or complex voxels, 2D and 4D).
#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace lesiondelta::test {

struct RawNiftiHeader {
    std::array<std::int16_t, 8> dim{3, 4, 4, 4, 1, 1, 1, 1};
    std::array<float, 8> pixdim{1, 1, 1, 1, 1, 1, 1, 1};
    std::int16_t datatype = 16;  // 2 uint8, 4 int16, 16 float32, 32 complex64, 128 RGB24, 1024 int64
    std::int16_t bitpix = 32;
    std::int16_t sform = 0;  // with sform > 0, srow holds the voxel-to-RAS rows
    std::array<float, 12> srow{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
};

/// Writes header + `payload` bytes (uncompressed .nii). The payload need not match the header,
/// which is how truncated files are made.
inline void writeRawNifti(const std::string& path, const RawNiftiHeader& h, const std::vector<char>& payload) {
    std::vector<char> header(352, 0);
    auto put = [&](std::size_t offset, const void* src, std::size_t n) { std::memcpy(&header[offset], src, n); };
    const std::int32_t sizeofHdr = 348;
    put(0, &sizeofHdr, 4);
    put(40, h.dim.data(), 16);
    put(70, &h.datatype, 2);
    put(72, &h.bitpix, 2);
    put(76, h.pixdim.data(), 32);
    const float voxOffset = 352.0f, slope = 1.0f;
    put(108, &voxOffset, 4);
    put(112, &slope, 4);
    const std::int16_t qform = 0;
    put(252, &qform, 2);
    put(254, &h.sform, 2);
    if (h.sform > 0) put(280, h.srow.data(), 48);
    put(344, "n+1\0", 4);
    std::ofstream out(path, std::ios::binary);
    out.write(header.data(), header.size());
    out.write(payload.data(), payload.size());
}

/// Float voxels as bytes.
inline std::vector<char> floatBytes(const std::vector<float>& v) {
    std::vector<char> b(v.size() * sizeof(float));
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

}  // namespace lesiondelta::test
