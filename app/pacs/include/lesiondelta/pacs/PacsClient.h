#pragma once
// Talking to a PACS (issue 21) with DCMTK's DcmSCU: C-ECHO to test a node, C-FIND for a patient's
// studies and their series, C-GET of one series into a local cache folder, C-STORE of DICOM
// files. No connection is made except by these calls. Every failure is a PacsError naming the
// node and the problem (refused, unreachable, timed out, association rejected, status).
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lesiondelta::pacs {

/// A PACS node as configured by the user, and who we are.
struct PacsNode {
    std::string aeTitle;  // the PACS's (called) AE title
    std::string host = "127.0.0.1";
    int port = 104;
    std::string ourAeTitle = "LESIONDELTA";  // calling AE title
    int timeoutSeconds = 10;                 // connection, association and each DIMSE message
    /// "AE@host:port" (as the command line takes it).
    std::string describe() const;
};

/// Parses "AE@host:port"; throws PacsError for anything else.
PacsNode parseNode(const std::string& text);

class PacsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct StudyQuery {
    std::string patientName;  // DICOM wildcards allowed ("DOE^*")
    std::string patientId;
    std::string dateRange;  // "20200101-20201231", "20200101-", or one date; empty: any
};

struct SeriesInfo {
    std::string seriesUid, modality, description, date;
    int number = 0, instances = 0;
    bool looksLikeFlair() const;  // the description names FLAIR
};

struct StudyInfo {
    std::string patientName, patientId, studyUid, date, description, accession;
    std::vector<SeriesInfo> series;
};

/// Progress of a retrieval: files received so far, files expected (0 when unknown). Returning
/// false cancels (the partial retrieval is removed and PacsError says it was cancelled).
using RetrieveProgress = std::function<bool(int received, int expected)>;

class PacsClient {
public:
    explicit PacsClient(PacsNode node);

    /// C-ECHO. Throws PacsError when the node cannot be reached or does not answer with success.
    void echo() const;
    /// C-FIND at study level, then at series level for each study found (sorted by date).
    std::vector<StudyInfo> findStudies(const StudyQuery& query) const;
    /// C-GET of one series into `cacheRoot`/STUDY/SERIES/ (written in a temporary folder beside it
    /// and renamed when complete, so the cache never holds half a series). A series already in the
    /// cache is returned without a connection. Returns the series folder.
    std::string retrieveSeries(const std::string& studyUid, const std::string& seriesUid, const std::string& cacheRoot,
                               const RetrieveProgress& progress = {}) const;
    /// C-STORE of DICOM files (folders are searched for files). Returns the number stored.
    int store(const std::vector<std::string>& paths) const;

    const PacsNode& node() const { return node_; }

private:
    PacsNode node_;
};

}  // namespace lesiondelta::pacs
