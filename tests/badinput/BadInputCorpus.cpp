#include "BadInputCorpus.h"

#include <sys/stat.h>
#include <zlib.h>

#include <fstream>
#include <limits>

#include "RawNifti.h"
#include "TestDicom.h"
#include "TestImages.h"
#include "lesiondelta/core/VolumeIO.h"

namespace fs = std::filesystem;

namespace lesiondelta::test {
namespace {

std::vector<char> fileBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeBytes(const fs::path& p, const std::vector<char>& bytes) {
    std::ofstream(p, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

std::vector<char> gzip(const std::vector<char>& raw) {
    std::vector<char> out(compressBound(uLong(raw.size())) + 64);
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // +16: gzip wrapper
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
    z.avail_in = uInt(raw.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

/// A float NIfTI of `n` x `n` x `n` voxels with a bright cube, as raw bytes (header + payload).
std::vector<char> niftiBytes(const fs::path& scratch, RawNiftiHeader h, const std::vector<char>& payload) {
    writeRawNifti(scratch.string(), h, payload);
    auto bytes = fileBytes(scratch);
    fs::remove(scratch);
    return bytes;
}

std::vector<char> cubePayload(int n, float inside = 100.0f) {
    std::vector<float> v(std::size_t(n) * n * n, 10.0f);
    for (int z = n / 4; z < 3 * n / 4; ++z)
        for (int y = n / 4; y < 3 * n / 4; ++y)
            for (int x = n / 4; x < 3 * n / 4; ++x) v[(std::size_t(z) * n + y) * n + x] = inside;
    return floatBytes(v);
}

RawNiftiHeader cube(int n) {
    RawNiftiHeader h;
    h.dim = {3, std::int16_t(n), std::int16_t(n), std::int16_t(n), 1, 1, 1, 1};
    return h;
}

}  // namespace

BadInputCorpus makeBadInputCorpus(const fs::path& dir) {
    BadInputCorpus c;
    const fs::path scratch = dir / "scratch.nii";
    auto add = [&](std::string name, const fs::path& p, std::string problem, bool unprivileged = false) {
        c.inputs.push_back({std::move(name), p.string(), std::move(problem), unprivileged});
    };
    constexpr int n = 24;
    const auto good = niftiBytes(scratch, cube(n), cubePayload(n));
    writeBytes(dir / "good.nii", good);
    c.goodScan = (dir / "good.nii").string();
    const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();

    // Files that are not (whole) images.
    add("missing file", dir / "missing.nii.gz", "not found");
    writeBytes(dir / "empty.nii.gz", {});
    add("empty file", dir / "empty.nii.gz", "empty");
    writeBytes(dir / "text.nii.gz", std::vector<char>{'h', 'e', 'l', 'l', 'o', '\n'});
    add("text named like an image", dir / "text.nii.gz", "not a readable image");
    auto gz = gzip(good);
    writeBytes(dir / "truncated.nii.gz", std::vector<char>(gz.begin(), gz.begin() + std::ptrdiff_t(gz.size() / 2)));
    add("truncated gzip", dir / "truncated.nii.gz", "truncated");
    auto corrupt = gz;
    for (std::size_t i = gz.size() / 3; i < gz.size() / 3 + 64; ++i) corrupt[i] = char(~corrupt[i]);
    writeBytes(dir / "corrupt.nii.gz", corrupt);
    add("corrupt gzip stream", dir / "corrupt.nii.gz", "corrupt");
    auto badMagic = good;
    std::memcpy(&badMagic[344], "xx1\0", 4);
    writeBytes(dir / "bad-magic.nii", badMagic);
    add("wrong NIfTI magic (Analyze 7.5)", dir / "bad-magic.nii", "Analyze");
    std::vector<char> garbage(4096);
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = char((i * 2654435761u) >> 13);
    writeBytes(dir / "garbage.nii", garbage);
    add("random bytes", dir / "garbage.nii", "not a readable image");
    auto hugeOffset = good;  // found by fuzzing: a float offset beyond any integer crashed the check (UB)
    const float offset = 7.1e22f;
    std::memcpy(&hugeOffset[108], &offset, 4);
    writeBytes(dir / "huge-offset.nii", hugeOffset);
    add("voxel offset of 7e22 bytes", dir / "huge-offset.nii", "voxel data offset");
    auto nanSform = good;  // found by fuzzing: NIfTI magic but a broken sizeof_hdr, and NaN in the sform
    const std::int32_t brokenSize = -83951524;
    const std::int16_t sform = 1;
    std::memcpy(&nanSform[0], &brokenSize, 4);
    std::memcpy(&nanSform[254], &sform, 2);
    std::memcpy(&nanSform[304], &nan, 4);
    writeBytes(dir / "bad-sizeof-nan-sform.nii", nanSform);
    add("broken sizeof_hdr and NaN in the sform", dir / "bad-sizeof-nan-sform.nii", "non-finite orientation");
    std::memcpy(&nanSform[344], "n+2\0", 4);  // ITK's NIfTI library reads "n+2".."n+9" in this layout too
    writeBytes(dir / "magic-n2-nan-sform.nii", nanSform);
    add("magic \"n+2\" and NaN in the sform", dir / "magic-n2-nan-sform.nii", "non-finite orientation");
    writeBytes(dir / "short.nii", std::vector<char>(good.begin(), good.begin() + 352 + 1000));
    add("payload shorter than the header says", dir / "short.nii", "truncated");
    writeBytes(dir / "header-only.hdr", std::vector<char>(good.begin(), good.begin() + 348));
    add("header without its .img", dir / "header-only.hdr", "truncated");

    // Headers with impossible or unsupported geometry and types.
    auto writeHeader = [&](const std::string& file, RawNiftiHeader h, const std::vector<char>& payload) {
        writeRawNifti((dir / file).string(), h, payload);
    };
    auto h = cube(n);
    h.dim = {2, n, n, 1, 1, 1, 1, 1};
    writeHeader("2d.nii", h, floatBytes(std::vector<float>(n * n, 1.0f)));
    add("2D image", dir / "2d.nii", "2D");
    h = cube(n);
    h.dim = {4, n, n, n, 3, 1, 1, 1};
    writeHeader("4d.nii", h, floatBytes(std::vector<float>(std::size_t(n) * n * n * 3, 1.0f)));
    add("4D with three volumes", dir / "4d.nii", "volumes");
    h = cube(n);
    h.dim[1] = -5;
    writeHeader("negative-dim.nii", h, cubePayload(n));
    add("negative dimension", dir / "negative-dim.nii", "negative size");
    h = cube(n);
    h.dim = {3, 1000, 1000, 1000, 1, 1, 1, 1};
    writeHeader("absurd.nii", h, cubePayload(4));
    add("10^9 voxels claimed", dir / "absurd.nii", "voxels");
    h = cube(n);
    h.dim[2] = 0;
    writeHeader("zero-axis.nii", h, {});
    add("axis of size 0", dir / "zero-axis.nii", "empty");
    h = cube(n);
    h.pixdim[2] = 0.0f;
    writeHeader("zero-spacing.nii", h, cubePayload(n));
    add("zero spacing", dir / "zero-spacing.nii", "spacing");
    h = cube(n);
    h.pixdim[1] = nan;
    writeHeader("nan-spacing.nii", h, cubePayload(n));
    add("NaN spacing", dir / "nan-spacing.nii", "spacing");
    h = cube(n);
    h.pixdim[3] = inf;
    writeHeader("inf-spacing.nii", h, cubePayload(n));
    add("infinite spacing", dir / "inf-spacing.nii", "spacing");
    h = cube(n);  // found by fuzzing the mask import: grid arithmetic on it overflowed (UB)
    h.pixdim[1] = h.pixdim[2] = 1.2e-38f;
    writeHeader("tiny-spacing.nii", h, cubePayload(n));
    add("spacing of 1e-38 mm", dir / "tiny-spacing.nii", "implausible voxel spacing");
    h = cube(n);  // found by fuzzing the mask import: ITK's NIfTI reader aborted the program
    h.sform = 1;
    h.srow[6] = h.srow[7] = nan;
    writeHeader("nan-sform.nii", h, cubePayload(n));
    add("NaN in the sform", dir / "nan-sform.nii", "non-finite orientation");
    std::vector<float> values(std::size_t(n) * n * n, 5.0f);
    values[100] = nan;
    writeHeader("nan-voxels.nii", cube(n), floatBytes(values));
    add("NaN voxel", dir / "nan-voxels.nii", "NaN");
    values[100] = inf;
    writeHeader("inf-voxels.nii", cube(n), floatBytes(values));
    add("infinite voxel", dir / "inf-voxels.nii", "NaN");
    h = cube(n);
    h.datatype = 128;
    h.bitpix = 24;
    writeHeader("rgb.nii", h, std::vector<char>(std::size_t(n) * n * n * 3, 7));
    add("RGB voxels", dir / "rgb.nii", "component");
    h = cube(n);
    h.datatype = 32;
    h.bitpix = 64;
    writeHeader("complex.nii", h, std::vector<char>(std::size_t(n) * n * n * 8, 1));
    add("complex voxels", dir / "complex.nii", "component");
    h = cube(n);
    h.datatype = 1024;
    h.bitpix = 64;
    writeHeader("int64-constant.nii", h, std::vector<char>(std::size_t(n) * n * n * 8, 0));
    add("int64 voxels, all zero", dir / "int64-constant.nii", "contrast");
    h = cube(n);
    h.datatype = 777;
    writeHeader("unknown-type.nii", h, cubePayload(n));
    add("unknown data type", dir / "unknown-type.nii", "unknown voxel data type");
    writeHeader("constant.nii", cube(n), floatBytes(std::vector<float>(std::size_t(n) * n * n, 42.0f)));
    add("no contrast", dir / "constant.nii", "contrast");

    // Things on disk that are not regular files.
    fs::create_directory(dir / "folder.nii.gz");
    add("directory named like a file", dir / "folder.nii.gz", "without DICOM series");
    fs::create_directory(dir / "empty-dicom");
    add("empty DICOM folder", dir / "empty-dicom", "without DICOM series");
    fs::create_directory(dir / "two-series");
    writeSeries(dir / "two-series", "flair", "1.2.826.0.1.3680043.2.1125.71", "FLAIR axial", 4, 100);
    writeSeries(dir / "two-series", "t1", "1.2.826.0.1.3680043.2.1125.72", "T1 mprage", 4, 500);
    add("DICOM folder with two series", dir / "two-series", "series");
    fs::create_symlink(dir / "loop-b.nii", dir / "loop-a.nii");
    fs::create_symlink(dir / "loop-a.nii", dir / "loop-b.nii");
    add("symlink loop", dir / "loop-a.nii", "cannot be accessed");
    mkfifo((dir / "fifo.nii").c_str(), 0644);
    add("named pipe (would block a reader)", dir / "fifo.nii", "not a regular file");
    fs::create_symlink("/dev/zero", dir / "zeros.nii");
    add("link to an endless device", dir / "zeros.nii", "not a regular file");
    writeBytes(dir / "locked.nii", good);
    fs::permissions(dir / "locked.nii", fs::perms::none);
    add("no read permission", dir / "locked.nii", "cannot be opened", true);
    return c;
}

}  // namespace lesiondelta::test
