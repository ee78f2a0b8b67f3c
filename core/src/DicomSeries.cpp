#include "lesiondelta/core/DicomSeries.h"

#include <itkGDCMImageIO.h>
#include <itkGDCMSeriesFileNames.h>

#include "ItkIoLock.h"

namespace lesiondelta {
namespace {

itk::GDCMSeriesFileNames::Pointer scan(const std::string& folder) {
    auto names = itk::GDCMSeriesFileNames::New();
    names->SetUseSeriesDetails(true);  // split series that share a UID but differ in geometry
    names->SetRecursive(false);
    names->SetDirectory(folder);
    return names;
}

// DICOM pads odd-length strings with a space (or NUL).
std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && s[start] == ' ') ++start;
    return s.substr(start);
}

}  // namespace

std::vector<DicomSeriesInfo> listDicomSeries(const std::string& folder) {
    std::vector<DicomSeriesInfo> result;
    try {
        auto names = scan(folder);
        for (const auto& uid : names->GetSeriesUIDs()) {
            DicomSeriesInfo info;
            info.uid = uid;
            const auto files = names->GetFileNames(uid);
            info.fileCount = files.size();
            if (!files.empty()) {
                auto io = itk::GDCMImageIO::New();
                io->SetFileName(files.front());
                const std::lock_guard lock(detail::itkIoMutex());
                try {
                    io->ReadImageInformation();
                    io->GetValueFromTag("0008|103e", info.description);
                    io->GetValueFromTag("0008|0060", info.modality);
                    info.description = trimmed(info.description);
                    info.modality = trimmed(info.modality);
                    std::string date, maker, model;
                    if (!io->GetValueFromTag("0008|0022", date) || trimmed(date).empty())
                        io->GetValueFromTag("0008|0020", date);
                    date = trimmed(date);
                    if (date.size() == 8)
                        info.date = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
                    io->GetValueFromTag("0008|0070", maker);
                    io->GetValueFromTag("0008|1090", model);
                    info.scanner = trimmed(trimmed(maker) + " " + trimmed(model));
                } catch (const itk::ExceptionObject&) {
                    // listed without a description; reading the series reports the problem
                }
            }
            result.push_back(info);
        }
    } catch (const itk::ExceptionObject&) {
        return {};
    }
    return result;
}

std::vector<std::string> dicomSeriesFiles(const std::string& folder, const std::string& uid) {
    try {
        return scan(folder)->GetFileNames(uid);
    } catch (const itk::ExceptionObject&) {
        return {};
    }
}

}  // namespace lesiondelta
