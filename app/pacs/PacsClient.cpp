#include "lesiondelta/pacs/PacsClient.h"

// DCMTK first: its configuration header must precede the rest.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmnet/scu.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>

#include "DicomItems.h"

namespace fs = std::filesystem;

namespace lesiondelta::pacs {
namespace {

OFList<OFString> uncompressed() {
    OFList<OFString> ts;
    ts.push_back(UID_LittleEndianExplicitTransferSyntax);
    ts.push_back(UID_LittleEndianImplicitTransferSyntax);
    return ts;
}

// The object kinds a retrieval accepts (C-GET sends them back on our association).
const char* const kImageClasses[] = {UID_MRImageStorage,
                                     UID_EnhancedMRImageStorage,
                                     UID_LegacyConvertedEnhancedMRImageStorage,
                                     UID_CTImageStorage,
                                     UID_SecondaryCaptureImageStorage,
                                     UID_MultiframeGrayscaleWordSecondaryCaptureImageStorage,
                                     UID_SegmentationStorage,
                                     UID_EncapsulatedPDFStorage,
                                     UID_EnhancedSRStorage,
                                     UID_ComprehensiveSRStorage};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

/// What went wrong, in words a user can act on.
std::string explain(const PacsNode& n, const OFCondition& cond, const std::string& doing) {
    const std::string text = cond.text(), l = lower(text);
    std::string why;
    if (l.find("refused") != std::string::npos && l.find("association") == std::string::npos)
        why = "connection refused (is the PACS running, and is port " + std::to_string(n.port) + " right?)";
    else if (l.find("timeout") != std::string::npos || l.find("timed out") != std::string::npos)
        why = "no answer within " + std::to_string(n.timeoutSeconds) + " s (" + text + ")";
    else if (l.find("peer aborted") != std::string::npos)
        why = "the PACS broke the association off (may our AE title " + n.ourAeTitle + " do this there?)";
    else if (l.find("reject") != std::string::npos)
        why = "the PACS rejected the association (does it know our AE title " + n.ourAeTitle +
              ", and is its AE title " + n.aeTitle + "?): " + text;
    else if (l.find("unknown host") != std::string::npos || l.find("name or service") != std::string::npos)
        why = "unknown host " + n.host;
    else
        why = text;
    return "PACS " + n.describe() + ": " + doing + " failed: " + why;
}

using detail::tagText;

/// An association with `node` offering `contexts`; released (or aborted) when it goes.
class Association {
public:
    Association(DcmSCU& scu, const PacsNode& n, const std::string& doing) : scu_(scu) {
        scu.setAETitle(n.ourAeTitle.c_str());
        scu.setPeerAETitle(n.aeTitle.c_str());
        scu.setPeerHostName(n.host.c_str());
        scu.setPeerPort(Uint16(n.port));
        scu.setConnectionTimeout(n.timeoutSeconds);
        scu.setACSETimeout(Uint32(n.timeoutSeconds));
        scu.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        scu.setDIMSETimeout(Uint32(n.timeoutSeconds));
        OFCondition cond = scu.initNetwork();
        if (cond.bad()) throw PacsError(explain(n, cond, doing));
        cond = scu.negotiateAssociation();
        if (cond.bad()) throw PacsError(explain(n, cond, doing));
    }
    ~Association() {
        if (!scu_.isConnected()) return;
        if (abort_)
            scu_.abortAssociation();
        else
            scu_.releaseAssociation();
    }
    /// Ends with an abort instead of a release (the peer may still be sending).
    void abortOnExit() { abort_ = true; }

private:
    DcmSCU& scu_;
    bool abort_ = false;
};

void checkStatus(const PacsNode& n, Uint16 status, const std::string& doing) {
    if (status == STATUS_Success || status == STATUS_Pending ||
        status == STATUS_FIND_Pending_WarningUnsupportedOptionalKeys)
        return;
    std::ostringstream s;
    s << "PACS " << n.describe() << ": " << doing << " failed with DICOM status 0x" << std::hex << status;
    throw PacsError(s.str());
}

template <typename Response>
void freeAll(OFList<Response*>& responses) {
    for (auto* r : responses) delete r;
    responses.clear();
}

/// C-GET's sub-operations arrive as C-STORE requests on our association: each is written to
/// `dir` as SOPInstanceUID.dcm; progress may cancel.
class RetrievingScu : public DcmSCU {
public:
    std::string dir;
    int received = 0, expected = 0;
    RetrieveProgress progress;
    bool cancelled = false;
    std::string writeError;

