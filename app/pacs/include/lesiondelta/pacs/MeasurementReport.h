#pragma once
// The lesion measurements as a DICOM Structured Report, TID 1500 "Imaging Measurement Report"
// (DCMTK dcmsr/cmr), so that a PACS or a reporting system can read the numbers rather than the
// PDF (issue 21): one volumetric group per lesion referencing its segment of the SEG and the FU
// series (its volume; its place - centroid in patient coordinates and FU image - in the group's
// tracking identifier), and a group with the total volume of all new/enlarging lesions.
#include <string>
#include <vector>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/pacs/DicomExport.h"

namespace lesiondelta::pacs {

/// Writes the SR of `lesions` (core's lesionTable of the SEG's mask) into FU's study (patient and study as there, new
/// series 9004), referencing the SEG written by writeLesionSegmentation (`segFile`; lesion n = segment n) and the FU
/// images. Atomic; PacsError names the file and DCMTK's complaint, or the lesion table and the SEG when their lesion
/// counts differ.
void writeLesionMeasurementReport(const std::vector<Lesion>& lesions, const SourceSeries& fu,
                                  const std::string& segFile, const std::string& outFile);

/// What a measurement report holds, read back with DCMTK (for checks): the per-lesion groups'
/// tracking identifiers and volumes (ml), the volumetric group's total, the SEG it references.
struct MeasurementReportContent {
    std::vector<std::string> lesionLabels;
    std::vector<double> lesionVolumesMl;
    double totalVolumeMl = 0.0;
    std::string referencedSegmentationUid;
};
MeasurementReportContent readLesionMeasurementReport(const std::string& srFile);

}  // namespace lesiondelta::pacs
