#include "lesiondelta/pacs/CaseResultsDicom.h"

#include <filesystem>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pacs/DicomExport.h"
#include "lesiondelta/pacs/MeasurementReport.h"
#include "lesiondelta/pacs/PacsClient.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/report/DerivedCapture.h"

namespace fs = std::filesystem;

namespace lesiondelta::pacs {
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
    // The mask's lesions as the SEG numbers them (and lesions.csv, made the same way).
    writeLesionMeasurementReport(lesionTable(*mask, 0.0), source, written.segmentation, written.measurements);
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
