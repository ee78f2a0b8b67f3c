#pragma once
// A patient's course of visits (issue 20): which FLAIR belongs to which visit and when it was
// acquired, read from one folder in one of three forms, tried in this order:
//  1. DIR/series.json: {"patient": "P1", "rebaseline": "2024-03-12", "visits": [{"flair":
//     "v1.nii.gz", "date": "2023-01-10", "label": "v1"}, ...]} (paths relative to DIR; label
//     optional, the date by default; rebaseline optional, a label or date);
//  2. a BIDS subject folder DIR = .../sub-X with ses-*/anat/*_FLAIR.nii[.gz] (dates as `batch`
//     finds them: scans.tsv, sessions.tsv or the JSON sidecar);
//  3. a folder of FLAIR files whose names hold their dates (2024-03-12 or 20240312), and of DICOM
//     folders, one per visit, dated by their headers (AcquisitionDate, else StudyDate); a folder
//     with several series uses the one whose description names FLAIR.
// Visits come out ordered by date. Every visit needs a date (the course's rates are per year).
#include <string>
#include <vector>

namespace lesiondelta {

struct SeriesVisit {
    std::string label;           // how the visit is named in tables and views (the date unless given)
    std::string flair;           // the scan (file or DICOM folder)
    std::string date;            // ISO yyyy-mm-dd
    std::string dicomSeriesUid;  // for a DICOM folder holding several series: the FLAIR's
};

struct PatientSeries {
    std::string folder;
    std::string patient;
    std::vector<SeriesVisit> visits;  // by date, oldest first
    std::string rebaseline;           // label of the rebaseline visit; empty: the first
    std::string source;               // "series.json", "BIDS" or "file names"
};

/// Reads the series in `dir`. Throws VolumeError naming the folder or file and the problem:
/// no visits, fewer than two, a visit without a date, two visits on one date, a file that does
/// not exist, an unknown rebaseline visit, a malformed series.json.
PatientSeries readSeriesFolder(const std::string& dir);

/// Days from date `from` to date `to` (ISO yyyy-mm-dd; negative when `to` is earlier).
/// Throws std::invalid_argument on a malformed date.
int daysBetween(const std::string& from, const std::string& to);

/// The ISO date (yyyy-mm-dd) at the start of `text` (also 20240312 or 2024-03-12T10:00:00);
/// empty when there is none or it is not a calendar date.
std::string isoDate(const std::string& text);

/// The first calendar date anywhere in a file name (2024-03-12 or 20240312), as ISO; empty when
/// there is none. How readSeriesFolder dates files, and what the window's dates dialog offers.
std::string dateInName(const std::string& name);

/// Index of the visit with this label or date in `series`; -1 when none.
int findVisit(const PatientSeries& series, const std::string& labelOrDate);

}  // namespace lesiondelta
