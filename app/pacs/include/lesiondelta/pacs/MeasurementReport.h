#pragma once
// The lesion measurements as a DICOM Structured Report, TID 1500 "Imaging Measurement Report"
// (DCMTK dcmsr/cmr), so that a PACS or a reporting system can read the numbers rather than the
// PDF (issue 21): a volumetric group for all new/enlarging lesions referencing the SEG's segment
// and the FU series (total volume), and one measurement group per lesion (its volume; its place
// - centroid in patient coordinates and FU slice - in the group's tracking identifier).
#include <string>
#include <vector>

#include "lesiondelta/pacs/DicomExport.h"

namespace lesiondelta::pacs {

struct LesionMeasurement {
    int id = 0;
    double volumeMl = 0.0;
    double centroidLps[3] = {0, 0, 0};  // mm
    int fuSlice = 0;                    // 1-based, as the FU's images are numbered in the SEG
};

/// Writes the SR into FU's study (patient and study as there, new series 9004), referencing the
/// SEG written by writeLesionSegmentation (`segFile`) and the FU images. Atomic; PacsError names
/// the file and DCMTK's complaint.
void writeLesionMeasurementReport(const std::vector<LesionMeasurement>& lesions, const SourceSeries& fu,
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
