#pragma once
// What every DICOM object LesionDelta writes needs (private to app/pacs): new UIDs, the FU
// series' patient and study, its images' headers, and an atomic save.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <functional>
#include <memory>
#include <string>

namespace lesiondelta::pacs::detail {

std::string newUid();

/// Patient and study as in `from` (an FU image): identity is needed in the PACS.
void copyPatientAndStudy(DcmDataset& from, DcmDataset& to);

/// The headers of one source image (its pixels stay on disk); PacsError when it is not DICOM.
std::unique_ptr<DcmFileFormat> loadSource(const std::string& file);

/// Runs `write(temporaryPath)` and renames onto `outFile`; PacsError naming it otherwise.
void writeFileAtomically(const std::string& outFile, const std::function<OFCondition(const std::string&)>& write);

}  // namespace lesiondelta::pacs::detail
