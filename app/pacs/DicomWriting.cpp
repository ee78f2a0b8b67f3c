#include "DicomWriting.h"

#include "DicomItems.h"
#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/pacs/PacsClient.h"

namespace lesiondelta::pacs::detail {

std::string newUid() {
    char uid[100];
    dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT);
    return uid;
}

void copyPatientAndStudy(DcmDataset& from, DcmDataset& to) {
    for (const auto& tag : {DCM_SpecificCharacterSet, DCM_PatientName, DCM_PatientID, DCM_PatientBirthDate,
                            DCM_PatientSex, DCM_StudyInstanceUID, DCM_StudyDate, DCM_StudyTime, DCM_StudyID,
                            DCM_AccessionNumber, DCM_ReferringPhysicianName, DCM_StudyDescription})
        to.putAndInsertOFStringArray(tag, tagText(from, tag).c_str());
}

std::unique_ptr<DcmFileFormat> loadSource(const std::string& file) {
    auto f = loadHeaders(file);
    if (!f) throw PacsError(file + ": is not a readable DICOM file");
    return f;
}

void writeFileAtomically(const std::string& outFile, const std::function<OFCondition(const std::string&)>& write) {
    try {
        writeAtomically(outFile, [&](const std::string& temp) {
            const OFCondition cond = write(temp);
            if (cond.bad()) throw VolumeError(outFile, std::string("cannot be written: ") + cond.text());
        });
    } catch (const VolumeError& e) {
        throw PacsError(e.what());
    }
}

}  // namespace lesiondelta::pacs::detail
