#include "lesiondelta/core/NiftiFileCheck.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <memory>
#include <sstream>
#include <utility>
#include <vector>

#include "lesiondelta/core/VolumeError.h"

namespace lesiondelta {
namespace {

template <typename T>
T swapBytes(T v) {
    unsigned char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    for (std::size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(b[i], b[sizeof(T) - 1 - i]);
    std::memcpy(&v, b, sizeof(T));
    return v;
}

template <typename T>
T field(const unsigned char* header, std::size_t offset, bool swapped) {
    T v;
    std::memcpy(&v, header + offset, sizeof(T));
    return swapped ? swapBytes(v) : v;
}

struct GzCloser {
    void operator()(gzFile_s* f) const { gzclose(f); }
};

}  // namespace

NiftiFileFacts checkNiftiFile(const std::string& path, std::uint64_t maxVoxels) {
    NiftiFileFacts facts;
    std::unique_ptr<gzFile_s, GzCloser> file(gzopen(path.c_str(), "rb"));  // reads plain files too
    if (!file) throw VolumeError(path, "cannot be opened");
    unsigned char header[348];
    if (gzread(file.get(), header, sizeof header) != int(sizeof header)) return facts;  // ITK decides
    const std::int32_t sizeofHdr = field<std::int32_t>(header, 0, false);
    if (sizeofHdr == 540 || swapBytes(sizeofHdr) == 540) return facts;  // NIfTI-2: ITK decides
    // The NIfTI library takes any "n+D" or "niD" (D = 1..9) at byte 344 as a NIfTI header of this
    // layout, so this check does too (fuzzing found "n+2" passing here and aborting ITK).
    const unsigned char* magic = header + 344;
    const bool nifti1Magic = magic[0] == 'n' && (magic[1] == '+' || magic[1] == 'i') && magic[2] >= '1' &&
                             magic[2] <= '9' && magic[3] == '\0';
    if (!nifti1Magic) {
        if (sizeofHdr != 348 && swapBytes(sizeofHdr) != 348) return facts;  // not NIfTI-1: ITK decides
        // A 348-byte header without NIfTI's magic is Analyze 7.5, which ITK reads with a guessed
        // orientation: a left-right flip would go unnoticed in a reading tool.
        throw VolumeError(path,
                          "is an Analyze 7.5 file (a 348-byte header without NIfTI magic): its left-right "
                          "orientation is ambiguous; convert it to NIfTI-1 with its orientation checked");
    }
    // NIfTI's magic is enough for ITK's reader (whatever sizeof_hdr says), so it is for this check
    // too (found by fuzzing). Byte order as the NIfTI library decides it: from dim[0], else from
    // sizeof_hdr.
    const auto rank0 = field<std::int16_t>(header, 40, false);
    const bool swapped = (rank0 < 1 || rank0 > 7)
                             ? (swapBytes(rank0) >= 1 && swapBytes(rank0) <= 7) || swapBytes(sizeofHdr) == 348
                             : false;
    facts.isNifti1 = true;

    const int rank = field<std::int16_t>(header, 40, swapped);
    if (rank < 1 || rank > 7)
        throw VolumeError(path, "has an invalid NIfTI header (dimension count " + std::to_string(rank) + ")");
    std::uint64_t voxels = 1;
    for (int i = 1; i <= rank; ++i) {
        const int n = field<std::int16_t>(header, 40 + 2 * i, swapped);
        if (n < 0) throw VolumeError(path, "has a negative size in its NIfTI header");
        if (n == 0 && i <= 3) throw VolumeError(path, "is empty (size 0 along axis " + std::to_string(i - 1) + ")");
        voxels *= static_cast<std::uint64_t>(n);
    }
    if (voxels > maxVoxels) {
        throw VolumeError(path, "is too large (" + std::to_string(voxels) + " voxels; the limit is " +
                                    std::to_string(maxVoxels) + ")");
    }
    for (int i = 1; i <= std::min(rank, 3); ++i) {
        const float sp = field<float>(header, 76 + 4 * i, swapped);
        if (!std::isfinite(sp) || sp == 0.0f) {
            std::ostringstream s;
            s << "has an invalid voxel spacing (" << sp << " mm along axis " << (i - 1) << ")";
            throw VolumeError(path, s.str());
        }
    }
    // The orientation (qfac, quaternion and offsets, the sform rows) must be numbers: ITK's NIfTI
    // reader aborts the whole program on a NaN there (vnl_svd asserts; found by fuzzing).
    for (int offset : {76, 256, 260, 264, 268, 272, 276}) {
        if (!std::isfinite(field<float>(header, offset, swapped)))
            throw VolumeError(path, "has a non-finite orientation (qform) in its NIfTI header");
    }
    for (int offset = 280; offset < 328; offset += 4) {
        if (!std::isfinite(field<float>(header, offset, swapped)))
            throw VolumeError(path, "has a non-finite orientation (sform) in its NIfTI header");
    }
    const int datatype = field<std::int16_t>(header, 70, swapped);
    // Bytes per voxel as the NIfTI library takes them: from the data type, whatever bitpix says
    // (a header with bitpix 0 once passed the truncation check below; found by fuzzing).
    static const std::pair<int, int> kTypeBytes[] = {{2, 1},     {4, 2},     {8, 4},     {16, 4},  {32, 8},   {64, 8},
                                                     {128, 3},   {256, 1},   {512, 2},   {768, 4}, {1024, 8}, {1280, 8},
                                                     {1536, 16}, {1792, 16}, {2048, 32}, {2304, 4}};
    const auto type =
        std::find_if(std::begin(kTypeBytes), std::end(kTypeBytes), [&](const auto& t) { return t.first == datatype; });
    if (type == std::end(kTypeBytes))
        throw VolumeError(path,
                          "has an unknown voxel data type in its NIfTI header (code " + std::to_string(datatype) + ")");
    const float voxOffset = field<float>(header, 108, swapped);
    facts.expectedBytes = voxels * static_cast<std::uint64_t>(type->second);

    // Skip the extension area up to vox_offset, then stream the voxels.
    if (magic[1] != '+') return facts;  // header-only (.hdr/.img pair)
    if (!std::isfinite(voxOffset) || voxOffset < 352.0f || voxOffset > float(1 << 30)) {
        std::ostringstream s;
        s << "has an invalid voxel data offset in its NIfTI header (" << voxOffset << ")";
        throw VolumeError(path, s.str());
    }
    std::vector<unsigned char> chunk(1 << 20);
    long toSkip = std::max(0L, static_cast<long>(voxOffset) - 348L);
    while (toSkip > 0) {
        const int n = gzread(file.get(), chunk.data(), static_cast<unsigned>(std::min<long>(toSkip, chunk.size())));
        if (n <= 0) break;
        toSkip -= n;
    }
    const bool isFloat32 = datatype == 16, isFloat64 = datatype == 64;
    const std::size_t unit = isFloat64 ? 8 : 4;
    std::size_t carry = 0;  // bytes of a split value at the end of a chunk
    for (;;) {
        const int n = gzread(file.get(), chunk.data() + carry, static_cast<unsigned>(chunk.size() - carry));
        if (n < 0) {
            int code = 0;
            const char* reason = gzerror(file.get(), &code);
            throw VolumeError(path, std::string("is corrupt or truncated (") + (reason ? reason : "read error") + ")");
        }
        if (n == 0) break;
        const std::size_t available = carry + static_cast<std::size_t>(n);
        std::size_t whole = (isFloat32 || isFloat64) ? available - available % unit : available;
        if (facts.payloadBytes < facts.expectedBytes && (isFloat32 || isFloat64)) {
            const std::uint64_t remaining = facts.expectedBytes - facts.payloadBytes;
            const std::size_t scan = static_cast<std::size_t>(std::min<std::uint64_t>(whole, remaining));
            for (std::size_t off = 0; off + unit <= scan; off += unit) {
                double v;
                if (isFloat32) {
                    float f;
                    std::memcpy(&f, chunk.data() + off, 4);
                    v = swapped ? swapBytes(f) : f;
                } else {
                    std::memcpy(&v, chunk.data() + off, 8);
                    if (swapped) v = swapBytes(v);
                }
                facts.nonFiniteVoxels += std::isfinite(v) ? 0 : 1;
            }
        }
        facts.payloadBytes += whole;
        carry = available - whole;
        if (carry) std::memmove(chunk.data(), chunk.data() + whole, carry);
    }
    facts.payloadBytes += carry;
    if (facts.payloadBytes < facts.expectedBytes) {
        std::ostringstream s;
        s << "is truncated (" << facts.payloadBytes << " of " << facts.expectedBytes << " voxel bytes present)";
        throw VolumeError(path, s.str());
    }
    if (facts.nonFiniteVoxels > 0) {
        throw VolumeError(path, "contains " + std::to_string(facts.nonFiniteVoxels) + " NaN or infinite voxels");
    }
    return facts;
}

}  // namespace lesiondelta
