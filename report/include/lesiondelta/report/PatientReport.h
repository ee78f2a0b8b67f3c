#pragma once
// The patient report: one BL/FU pair on A4 pages (header, summary a clinician can copy, lesion
// table, overview slices and per-lesion BL/FU crops with the lesion outlined in green, a
// comparison of CNN, LST and raters when they are present, methods and limitations).
#include <QString>
#include <string>

#include "lesiondelta/core/Progress.h"
#include "lesiondelta/report/CaseComparison.h"

namespace lesiondelta::report {

struct PatientReportOptions {
    bool anonymise = false;   // print neither patient ID nor file names
    int lesionPictures = 12;  // BL/FU crop pairs for the largest N CNN lesions
    double minMl = kMinLesionMl;
    QString softwareVersion;
    /// Optional: called between sections and lesion pictures; returning false stops the report
    /// (throws Cancelled) and nothing is written, not even a partial file.
    ProgressCallback progress;
};

/// Writes the PDF atomically (a temporary file renamed over `pdfPath` only when complete).
/// Throws VolumeError naming the file when it cannot be written, Cancelled when `progress` asked
/// to stop. Returns the page count.
int writePatientReport(const ReportCase& c, const PatientReportOptions& options, const std::string& pdfPath);

/// The one-line statement of the summary (also used by the GUI).
QString summarySentence(const ReportCase& c, const CaseComparison& comparison);

}  // namespace lesiondelta::report
