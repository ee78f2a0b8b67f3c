#include "lesiondelta/pacs/MeasurementReport.h"

// DCMTK first: its configuration header must precede the rest.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmsr/cmr/tid1500.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "DicomItems.h"
#include "DicomWriting.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/pacs/PacsClient.h"

namespace lesiondelta::pacs {
namespace {

using detail::tagText;

const DSRCodedEntryValue kLesion("52988006", "SCT", "Lesion");
const DSRCodedEntryValue kBrain("12738006", "SCT", "Brain");
const DSRCodedEntryValue kVolume("118565006", "SCT", "Volume");
const DSRCodedEntryValue kTrackingIdentifier("112039", "DCM", "Tracking Identifier");
const char* const kTotalLabel = "All new or enlarging T2 lesions";

using detail::newUid;

std::string number(double v, const char* format) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

void check(const OFCondition& cond, const std::string& file, const std::string& what) {
    if (cond.bad()) throw PacsError(file + ": " + what + ": " + cond.text());
}

CMR_TID1411_in_TID1500::MeasurementValue cubicMillimetres(double ml) {
    return {number(ml * 1000.0, "%.1f").c_str(), CMR_CID7181::CubicMillimeter};
}

}  // namespace

void writeLesionMeasurementReport(const std::vector<Lesion>& lesions, const SourceSeries& fu,
                                  const std::string& segFile, const std::string& outFile) {
    DcmFileFormat seg;
    if (seg.loadFile(segFile.c_str()).bad()) throw PacsError(segFile + ": is not a readable DICOM file");
    const auto first = detail::loadSource(fu.files.front());
    DcmDataset& ref = *first->getDataset();

    CMR_TID1500 report(CMR_CID7021::ImagingMeasurementReport);
    check(report.setLanguage(CID5000_Languages::English_US), outFile, "language");
    check(report.getObservationContext().addDeviceObserver(newUid().c_str(), "LesionDelta", "LesionDelta",
                                                           "LesionDelta " + OFString(kVersion)),
          outFile, "observer");
    check(report.addProcedureReported(CMR_CID100::ImagingProcedure), outFile, "procedure");
    // The image library: the FU images the measurements were made on.
    check(report.getImageLibrary().createNewImageLibrary(), outFile, "image library");
    check(report.getImageLibrary().addImageGroup(), outFile, "image library group");
    for (const auto& file : fu.files) {
        const auto image = detail::loadSource(file);
        const OFCondition cond =
            report.getImageLibrary().addImageEntry(*image->getDataset(), TID1600_ImageLibrary::withoutDescriptors);
        if (cond != CMR_EC_NoImageLibraryEntryDescriptorsToBeAdded) check(cond, outFile, "image library entry " + file);
    }

    // Each lesion is its own segment of the SEG (numbered as lesions.csv numbers the lesions):
    // one volumetric group per lesion referencing it; then the total in a group of its own.
    DcmSequenceOfItems* segments = nullptr;
    const unsigned long segmentCount =
        seg.getDataset()->findAndGetSequence(DCM_SegmentSequence, segments).good() && segments ? segments->card() : 0;
    if (!(lesions.empty() ? segmentCount == 1 : segmentCount == lesions.size()))
        throw PacsError(outFile + ": not written: the lesion table lists " + std::to_string(lesions.size()) +
                        " lesions, the SEG " + segFile + " holds " + std::to_string(segmentCount) + " segments");
    double total = 0.0;
    const std::string sourceSeries = tagText(ref, DCM_SeriesInstanceUID);
    for (std::size_t i = 0; i < lesions.size(); ++i) {
        const auto& l = lesions[i];
        check(report.addVolumetricROIMeasurements(i > 0 ? OFFalse : OFTrue), outFile, "measurement group");
        auto& group = report.getVolumetricROIMeasurements();
        const std::string label = "Lesion " + std::to_string(l.id) + " at LPS (" + number(l.centroidLpsMm[0], "%.1f") +
                                  ", " + number(l.centroidLpsMm[1], "%.1f") + ", " +
                                  number(l.centroidLpsMm[2], "%.1f") + ") mm, FU image " +
                                  std::to_string(std::lround(l.centroidIndex[2]) + 1);
        check(group.setTrackingIdentifier(label.c_str()), outFile, "lesion tracking identifier");
        check(group.setTrackingUniqueIdentifier(newUid().c_str()), outFile, "lesion tracking UID");
        check(group.setFinding(kLesion), outFile, "lesion finding");
        check(group.setReferencedSegment(*seg.getDataset(), Uint16(i + 1), OFFalse), outFile, "referenced segment");
        check(group.setSourceSeriesForSegmentation(sourceSeries.c_str()), outFile, "source series");
        check(group.addFindingSite(kBrain), outFile, "lesion finding site");
        check(group.addMeasurement(CMR_CID7469::Volume, cubicMillimetres(l.volumeMl)), outFile, "lesion volume");
        total += l.volumeMl;
    }
    check(report.addIndividualMeasurements(), outFile, "total group");
    auto& all = report.getIndividualMeasurements();
    check(all.setTrackingIdentifier(kTotalLabel), outFile, "tracking identifier");
    check(all.setTrackingUniqueIdentifier(newUid().c_str()), outFile, "tracking UID");
    check(all.setFinding(kLesion), outFile, "finding");
    check(all.addFindingSite(kBrain), outFile, "finding site");
    check(all.addMeasurement(CMR_CID7469::Volume, cubicMillimetres(total)), outFile, "total volume");

    DSRDocument doc(DSRTypes::DT_EnhancedSR);
    check(doc.setTreeFromRootTemplate(report, OFTrue /* expand the included templates */), outFile,
          "the report does not follow TID 1500");
    DcmFileFormat file;
    DcmDataset& d = *file.getDataset();
    detail::copyPatientAndStudy(ref, d);
    check(doc.readPatientData(d), outFile, "patient");
    check(doc.readStudyData(d), outFile, "study");
    check(doc.createNewSeriesInStudy(tagText(ref, DCM_StudyInstanceUID).c_str()), outFile, "series");
    check(doc.setSeriesNumber("9004"), outFile, "series number");
    check(doc.setSeriesDescription("LesionDelta lesion measurements (derived, not for diagnosis)"), outFile,
          "series description");
    check(doc.setManufacturer("LesionDelta"), outFile, "manufacturer");
    check(doc.completeDocument(), outFile, "completion");
    DcmFileFormat out;
    check(doc.write(*out.getDataset()), outFile, "cannot be encoded");
    detail::writeFileAtomically(
        outFile, [&](const std::string& temp) { return out.saveFile(temp.c_str(), EXS_LittleEndianExplicit); });
}

MeasurementReportContent readLesionMeasurementReport(const std::string& srFile) {
    DcmFileFormat file;
    if (file.loadFile(srFile.c_str()).bad()) throw PacsError(srFile + ": is not a readable DICOM file");
    DSRDocument doc;
    if (doc.read(*file.getDataset()).bad()) throw PacsError(srFile + ": is not a readable structured report");
    MeasurementReportContent content;
    DSRDocumentTree& tree = doc.getTree();
    std::string label;
    if (tree.gotoRoot() > 0) {
        do {
            DSRContentItem& item = tree.getCurrentContentItem();
            const DSRCodedEntryValue& name = item.getConceptName();
            if (item.getValueType() == DSRTypes::VT_Text && name == kTrackingIdentifier) {
                label = item.getStringValue().c_str();
                if (label.rfind("Lesion ", 0) == 0) content.lesionLabels.push_back(label);
            } else if (item.getValueType() == DSRTypes::VT_Num && name == kVolume && item.getNumericValuePtr()) {
                const double ml = std::atof(item.getNumericValuePtr()->getNumericValue().c_str()) / 1000.0;
                if (label.rfind("Lesion ", 0) == 0)
                    content.lesionVolumesMl.push_back(ml);
                else
                    content.totalVolumeMl = ml;
            } else if (item.getValueType() == DSRTypes::VT_Image && item.getImageReferencePtr()) {
                if (item.getImageReferencePtr()->getSOPClassUID() == UID_SegmentationStorage)
                    content.referencedSegmentationUid = item.getImageReferencePtr()->getSOPInstanceUID().c_str();
            }
        } while (tree.iterate() > 0);
    }
    return content;
}

}  // namespace lesiondelta::pacs
