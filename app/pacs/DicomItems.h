#pragma once
// Small DCMTK helpers shared by the PACS client and the DICOM export (private to app/pacs).
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <memory>
#include <string>

namespace lesiondelta::pacs::detail {

/// An attribute's value (all of a multi-valued one), without DICOM's trailing pad spaces.
inline std::string tagText(DcmItem& item, const DcmTagKey& tag) {
    OFString v;
    item.findAndGetOFStringArray(tag, v);
    std::string s = v.c_str();
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

/// A DICOM file with its large values (pixel data) left on disk until asked for; null when the
/// file is not DICOM.
inline std::unique_ptr<DcmFileFormat> loadHeaders(const std::string& file) {
    auto f = std::make_unique<DcmFileFormat>();
    if (f->loadFile(file.c_str(), EXS_Unknown, EGL_noChange, 4096).bad()) return nullptr;
    return f;
}

}  // namespace lesiondelta::pacs::detail
