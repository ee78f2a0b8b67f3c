#pragma once
// A case folder: everything about one BL/FU pair in one place, opened in one step by the GUI and
// read by the report command. Layout (every entry but BL and FU optional):
//   CASE/case.json            {"bl": ..., "fu": ..., "lst": ..., "raters": {"NAME": FILE, ...},
//                              "patient": ..., "results": DIR}  (paths relative to CASE)
//   or, without case.json, found by name:
//   CASE/bl.nii.gz | baseline*.nii[.gz] | bl/ (DICOM)      the baseline scan
//   CASE/fu.nii.gz | followup*.nii[.gz] | fu/ (DICOM)      the follow-up scan
//   CASE/lst.nii.gz | lst*.nii[.gz]                        LST output (label 3 = increase)
//   CASE/raters/NAME.nii.gz                                rater masks, FU grid
//   CASE/results/                                          CNN results (segment's outputs)
//   case.json may also hold "scan": {"bl_date": "YYYY-MM-DD", "fu_date": ..., "scanner": ...,
//   "sequence": ...} for the report header; otherwise BIDS-style JSON sidecars next to the scans
//   (AcquisitionDateTime, ManufacturersModelName, SeriesDescription) are read.
// A folder written by `lesiondelta-cli segment` (with summary.json naming BL and FU) is a case
// folder too: its results are the folder itself.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace lesiondelta {

struct CaseFolder {
    std::string folder;
    std::string patient;                             // label for titles; may be empty
    std::string bl, fu;                              // files or DICOM folders
    std::string lst;                                 // empty when absent
    std::map<std::string, std::string> raters;       // name -> mask file
    std::string results;                             // folder with new_lesions.nii.gz etc.; may not exist yet
    nlohmann::json scan = nlohmann::json::object();  // case.json's "scan" (dates, scanner, sequence)
    bool hasResults() const;                         // results/new_lesions.nii.gz and probability.nii.gz exist
};

/// Reads a case folder; throws VolumeError naming the folder or file when BL or FU cannot be
/// found, case.json is malformed, or a file it names does not exist.
CaseFolder readCaseFolder(const std::string& folder);

}  // namespace lesiondelta
