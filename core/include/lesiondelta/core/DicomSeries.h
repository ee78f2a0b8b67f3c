#pragma once
#include <string>
#include <vector>

namespace lesiondelta {

struct DicomSeriesInfo {
    std::string uid;          // SeriesInstanceUID
    std::string description;  // SeriesDescription (0008,103e), may be empty
    std::string modality;     // Modality (0008,0060)
    std::string date;         // AcquisitionDate (0008,0022), else StudyDate (0008,0020), as YYYY-MM-DD
    std::string scanner;      // Manufacturer (0008,0070) and ManufacturerModelName (0008,1090)
    std::size_t fileCount = 0;
};

/// Lists the DICOM series in a folder (not recursive). Empty when the folder has none.
std::vector<DicomSeriesInfo> listDicomSeries(const std::string& folder);

/// The sorted slice files of one series of a folder.
std::vector<std::string> dicomSeriesFiles(const std::string& folder, const std::string& uid);

}  // namespace lesiondelta
