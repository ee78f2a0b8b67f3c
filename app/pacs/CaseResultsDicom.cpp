#include "lesiondelta/pacs/CaseResultsDicom.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pacs/DicomExport.h"
#include "lesiondelta/pacs/MeasurementReport.h"
#include "lesiondelta/pacs/PacsClient.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/report/DerivedCapture.h"

namespace fs = std::filesystem;

namespace lesiondelta::pacs {
namespace {

/// segment's lesions.csv (id, volume_ml, centroid_k, centroid_L/P/S_mm, ...) as measurements.
std::vector<LesionMeasurement> readLesionTable(const std::string& csv) {
    std::ifstream in(csv);
    if (!in) throw VolumeError(csv, "cannot be read");
    std::string line;
    std::getline(in, line);
    std::map<std::string, std::size_t> column;
    {
        std::stringstream header(line);
        std::string name;
        for (std::size_t i = 0; std::getline(header, name, ','); ++i) column[name] = i;
    }
    for (const char* needed : {"id", "volume_ml", "centroid_k", "centroid_L_mm", "centroid_P_mm", "centroid_S_mm"})
        if (!column.count(needed)) throw VolumeError(csv, std::string("has no column ") + needed);
    std::vector<LesionMeasurement> out;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \r\t") == std::string::npos) continue;
        std::vector<std::string> cells;
        std::stringstream row(line);
        for (std::string c; std::getline(row, c, ',');) cells.push_back(c);
        if (cells.size() < column.size()) throw VolumeError(csv, "has a short line: " + line);
        auto value = [&](const char* name) { return std::atof(cells[column[name]].c_str()); };
        LesionMeasurement m;
        m.id = int(value("id"));
        m.volumeMl = value("volume_ml");
        m.fuSlice = int(std::lround(value("centroid_k"))) + 1;
        m.centroidLps[0] = value("centroid_L_mm");
        m.centroidLps[1] = value("centroid_P_mm");
        m.centroidLps[2] = value("centroid_S_mm");
        out.push_back(m);
    }
    return out;
}

}  // namespace

std::vector<std::string> CaseResultsDicom::files() const {
    std::vector<std::string> out;
    for (const auto* f : {&segmentation, &measurements, &report})
        if (!f->empty()) out.push_back(*f);
    if (!captureFolder.empty()) out.push_back(captureFolder);
    return out;
}

std::string CaseResultsDicom::describe() const {
    std::string out = segmentation.empty() ? "" : "SEG";
    auto add = [&](const std::string& what) { out += (out.empty() ? "" : ", ") + what; };
    if (!measurements.empty()) add("measurements");
    if (!report.empty()) add("report");
    if (captureImages > 0) add(std::to_string(captureImages) + " outline images");
    return out;
}

CaseResultsDicom writeCaseResultsAsDicom(const CaseResultsRequest& request) {
    const ResultsFolder folder(request.caseDir);
    const auto summary = folder.readSummary();
    if (summary.is_null() || !fs::exists(folder.newLesions()))
        throw VolumeError(request.caseDir, "holds no result of segment (summary.json, new_lesions.nii.gz)");
    const std::string fu = request.fuFolder.empty() ? summary.value("fu", "") : request.fuFolder;
    if (!fs::is_directory(fu))
        throw VolumeError(fu.empty() ? request.caseDir : fu,
                          "the follow-up was not read from a DICOM folder; results go to the PACS only for "
                          "DICOM scans (give the folder of the same series)");
    const auto source = sourceSeries(fu, summary.value("fu_series_uid", ""));
    const auto mask = readMask(folder.newLesions().string());
    const fs::path out = folder.dicomDir();
    fs::create_directories(out);

    CaseResultsDicom written;
    // The SEG writer checks the mask against the FU images' headers (slices, rows, columns).
    std::string model = summary.contains("model") && summary["model"].is_object()
                            ? "LesionDelta CNN " + fs::path(summary["model"].value("file", "")).filename().string()
                            : "LesionDelta subtraction";
    // A reader's correction of the detector's result (the window's Send results to PACS).
    const std::string reader = summary.value("corrected_by", "");
    if (!reader.empty()) model += ", corrected by " + reader;
    written.segmentation = (out / "new_lesions_seg.dcm").string();
    writeLesionSegmentation(*mask, source, model, written.segmentation, !reader.empty());
    written.measurements = (out / "measurements_sr.dcm").string();
    writeLesionMeasurementReport(readLesionTable(folder.lesionTable().string()), source, written.segmentation,
                                 written.measurements);
    if (!request.reportPdf.empty()) {
        written.report = (out / "report_pdf.dcm").string();
        writeEncapsulatedPdf(request.reportPdf, source, "LesionDelta report: new and enlarging T2 lesions",
                             written.report);
    }
    if (request.outlineCapture) {
        // The pictures are drawn on the FU as stored: the series read again, voxel k = image k.
        ReadOptions series;
        series.dicomSeriesUid = summary.value("fu_series_uid", "");  // a folder of several series: the FU's
        const auto fuImage = readVolume(fu, series);
        if (fuImage->GetLargestPossibleRegion().GetSize() != mask->GetLargestPossibleRegion().GetSize())
            throw VolumeError(folder.newLesions().string(), "does not lie on the grid of the FU series " + fu);
        std::vector<RgbFrame> frames;
        for (const QImage& picture : report::derivedCaptureFrames(*fuImage, *mask, kOutlineCaptureLabel)) {
            RgbFrame frame{unsigned(picture.width()), unsigned(picture.height()), {}};
            frame.rgb.reserve(std::size_t(frame.columns) * frame.rows * 3);
            for (int j = 0; j < picture.height(); ++j) {
                const uchar* line = picture.constScanLine(j);
                frame.rgb.insert(frame.rgb.end(), line, line + 3 * picture.width());
            }
            frames.push_back(std::move(frame));
        }
        written.captureFolder = (out / "outlines").string();
        written.captureImages =
            int(writeSecondaryCapture(frames, source, kOutlineCaptureLabel, written.captureFolder).size());
    }
    return written;
}

}  // namespace lesiondelta::pacs
