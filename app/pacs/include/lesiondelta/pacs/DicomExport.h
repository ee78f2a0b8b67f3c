#pragma once
// Results as DICOM objects a PACS keeps and every viewer shows (issue 21), written with DCMTK
// (dcmseg, dcmdata): the new/enlarged lesion mask as a DICOM Segmentation referencing the FU
// series it was found on, and the patient report as Encapsulated PDF in the FU study. Identity
// (patient, study, frame of reference) comes from the FU series; every object gets new UIDs.
#include <cstdint>
#include <string>
#include <vector>

#include "lesiondelta/core/Volume.h"

namespace lesiondelta::pacs {

/// The FU series as read (core's readVolume on a DICOM folder): its files in slice order.
struct SourceSeries {
    std::string folder, seriesUid;  // uid empty: the folder's only series
    std::vector<std::string> files;
};

/// The files of the FU series in the order readVolume stacks them; throws PacsError when the
/// folder holds no such series.
SourceSeries sourceSeries(const std::string& folder, const std::string& seriesUid = {});

/// Writes `mask` (on the FU grid, as read from `fu`) as a binary DICOM SEG with one segment per
/// lesion ("Lesion n", SNOMED CT lesion; 26-connected components, largest first, as lesions.csv
/// numbers them), a frame for each slice a lesion lies in, each with its position and a
/// reference to its source image; a mask without lesions keeps one empty segment on every slice.
/// `algorithm` names the detector. Atomic; throws PacsError naming the file.
/// `corrected`: a reader corrected the detector's result (algorithm type SEMIAUTOMATIC, not
/// AUTOMATIC).
void writeLesionSegmentation(const MaskVolume& mask, const SourceSeries& fu, const std::string& algorithm,
                             const std::string& outFile, bool corrected = false);

/// Wraps `pdf` as DICOM Encapsulated PDF in the study of `fu`, titled `title`. Atomic.
void writeEncapsulatedPdf(const std::string& pdf, const SourceSeries& fu, const std::string& title,
                          const std::string& outFile);

/// An 8-bit RGB picture, row by row (rows x columns x 3 bytes).
struct RgbFrame {
    unsigned columns = 0, rows = 0;
    std::vector<std::uint8_t> rgb;
};

/// Writes frame k as a Secondary Capture image derived from FU image k: a new series numbered
/// 9003 in FU's study (patient and study as there), described by `description`, marked derived,
/// burnt-in annotation, each image referencing its source image. `outFolder` is replaced as a
/// whole (written beside it, then renamed). Returns the files in slice order; throws PacsError.
std::vector<std::string> writeSecondaryCapture(const std::vector<RgbFrame>& frames, const SourceSeries& fu,
                                               const std::string& description, const std::string& outFolder);

/// Reads a SEG written by writeLesionSegmentation back onto `grid` (every segment; frame pixel
/// (i, j) on slice k of its dimension index = voxel (i, j, k)), for checks. Throws PacsError.
MaskVolume::Pointer readLesionSegmentation(const std::string& segFile, const ImageVolume& grid);

}  // namespace lesiondelta::pacs
