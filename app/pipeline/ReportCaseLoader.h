#pragma once
// Loads a case folder (CaseFolder) into what a report needs, with every mask on the FU grid.
#include <string>

#include "CaseFolder.h"
#include "lesiondelta/report/CaseComparison.h"

namespace lesiondelta {

/// Reads FU, the CNN results (if present), LST (label 3 = increase; other labels than 0-3 are
/// refused), rater masks and scan details. Masks on another grid are resampled by physical
/// coordinates with a warning in ReportCase::warnings. Without CNN results, BL is registered to FU
/// here so the report can still show BL/FU pictures. Throws VolumeError naming the file.
/// `withBaseline` false skips reading and registering BL when there is no CNN result (cohorts
/// need only the masks).
report::ReportCase loadReportCase(const CaseFolder& folder, bool withBaseline = true);

}  // namespace lesiondelta
