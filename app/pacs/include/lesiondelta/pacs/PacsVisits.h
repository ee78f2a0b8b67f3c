#pragma once
// A patient's course from the PACS (issue 21 with the series workflow of issue 20): each study's
// FLAIR series as one visit, retrieved into the cache and named in a series.json that
// readSeriesFolder (pipeline/SeriesFolder.h) reads like any other patient series.
#include <string>
#include <vector>

#include "lesiondelta/pacs/PacsClient.h"

namespace lesiondelta::pacs {

struct FlairVisit {
    std::string date;  // ISO yyyy-mm-dd (the study's date)
    std::string studyUid, seriesUid, description;
    int instances = 0;
};

struct FlairVisits {
    std::string patientId, patientName;
    std::vector<FlairVisit> visits;                // oldest first
    std::vector<std::string> studiesWithoutFlair;  // "2024-03-12 (study UID)", said to the user
};

/// One visit per study: the series whose description names FLAIR (of several, the one with the
/// most images). Throws PacsError when the studies belong to more than one patient (a name
/// wildcard matched several: ask by ID) or a FLAIR study has no date.
FlairVisits flairVisits(const std::vector<StudyInfo>& studies);

/// Retrieves every visit's FLAIR into `cacheRoot` (as PacsClient::retrieveSeries) and writes
/// `seriesDir`/series.json naming the cached folders with their dates (atomically, last).
/// `progress` gets the files of all visits together. Returns the series.json's folder. Throws
/// PacsError (nothing written into `seriesDir` then).
std::string retrieveVisits(const PacsClient& client, const FlairVisits& visits, const std::string& cacheRoot,
                           const std::string& seriesDir, const RetrieveProgress& progress = {});

}  // namespace lesiondelta::pacs
