#include "lesiondelta/pacs/DicomExport.h"

// DCMTK first: its configuration header must precede the rest.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmiod/iodutil.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>
#include <dcmtk/dcmseg/segutils.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "DicomItems.h"
#include "DicomWriting.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/AtomicWrite.h"
#include "lesiondelta/core/DicomSeries.h"
#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/pacs/PacsClient.h"

namespace fs = std::filesystem;

namespace lesiondelta::pacs {
namespace {

using detail::tagText;

using detail::copyPatientAndStudy;
using detail::newUid;
using detail::writeFileAtomically;

std::unique_ptr<DcmFileFormat> load(const std::string& file) { return detail::loadSource(file); }

/// Today's date and the time now as DICOM DA and TM.
std::pair<std::string, std::string> now() {
    char date[16], time[16];
    const OFDateTime t = OFDateTime::getCurrentDateTime();
    std::snprintf(date, sizeof date, "%04u%02u%02u", t.getDate().getYear(), t.getDate().getMonth(),
                  t.getDate().getDay());
    std::snprintf(time, sizeof time, "%02u%02u%02u", t.getTime().getHour(), t.getTime().getMinute(),
                  unsigned(t.getTime().getSecond()));
    return {date, time};
}

}  // namespace

SourceSeries sourceSeries(const std::string& folder, const std::string& seriesUid) {
    SourceSeries s{folder, seriesUid, {}};
    try {
        std::string uid = seriesUid;
        if (uid.empty()) {
            const auto all = listDicomSeries(folder);
            if (all.size() != 1)
                throw PacsError(folder + ": holds " + std::to_string(all.size()) + " DICOM series; name the FU series");
            uid = all.front().uid;
        }
        s.files = dicomSeriesFiles(folder, uid);
    } catch (const VolumeError& e) {
        throw PacsError(e.what());
    }
    if (s.files.empty()) throw PacsError(folder + ": has no DICOM series " + seriesUid);
    return s;
}

void writeLesionSegmentation(const MaskVolume& mask, const SourceSeries& fu, const std::string& algorithm,
                             const std::string& outFile, bool corrected) {
    const auto size = mask.GetLargestPossibleRegion().GetSize();
    if (size[2] != fu.files.size())
        throw PacsError(outFile + ": not written: the mask has " + std::to_string(size[2]) + " slices, the FU series " +
                        fu.folder + " " + std::to_string(fu.files.size()) + " images");
    const auto first = load(fu.files.front());
    DcmDataset& ref = *first->getDataset();
    const Uint16 rows = Uint16(std::atoi(tagText(ref, DCM_Rows).c_str())),
                 cols = Uint16(std::atoi(tagText(ref, DCM_Columns).c_str()));
    if (rows != size[1] || cols != size[0])
        throw PacsError(outFile + ": not written: the mask's slices are " + std::to_string(size[0]) + " x " +
                        std::to_string(size[1]) + ", the FU images " + std::to_string(cols) + " x " +
                        std::to_string(rows));

    DcmSegmentation* raw = nullptr;
    OFCondition cond = DcmSegmentation::createBinarySegmentation(
        raw, rows, cols, IODGeneralEquipmentModule::EquipmentInfo("LesionDelta", "LesionDelta", "1", kVersion),
        ContentIdentificationMacro("1", "NEW_LESIONS", "New or enlarging T2 lesions since the baseline scan",
                                   "LesionDelta"));
    if (cond.bad()) throw PacsError(outFile + ": SEG cannot be made: " + cond.text());
    const std::unique_ptr<DcmSegmentation> seg(raw);
    cond = seg->importHierarchy(ref, OFTrue, OFTrue, OFTrue, OFFalse);  // patient, study, frame of reference
    if (cond.bad()) throw PacsError(fu.files.front() + ": patient and study cannot be taken over: " + cond.text());
    // The SEG lies in its images' frame of reference; a source without one (not valid MR, but
    // seen) gets a new one, and the SEG still references each image.
    if (tagText(ref, DCM_FrameOfReferenceUID).empty())
        seg->getFrameOfReference().setFrameOfReferenceUID(newUid().c_str());
    seg->getSeries().setSeriesInstanceUID(newUid().c_str());
    seg->getSeries().setSeriesNumber("9001");
    seg->getSeries().setSeriesDescription("LesionDelta new/enlarging T2 lesions (derived, not for diagnosis)");
    // One segment per lesion (26-connected components, largest first: the ids of lesions.csv and
    // of the measurement report's groups), each encoded only on the slices it lies in; a mask
    // without lesions keeps one empty segment on every slice (an explicit "none found").
    unsigned lesions = 0;
    const auto labels = labelLesions(mask, 0.0, &lesions);
    const unsigned segments = std::max(1u, lesions);
    for (unsigned n = 1; n <= segments; ++n) {
        DcmSegment* rawSegment = nullptr;
        const std::string label = lesions == 0 ? "New or enlarging T2 lesion" : "Lesion " + std::to_string(n);
        cond = DcmSegment::create(
            rawSegment, label.c_str(), CodeSequenceMacro("49755003", "SCT", "Morphologically Altered Structure"),
            CodeSequenceMacro("52988006", "SCT", "Lesion"),
            corrected ? DcmSegTypes::SAT_SEMIAUTOMATIC : DcmSegTypes::SAT_AUTOMATIC, algorithm.c_str());
        if (cond.bad()) throw PacsError(outFile + ": segment cannot be made: " + cond.text());
        Uint16 segmentNumber = 0;
        cond = seg->addSegment(rawSegment, segmentNumber);  // takes ownership
        if (cond.bad()) throw PacsError(outFile + ": segment cannot be added: " + cond.text());
        if (segmentNumber != n) throw PacsError(outFile + ": segments numbered out of order");
    }

    FGPixelMeasures measures;
    measures.setPixelSpacing(tagText(ref, DCM_PixelSpacing).c_str());
    const auto spacing = mask.GetSpacing();
    std::ostringstream thickness;
    thickness << spacing[2];
    measures.setSliceThickness(thickness.str().c_str());
    measures.setSpacingBetweenSlices(thickness.str().c_str());
    seg->addForAllFrames(measures);
    OFString o[6];
    for (unsigned i = 0; i < 6; ++i) ref.findAndGetOFString(DCM_ImageOrientationPatient, o[i], i);
    std::unique_ptr<FGPlaneOrientationPatient> orientation(
        FGPlaneOrientationPatient::createMinimal(o[0], o[1], o[2], o[3], o[4], o[5]));
    seg->addForAllFrames(*orientation);
    const std::string dimensionUid = newUid();
    seg->getDimensions().addDimensionIndex(DCM_ReferencedSegmentNumber, dimensionUid.c_str(),
                                           DCM_SegmentIdentificationSequence, "ReferencedSegmentNumber");
    seg->getDimensions().addDimensionIndex(DCM_ImagePositionPatient, dimensionUid.c_str(), DCM_PlanePositionSequence,
                                           "ImagePositionPatient");

    const std::size_t frameVoxels = std::size_t(rows) * cols;
    std::vector<Uint8> frame(frameVoxels);
    for (std::size_t k = 0; k < fu.files.size(); ++k) {
        const auto* slice = labels->GetBufferPointer() + k * frameVoxels;
        std::vector<bool> present(segments + 1, lesions == 0);
        for (std::size_t i = 0; i < frameVoxels; ++i) present[slice[i]] = true;
        if (std::none_of(present.begin() + 1, present.end(), [](bool p) { return p; })) continue;
        const auto source = k == 0 ? nullptr : load(fu.files[k]);
        DcmDataset& image = k == 0 ? ref : *source->getDataset();
        OFString p[3];
        for (unsigned i = 0; i < 3; ++i) image.findAndGetOFString(DCM_ImagePositionPatient, p[i], i);
        OFVector<ImageSOPInstanceReferenceMacro> images(1);
        images[0].setReferencedSOPClassUID(tagText(image, DCM_SOPClassUID).c_str());
        images[0].setReferencedSOPInstanceUID(tagText(image, DCM_SOPInstanceUID).c_str());
        for (unsigned n = 1; n <= segments; ++n) {
            if (!present[n]) continue;
            std::unique_ptr<FGPlanePosPatient> position(FGPlanePosPatient::createMinimal(p[0], p[1], p[2]));
            FGFrameContent content;
            content.setStackID("1");
            content.setInStackPositionNumber(Uint32(k + 1));
            content.setDimensionIndexValues(n, 0);
            content.setDimensionIndexValues(Uint32(k + 1), 1);
            std::unique_ptr<FGDerivationImage> derivation(FGDerivationImage::createMinimal(
                images, "New/enlarged lesions found by comparing this image with the registered baseline",
                CodeSequenceMacro("113076", "DCM", "Segmentation"),
                CodeSequenceMacro("121322", "DCM", "Source image for image processing operation")));
            for (std::size_t i = 0; i < frameVoxels; ++i) frame[i] = lesions > 0 && slice[i] == n ? 1 : 0;
            OFVector<FGBase*> perFrame;
            perFrame.push_back(position.get());
            perFrame.push_back(&content);
            perFrame.push_back(derivation.get());
            cond = seg->addFrame(frame.data(), Uint16(n), perFrame);
            if (cond.bad())
                throw PacsError(outFile + ": frame of slice " + std::to_string(k + 1) + ", lesion " +
                                std::to_string(n) + " cannot be added: " + cond.text());
        }
    }
    writeFileAtomically(outFile, [&](const std::string& temp) { return seg->saveFile(temp.c_str()); });
}

void writeEncapsulatedPdf(const std::string& pdf, const SourceSeries& fu, const std::string& title,
                          const std::string& outFile) {
    std::ifstream in(pdf, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    if (!in && !in.eof()) throw PacsError(pdf + ": cannot be read");
    if (bytes.rfind("%PDF", 0) != 0) throw PacsError(pdf + ": is not a PDF file");
    const auto source = load(fu.files.front());
    DcmDataset& ref = *source->getDataset();
    DcmFileFormat file;
    DcmDataset& d = *file.getDataset();
    copyPatientAndStudy(ref, d);
    const auto [date, time] = now();
    d.putAndInsertOFStringArray(DCM_SOPClassUID, UID_EncapsulatedPDFStorage);
    d.putAndInsertOFStringArray(DCM_SOPInstanceUID, newUid().c_str());
    d.putAndInsertOFStringArray(DCM_SeriesInstanceUID, newUid().c_str());
    d.putAndInsertOFStringArray(DCM_Modality, "DOC");
    d.putAndInsertOFStringArray(DCM_SeriesNumber, "9002");
    d.putAndInsertOFStringArray(DCM_SeriesDescription, "LesionDelta report (derived, not for diagnosis)");
    d.putAndInsertOFStringArray(DCM_InstanceNumber, "1");
    d.putAndInsertOFStringArray(DCM_ContentDate, date.c_str());
    d.putAndInsertOFStringArray(DCM_ContentTime, time.c_str());
    d.putAndInsertOFStringArray(DCM_AcquisitionDateTime, (date + time).c_str());
    d.putAndInsertOFStringArray(DCM_ConversionType, "WSD");
    d.putAndInsertOFStringArray(DCM_Manufacturer, "LesionDelta");
    d.putAndInsertOFStringArray(DCM_SoftwareVersions, kVersion);
    d.putAndInsertOFStringArray(DCM_BurnedInAnnotation, "YES");
    d.putAndInsertOFStringArray(DCM_DocumentTitle, title.c_str());
    d.insertEmptyElement(DCM_ConceptNameCodeSequence);
    d.putAndInsertOFStringArray(DCM_MIMETypeOfEncapsulatedDocument, "application/pdf");
    if (bytes.size() % 2) bytes.push_back('\0');  // OB values have even length
    d.putAndInsertUint8Array(DCM_EncapsulatedDocument, reinterpret_cast<const Uint8*>(bytes.data()),
                             static_cast<unsigned long>(bytes.size()));
    writeFileAtomically(outFile,
                        [&](const std::string& temp) { return file.saveFile(temp.c_str(), EXS_LittleEndianExplicit); });
}

std::vector<std::string> writeSecondaryCapture(const std::vector<RgbFrame>& frames, const SourceSeries& fu,
                                               const std::string& description, const std::string& outFolder) {
    if (frames.size() != fu.files.size())
        throw PacsError(outFolder + ": not written: " + std::to_string(frames.size()) + " pictures for the " +
                        std::to_string(fu.files.size()) + " images of the FU series " + fu.folder);
    const fs::path target(outFolder), partial = target.string() + ".partial";
    std::error_code ec;
    fs::remove_all(partial, ec);
    if (!fs::create_directories(partial, ec) && ec)
        throw PacsError(partial.string() + ": cannot be made: " + ec.message());
    const std::string seriesUid = newUid();
    const auto [date, time] = now();
    std::vector<std::string> names;
    for (std::size_t k = 0; k < frames.size(); ++k) {
        const RgbFrame& frame = frames[k];
        if (frame.rgb.size() != std::size_t(frame.columns) * frame.rows * 3 || frame.columns > 65535 ||
            frame.rows > 65535)
            throw PacsError(outFolder + ": picture " + std::to_string(k + 1) + " has a wrong size");
        const auto source = load(fu.files[k]);
        DcmDataset& ref = *source->getDataset();
        DcmFileFormat file;
        DcmDataset& d = *file.getDataset();
        copyPatientAndStudy(ref, d);
        d.putAndInsertOFStringArray(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
        d.putAndInsertOFStringArray(DCM_SOPInstanceUID, newUid().c_str());
        d.putAndInsertOFStringArray(DCM_SeriesInstanceUID, seriesUid.c_str());
        d.putAndInsertOFStringArray(DCM_Modality,
                                    tagText(ref, DCM_Modality).empty() ? "OT" : tagText(ref, DCM_Modality).c_str());
        d.putAndInsertOFStringArray(DCM_SeriesNumber, "9003");
        d.putAndInsertOFStringArray(DCM_SeriesDescription, description.c_str());
        d.putAndInsertOFStringArray(DCM_InstanceNumber, std::to_string(k + 1).c_str());
        d.putAndInsertOFStringArray(DCM_ImageType, "DERIVED\\SECONDARY");
        d.putAndInsertOFStringArray(DCM_ConversionType, "WSD");
        d.putAndInsertOFStringArray(DCM_BurnedInAnnotation, "YES");
        d.putAndInsertOFStringArray(DCM_ContentDate, date.c_str());
        d.putAndInsertOFStringArray(DCM_ContentTime, time.c_str());
        d.putAndInsertOFStringArray(DCM_Manufacturer, "LesionDelta");
        d.putAndInsertOFStringArray(DCM_SoftwareVersions, kVersion);
        d.putAndInsertOFStringArray(DCM_DerivationDescription,
                                    "Source image with the outlines of new or enlarging T2 lesions burnt in");
        d.putAndInsertOFStringArray(DCM_PatientOrientation, tagText(ref, DCM_PatientOrientation).c_str());
        // Where the source's pixels are not square, so are these: viewers keep the aspect.
        OFString rowSpacing, columnSpacing;
        if (ref.findAndGetOFString(DCM_PixelSpacing, rowSpacing, 0).good() &&
            ref.findAndGetOFString(DCM_PixelSpacing, columnSpacing, 1).good() && rowSpacing != columnSpacing)
            d.putAndInsertOFStringArray(DCM_PixelAspectRatio, (rowSpacing + "\\" + columnSpacing).c_str());
        DcmItem* item = nullptr;
        if (d.findOrCreateSequenceItem(DCM_SourceImageSequence, item).good() && item) {
            item->putAndInsertOFStringArray(DCM_ReferencedSOPClassUID, tagText(ref, DCM_SOPClassUID).c_str());
            item->putAndInsertOFStringArray(DCM_ReferencedSOPInstanceUID, tagText(ref, DCM_SOPInstanceUID).c_str());
        }
        d.putAndInsertUint16(DCM_SamplesPerPixel, 3);
        d.putAndInsertOFStringArray(DCM_PhotometricInterpretation, "RGB");
        d.putAndInsertUint16(DCM_PlanarConfiguration, 0);
        d.putAndInsertUint16(DCM_Rows, Uint16(frame.rows));
        d.putAndInsertUint16(DCM_Columns, Uint16(frame.columns));
        d.putAndInsertUint16(DCM_BitsAllocated, 8);
        d.putAndInsertUint16(DCM_BitsStored, 8);
        d.putAndInsertUint16(DCM_HighBit, 7);
        d.putAndInsertUint16(DCM_PixelRepresentation, 0);
        std::vector<Uint8> pixels(frame.rgb.begin(), frame.rgb.end());
        if (pixels.size() % 2) pixels.push_back(0);  // OB values have even length
        d.putAndInsertUint8Array(DCM_PixelData, pixels.data(), static_cast<unsigned long>(pixels.size()));
        char name[48];
        std::snprintf(name, sizeof name, "outline_%04zu.dcm", k + 1);
        const OFCondition cond = file.saveFile((partial / name).c_str(), EXS_LittleEndianExplicit);
        if (cond.bad()) {
            fs::remove_all(partial, ec);
            throw PacsError((partial / name).string() + ": cannot be written: " + cond.text());
        }
        names.push_back(name);
    }
    fs::remove_all(target, ec);
    std::error_code renamed;
    fs::rename(partial, target, renamed);
    if (renamed) {
        fs::remove_all(partial, ec);
        throw PacsError(outFolder + ": cannot be put in place: " + renamed.message());
    }
    std::vector<std::string> files;
    for (const auto& n : names) files.push_back((target / n).string());
    return files;
}

MaskVolume::Pointer readLesionSegmentation(const std::string& segFile, const ImageVolume& grid) {
    DcmSegmentation* raw = nullptr;
    if (DcmSegmentation::loadFile(segFile.c_str(), raw).bad() || !raw)
        throw PacsError(segFile + ": is not a readable DICOM SEG");
    const std::unique_ptr<DcmSegmentation> seg(raw);
    auto mask = MaskVolume::New();
    mask->CopyInformation(&grid);
    mask->SetRegions(grid.GetLargestPossibleRegion());
    mask->Allocate(true);
    const auto size = grid.GetLargestPossibleRegion().GetSize();
    const std::size_t frameVoxels = size[0] * size[1];
    // Each frame: one segment on one slice; the slice is the frame's second dimension index (its
    // place in the FU series), as writeLesionSegmentation writes it. Every segment is a lesion.
    for (std::size_t f = 0; f < seg->getNumberOfFrames(); ++f) {
        auto* content =
            dynamic_cast<FGFrameContent*>(seg->getFunctionalGroups().get(Uint32(f), DcmFGTypes::EFG_FRAMECONTENT));
        Uint32 slice = 0;
        if (!content || content->getDimensionIndexValues(slice, 1).bad() || slice < 1 || slice > size[2])
            throw PacsError(segFile + ": frame " + std::to_string(f + 1) + " names no slice of the " +
                            std::to_string(size[2]) + "-slice grid");
        const DcmIODTypes::Frame* frame = seg->getFrame(f);
        if (!frame) throw PacsError(segFile + ": frame " + std::to_string(f + 1) + " cannot be read");
        DcmIODTypes::Frame* unpacked = DcmSegUtils::unpackBinaryFrame(frame, Uint16(size[1]), Uint16(size[0]));
        if (!unpacked) throw PacsError(segFile + ": frame " + std::to_string(f + 1) + " cannot be unpacked");
        auto* out = mask->GetBufferPointer() + (slice - 1) * frameVoxels;
        for (std::size_t i = 0; i < frameVoxels && i < unpacked->length; ++i)
            if (unpacked->pixData[i]) out[i] = 1;
        delete unpacked;
    }
    return mask;
}

}  // namespace lesiondelta::pacs
