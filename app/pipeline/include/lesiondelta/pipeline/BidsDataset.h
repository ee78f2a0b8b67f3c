#pragma once
// Finding BL/FU pairs in a BIDS dataset: every subject's FLAIR sessions
// (sub-*/ses-*/anat/*FLAIR.nii[.gz]) ordered by acquisition date, consecutive sessions paired.
// Dates come from the session's scans.tsv (acq_time), the subject's sessions.tsv (acq_time), or
// the FLAIR's JSON sidecar (AcquisitionDateTime / AcquisitionDate); without any, sessions are
// ordered by label (and a note says so).
#include <string>
#include <vector>

namespace lesiondelta {

struct BidsSession {
    std::string subject;  // without "sub-"
    std::string session;  // without "ses-"
    std::string flair;    // the FLAIR file
    std::string date;     // ISO date/time as found; empty when unknown
};

struct BidsPair {
    std::string subject;
    BidsSession bl, fu;
};

struct BidsScan {
    std::vector<BidsPair> pairs;
    std::vector<std::string> notes;  // what was skipped or assumed, one line each, for the log
};

/// Scans a BIDS dataset. Throws VolumeError when the folder does not exist or holds no subject.
BidsScan findBidsPairs(const std::string& dataset);

/// The BIDS-derivatives folder of one pair's outputs: DERIV/sub-X/ses-FU/anat, and the common
/// file-name stem sub-X_ses-FU.
std::string derivativesFolder(const std::string& derivatives, const BidsPair& pair);
std::string derivativesStem(const BidsPair& pair);

}  // namespace lesiondelta
