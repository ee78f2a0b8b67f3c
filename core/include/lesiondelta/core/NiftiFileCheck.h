#pragma once
#include <cstdint>
#include <string>

namespace lesiondelta {

struct NiftiFileFacts {
    bool isNifti1 = false;              // false: not a NIfTI-1 file, nothing was checked
    std::uint64_t payloadBytes = 0;     // voxel bytes present after vox_offset
    std::uint64_t expectedBytes = 0;    // what the header's dimensions need
    std::uint64_t nonFiniteVoxels = 0;  // NaN/Inf in float data
};

/// Checks a NIfTI-1 file (.nii or .nii.gz) below ITK's reader, which silently accepts a zero or
/// NaN voxel size, a truncated payload or gzip stream, and turns NaN voxels into zeros. Streams
/// the file once in chunks (no full allocation), after refusing headers with more than `maxVoxels`
/// voxels or an axis of size 0. Also refuses negative sizes, unknown data types and Analyze 7.5
/// headers (348 bytes without NIfTI magic: orientation ambiguous). Throws VolumeError(path, ...)
/// naming the problem.
NiftiFileFacts checkNiftiFile(const std::string& path, std::uint64_t maxVoxels);

}  // namespace lesiondelta