    OFCondition handleSTORERequest(const T_ASC_PresentationContextID, DcmDataset* dataset, OFBool& continueSession,
                                   Uint16& status) override {
        const std::unique_ptr<DcmDataset> incoming(dataset);  // ours to delete (DcmSCU's contract)
        std::string sop = incoming ? tagText(*incoming, DCM_SOPInstanceUID) : "";
        if (sop.empty() || sop.find_first_not_of("0123456789.") != std::string::npos) {
            status = STATUS_STORE_Error_CannotUnderstand;
            return EC_Normal;
        }
        DcmFileFormat file(incoming.get());
        const std::string path = (fs::path(dir) / (sop + ".dcm")).string();
        const OFCondition cond = file.saveFile(path.c_str(), EXS_LittleEndianExplicit);
        if (cond.bad()) {
            writeError = path + ": cannot be written: " + cond.text();
            status = STATUS_STORE_Refused_OutOfResources;
            continueSession = OFFalse;
            return EC_Normal;
        }
        ++received;
        status = STATUS_Success;
        if (progress && !progress(received, expected)) {
            cancelled = true;
            continueSession = OFFalse;
        }
        return EC_Normal;
    }
};

std::string uniqueSuffix() {
    std::random_device rd;
    return std::to_string(getpid()) + "-" + std::to_string(rd());
}

}  // namespace

std::string PacsNode::describe() const { return aeTitle + "@" + host + ":" + std::to_string(port); }

PacsNode parseNode(const std::string& text) {
    const auto at = text.find('@'), colon = text.rfind(':');
    PacsNode n;
    if (at == std::string::npos || colon == std::string::npos || colon < at || at == 0 || colon == at + 1)
        throw PacsError("\"" + text + "\" is not a PACS node: give AE@host:port (e.g. ORTHANC@127.0.0.1:4242)");
    n.aeTitle = text.substr(0, at);
    n.host = text.substr(at + 1, colon - at - 1);
    const std::string port = text.substr(colon + 1);
    if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ||
        std::stoi(port) < 1 || std::stoi(port) > 65535)
        throw PacsError("\"" + text + "\": the port must be a number from 1 to 65535");
    n.port = std::stoi(port);
    if (n.aeTitle.size() > 16) throw PacsError("\"" + text + "\": an AE title has at most 16 characters");
    return n;
}

bool SeriesInfo::looksLikeFlair() const { return lower(description).find("flair") != std::string::npos; }

PacsClient::PacsClient(PacsNode node) : node_(std::move(node)) {
    // DCMTK logs each network step, and its view of every failure, to stderr; the PacsError
    // messages say what matters once.
    static const bool quiet = [] {
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        return true;
    }();
    (void)quiet;
    if (node_.aeTitle.empty() || node_.aeTitle.size() > 16 || node_.ourAeTitle.empty() || node_.ourAeTitle.size() > 16)
        throw PacsError("PACS " + node_.describe() + ": AE titles must have 1 to 16 characters");
}

void PacsClient::echo() const {
    DcmSCU scu;
    scu.addPresentationContext(UID_VerificationSOPClass, uncompressed());
    Association association(scu, node_, "echo (C-ECHO)");
    const OFCondition cond = scu.sendECHORequest(0);
    if (cond.bad()) throw PacsError(explain(node_, cond, "echo (C-ECHO)"));
}

