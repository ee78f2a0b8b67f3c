#pragma once
// Loads a case folder (CaseFolder) into what a report needs, with every mask on the FU grid.
#include <string>

#include "lesiondelta/pipeline/CaseFolder.h"
#include "lesiondelta/report/CaseComparison.h"

namespace lesiondelta {

/// Reads FU, the CNN results (if present), LST (label 3 = increase; other labels than 0-3 are
/// refused), rater masks and scan details. Masks on another grid are resampled by physical
/// coordinates with a warning in ReportCase::warnings. Without CNN results, BL is registered to FU
/// here so the report can still show BL/FU pictures. Throws VolumeError naming the file.
/// `masksOnly` reads just FU (for its grid) and the masks - no probability map, no BL, no
/// registration - which is all a cohort needs.
report::ReportCase loadReportCase(const CaseFolder& folder, bool masksOnly = false);

/// Scan details of a case: case.json's "scan", else BIDS-style JSON sidecars next to the scans,
/// else the DICOM headers of DICOM folders (bl_date, fu_date, scanner, sequence).
nlohmann::json scanInfo(const CaseFolder& folder);

}  // namespace lesiondelta
