#pragma once
// A case's results as the DICOM objects that go to the PACS (issue 21), written into the case's
// dicom/ folder: the lesion mask as a Segmentation, the lesions' volumes as a TID 1500 measurement
// report (SR), the report as Encapsulated PDF, and the FU
// slices with the lesions outlined as a Secondary Capture series for viewers without SEG support.
// Shared by `lesiondelta-cli pacs send` and the window's File > Send results to PACS.
#include <string>
#include <vector>

namespace lesiondelta::pacs {

struct CaseResultsRequest {
    std::string caseDir;         // a folder holding segment's results (summary.json, new_lesions.nii.gz)
    std::string fuFolder;        // the FU's DICOM folder; empty: the one summary.json names
    std::string reportPdf;       // empty: no report object
    bool outlineCapture = true;  // the Secondary Capture series
};

struct CaseResultsDicom {
    std::string segmentation, measurements, report, captureFolder;  // empty where not written
    int captureImages = 0;
    std::vector<std::string> files() const;  // everything written, for C-STORE
    std::string describe() const;            // "SEG, measurements, report, 30 outline images"
};

/// Writes the objects (each complete or not at all). The outline pictures need a
/// QGuiApplication. Throws PacsError or VolumeError naming the file and the problem - among
/// them a case whose FU was not read from a DICOM folder.
CaseResultsDicom writeCaseResultsAsDicom(const CaseResultsRequest& request);

/// The series description the outline capture carries (and burns into each picture).
inline const char* const kOutlineCaptureLabel = "LesionDelta outlines - NOT FOR DIAGNOSIS - derived";

}  // namespace lesiondelta::pacs
