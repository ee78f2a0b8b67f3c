#pragma once
// Reading and writing volumes through ITK. Supported inputs: NIfTI (.nii, .nii.gz), NRRD
// (.nrrd, .nhdr), MetaImage (.mha, .mhd) and DICOM series folders. Geometry (origin, spacing,
// direction) is kept exactly. Every failure is a VolumeError naming the file.
#include <string>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta {

struct ReadOptions {
    /// For a DICOM folder holding several series: the SeriesInstanceUID to load. Empty means
    /// "the only series"; a folder with several series and no choice is an error listing them.
    std::string dicomSeriesUid;
    /// Refuse volumes with more voxels than this before allocating them.
    std::size_t maxVoxels = std::size_t{1} << 29;  // 512 Mi voxels = 2 GiB as float
};

/// Reads a scalar 3D volume (a 4D file with one volume is accepted) as float.
/// Rejects 2D, multi-volume 4D, vector/complex pixels, empty or absurd sizes, zero/NaN spacing
/// and NaN/Inf voxels.
ImageVolume::Pointer readVolume(const std::string& path, const ReadOptions& options = {});

/// Reads a mask: any voxel > 0 becomes 1.
MaskVolume::Pointer readMask(const std::string& path, const ReadOptions& options = {});

/// Reads a label image as integers (e.g. LST's lesion change labels 1/2/3).
LabelVolume::Pointer readLabels(const std::string& path, const ReadOptions& options = {});

/// Writes atomically: to a temporary file in the same folder, then renamed over `path`, so a
/// failure never leaves a half-written file. Masks are written as uint8, images as float32.
void writeVolume(const ImageVolume& image, const std::string& path);
void writeMask(const MaskVolume& mask, const std::string& path);
void writeLabels(const LabelVolume& labels, const std::string& path);

}  // namespace lesiondelta