std::vector<StudyInfo> PacsClient::findStudies(const StudyQuery& q) const {
    DcmSCU scu;
    scu.addPresentationContext(UID_FINDStudyRootQueryRetrieveInformationModel, uncompressed());
    Association association(scu, node_, "search (C-FIND)");
    const T_ASC_PresentationContextID pc =
        scu.findPresentationContextID(UID_FINDStudyRootQueryRetrieveInformationModel, "");
    if (pc == 0) throw PacsError("PACS " + node_.describe() + ": does not offer study searches (C-FIND)");
    auto find = [&](DcmDataset& request, std::vector<DcmDataset>& out) {
        OFList<QRResponse*> responses;
        const OFCondition cond = scu.sendFINDRequest(pc, &request, &responses);
        if (cond.bad()) {
            freeAll(responses);
            throw PacsError(explain(node_, cond, "search (C-FIND)"));
        }
        try {
            for (auto* r : responses) {
                checkStatus(node_, r->m_status, "search (C-FIND)");
                if (r->m_dataset) out.push_back(*r->m_dataset);
            }
        } catch (...) {
            freeAll(responses);
            throw;
        }
        freeAll(responses);
    };
    DcmDataset studyRequest;
    studyRequest.putAndInsertOFStringArray(DCM_QueryRetrieveLevel, "STUDY");
    studyRequest.putAndInsertOFStringArray(DCM_PatientName, q.patientName.c_str());
    studyRequest.putAndInsertOFStringArray(DCM_PatientID, q.patientId.c_str());
    studyRequest.putAndInsertOFStringArray(DCM_StudyDate, q.dateRange.c_str());
    for (const auto& key : {DCM_StudyInstanceUID, DCM_StudyDescription, DCM_AccessionNumber})
        studyRequest.putAndInsertOFStringArray(key, "");
    std::vector<DcmDataset> studies;
    find(studyRequest, studies);
    std::vector<StudyInfo> out;
    for (auto& d : studies) {
        StudyInfo s{tagText(d, DCM_PatientName),
                    tagText(d, DCM_PatientID),
                    tagText(d, DCM_StudyInstanceUID),
                    tagText(d, DCM_StudyDate),
                    tagText(d, DCM_StudyDescription),
                    tagText(d, DCM_AccessionNumber),
                    {}};
        if (s.studyUid.empty()) continue;
        DcmDataset seriesRequest;
        seriesRequest.putAndInsertOFStringArray(DCM_QueryRetrieveLevel, "SERIES");
        seriesRequest.putAndInsertOFStringArray(DCM_StudyInstanceUID, s.studyUid.c_str());
        for (const auto& key : {DCM_SeriesInstanceUID, DCM_Modality, DCM_SeriesDescription, DCM_SeriesNumber,
                                DCM_SeriesDate, DCM_NumberOfSeriesRelatedInstances})
            seriesRequest.putAndInsertOFStringArray(key, "");
        std::vector<DcmDataset> series;
        find(seriesRequest, series);
        for (auto& sd : series) {
            SeriesInfo si;
            si.seriesUid = tagText(sd, DCM_SeriesInstanceUID);
            si.modality = tagText(sd, DCM_Modality);
            si.description = tagText(sd, DCM_SeriesDescription);
            si.date = tagText(sd, DCM_SeriesDate);
            si.number = std::atoi(tagText(sd, DCM_SeriesNumber).c_str());
            si.instances = std::atoi(tagText(sd, DCM_NumberOfSeriesRelatedInstances).c_str());
            if (!si.seriesUid.empty()) s.series.push_back(si);
        }
        std::sort(s.series.begin(), s.series.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    return out;
}

std::string PacsClient::retrieveSeries(const std::string& studyUid, const std::string& seriesUid,
                                       const std::string& cacheRoot, const RetrieveProgress& progress) const {
    auto isUid = [](const std::string& u) {
        return !u.empty() && u.size() <= 64 && u.find_first_not_of("0123456789.") == std::string::npos;
    };
    if (!isUid(studyUid) || !isUid(seriesUid))
        throw PacsError("not a DICOM UID: \"" + (isUid(studyUid) ? seriesUid : studyUid) + "\"");
    const fs::path final = fs::path(cacheRoot) / studyUid / seriesUid;
    std::error_code ec;
    if (fs::is_directory(final, ec) && !fs::is_empty(final, ec)) return final.string();
    fs::create_directories(final.parent_path(), ec);
    if (ec) throw PacsError(final.parent_path().string() + ": cannot be created: " + ec.message());
    const fs::path partial = final.string() + ".partial-" + uniqueSuffix();
    fs::create_directory(partial, ec);
    if (ec) throw PacsError(partial.string() + ": cannot be created: " + ec.message());
    try {
        RetrievingScu scu;
        scu.dir = partial.string();
        scu.progress = progress;
        // Storage mode "disk" (the default): DcmSCU hands each object to handleSTORERequest.
        scu.addPresentationContext(UID_FINDStudyRootQueryRetrieveInformationModel, uncompressed());
        scu.addPresentationContext(UID_GETStudyRootQueryRetrieveInformationModel, uncompressed());
        for (const char* sop : kImageClasses) scu.addPresentationContext(sop, uncompressed(), ASC_SC_ROLE_SCP);
        Association association(scu, node_, "retrieval (C-GET)");
        // How many files to expect (and whether the series is there at all).
        DcmDataset count;
        count.putAndInsertOFStringArray(DCM_QueryRetrieveLevel, "SERIES");
        count.putAndInsertOFStringArray(DCM_StudyInstanceUID, studyUid.c_str());
        count.putAndInsertOFStringArray(DCM_SeriesInstanceUID, seriesUid.c_str());
        count.putAndInsertOFStringArray(DCM_NumberOfSeriesRelatedInstances, "");
        OFList<QRResponse*> found;
        OFCondition cond = scu.sendFINDRequest(
            scu.findPresentationContextID(UID_FINDStudyRootQueryRetrieveInformationModel, ""), &count, &found);
        int matches = 0;
        for (auto* r : found)
            if (r->m_dataset)
                ++matches, scu.expected = std::atoi(tagText(*r->m_dataset, DCM_NumberOfSeriesRelatedInstances).c_str());
        freeAll(found);
        if (cond.bad()) throw PacsError(explain(node_, cond, "retrieval (C-FIND)"));
        if (matches == 0)
            throw PacsError("PACS " + node_.describe() + ": has no series " + seriesUid + " in study " + studyUid);
        const T_ASC_PresentationContextID pc =
            scu.findPresentationContextID(UID_GETStudyRootQueryRetrieveInformationModel, "");
        if (pc == 0) throw PacsError("PACS " + node_.describe() + ": does not offer retrieval by C-GET");
        DcmDataset request;
        request.putAndInsertOFStringArray(DCM_QueryRetrieveLevel, "SERIES");
        request.putAndInsertOFStringArray(DCM_StudyInstanceUID, studyUid.c_str());
        request.putAndInsertOFStringArray(DCM_SeriesInstanceUID, seriesUid.c_str());
        OFList<RetrieveResponse*> responses;
        cond = scu.sendCGETRequest(pc, &request, &responses);
        if (scu.cancelled || cond.bad()) association.abortOnExit();
        Uint16 failed = 0;
        for (auto* r : responses) failed = std::max<Uint16>(failed, r->m_numberOfFailedSubops);
        freeAll(responses);
        if (scu.cancelled) throw PacsError("retrieval of series " + seriesUid + " cancelled");
        if (!scu.writeError.empty()) throw PacsError(scu.writeError);
        if (cond.bad()) throw PacsError(explain(node_, cond, "retrieval (C-GET)"));
        if (failed > 0 || scu.received == 0 || (scu.expected > 0 && scu.received < scu.expected)) {
            std::ostringstream s;
            s << "PACS " << node_.describe() << ": retrieval of series " << seriesUid << " incomplete (" << scu.received
              << " of " << scu.expected << " files" << (failed ? ", " + std::to_string(failed) + " failed" : "") << ")";
            throw PacsError(s.str());
        }
    } catch (...) {
        fs::remove_all(partial, ec);
        fs::remove(final.parent_path(), ec);  // the study's folder, when this was its only series (else it stays)
        throw;
    }
    fs::rename(partial, final, ec);
    if (ec) {  // another retrieval finished first: keep its copy
        fs::remove_all(partial, ec);
        if (!fs::is_directory(final)) throw PacsError(final.string() + ": cannot be written");
    }
    return final.string();
}

int PacsClient::store(const std::vector<std::string>& paths) const {
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (const auto& e : fs::recursive_directory_iterator(p, ec))
                if (e.is_regular_file()) files.push_back(e.path().string());
        } else if (fs::is_regular_file(p, ec)) {
            files.push_back(p);
        } else {
            throw PacsError(p + ": not found");
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw PacsError("nothing to send: no files in " + (paths.empty() ? "" : paths.front()));
    std::map<std::string, std::string> sopClassOf;
    std::set<std::string> classes;
    for (const auto& f : files) {
        const auto file = detail::loadHeaders(f);  // the pixels are read when sent
        if (!file) throw PacsError(f + ": is not a DICOM file");
        const std::string sop = tagText(*file->getDataset(), DCM_SOPClassUID);
        if (sop.empty()) throw PacsError(f + ": has no SOP class UID");
        sopClassOf[f] = sop;
        classes.insert(sop);
    }
    if (classes.size() > 100) throw PacsError("too many kinds of DICOM objects to send at once");
    DcmSCU scu;
    for (const auto& c : classes) scu.addPresentationContext(c.c_str(), uncompressed());
    Association association(scu, node_, "sending (C-STORE)");
    int stored = 0;
    for (const auto& f : files) {
        const T_ASC_PresentationContextID pc = scu.findPresentationContextID(sopClassOf[f].c_str(), "");
        if (pc == 0)
            throw PacsError("PACS " + node_.describe() + ": does not accept " + f + " (SOP class " + sopClassOf[f] +
                            ")");
        Uint16 status = 0;
        const OFCondition cond = scu.sendSTORERequest(pc, f.c_str(), nullptr, status);
        if (cond.bad()) throw PacsError(explain(node_, cond, "sending " + f + " (C-STORE)"));
        checkStatus(node_, status, "sending " + f + " (C-STORE)");
        ++stored;
    }
    return stored;
}

}  // namespace lesiondelta::pacs
