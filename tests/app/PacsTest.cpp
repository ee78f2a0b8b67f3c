// The PACS client (issue 21) against a real PACS: Orthanc started on 127.0.0.1 by the test (skips
// where the `orthanc` package is not installed). The sample pair is stored as two DICOM studies,
// found, retrieved into the cache and compared voxel by voxel; failures are clear and leave
// nothing in the cache.
#include <arpa/inet.h>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <gtest/gtest.h>
#include <itkCastImageFilter.h>
#include <itkImageRegionConstIterator.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "CliRunner.h"
#include "OrthancServer.h"
#include "SampleDicomStudies.h"
#include "TestDicom.h"
#include "TestImages.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pacs/DicomExport.h"
#include "lesiondelta/pacs/MeasurementReport.h"
#include "lesiondelta/pacs/PacsClient.h"
#include "lesiondelta/pacs/PacsVisits.h"
#include "lesiondelta/pipeline/SeriesFolder.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
namespace fs = std::filesystem;

namespace {

struct CapturePicture {
    int instance = 0;
    std::string sourceUid;
    std::vector<Uint8> rgb;
};

/// The Secondary Capture images of a retrieved series, in instance order.
std::vector<CapturePicture> outlineCaptureImages(const std::string& dir) {
    std::vector<CapturePicture> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        DcmFileFormat file;
        EXPECT_TRUE(file.loadFile(entry.path().c_str()).good()) << entry.path();
        DcmDataset& d = *file.getDataset();
        OFString sopClass, photometric, source;
        d.findAndGetOFString(DCM_SOPClassUID, sopClass);
        d.findAndGetOFString(DCM_PhotometricInterpretation, photometric);
        EXPECT_EQ(sopClass, UID_SecondaryCaptureImageStorage);
        EXPECT_EQ(photometric, "RGB");
        CapturePicture p;
        Sint32 instance = 0;
        d.findAndGetSint32(DCM_InstanceNumber, instance);
        p.instance = instance;
        d.findAndGetOFString(DCM_ReferencedSOPInstanceUID, source, 0, OFTrue);
        p.sourceUid = source.c_str();
        const Uint8* pixels = nullptr;
        unsigned long count = 0;
        d.findAndGetUint8Array(DCM_PixelData, pixels, &count);
        p.rgb.assign(pixels, pixels + count);
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.instance < b.instance; });
    return out;
}

/// The volumes (ml) of segment's lesions.csv, in its order.
std::vector<double> lesionTableOf(const std::string& csv) {
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    std::vector<double> out;
    while (std::getline(in, line)) {
        const auto first = line.find(','), second = line.find(',', first + 1);
        out.push_back(std::stod(line.substr(second + 1, line.find(',', second + 1) - second - 1)));
    }
    return out;
}

/// The SOP instance UID of image k of the FU series in `dir`, in the order the volume stacks them.
std::string fuSopInstanceUid(const std::string& dir, std::size_t k) {
    DcmFileFormat file;
    file.loadFile(pacs::sourceSeries(dir).files.at(k).c_str());
    OFString uid;
    file.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid);
    return uid.c_str();
}

class Pacs : public ::testing::Test {
protected:
    void SetUp() override {
        if (OrthancServer::executable().empty()) GTEST_SKIP() << "Orthanc is not installed (apt-get install orthanc)";
        server_ = std::make_unique<OrthancServer>();
        ASSERT_TRUE(server_->waitUntilListening()) << server_->log();
    }
    pacs::PacsClient client(const std::string& ourAe = "LESIONDELTA") const {
        auto node = pacs::parseNode(server_->node());
        node.ourAeTitle = ourAe;
        node.timeoutSeconds = 10;
        return pacs::PacsClient(node);
    }
    std::unique_ptr<OrthancServer> server_;
};

}  // namespace

TEST_F(Pacs, TheSamplePairIsStoredFoundAndRetrievedVoxelForVoxel) {
    client().echo();
    TempDir dicom, cache;
    writeSampleStudies(dicom.path());
    const int files = int(std::distance(fs::directory_iterator(dicom.path()), fs::directory_iterator{}));
    EXPECT_EQ(client().store({dicom.path().string()}), files);
    EXPECT_NE(server_->rest("/studies/").find('"'), std::string::npos);  // Orthanc's own view: studies there

    const auto studies = client().findStudies({.patientName = "", .patientId = "LD01", .dateRange = ""});
    ASSERT_EQ(studies.size(), 2u);
    EXPECT_EQ(studies[0].studyUid, kBlStudy);  // by date
    EXPECT_EQ(studies[0].date, "20100101");
    EXPECT_EQ(studies[0].patientName, "SAMPLE^LD");
    ASSERT_EQ(studies[1].series.size(), 2u);
    const auto& flair = studies[1].series[0].looksLikeFlair() ? studies[1].series[0] : studies[1].series[1];
    EXPECT_TRUE(flair.looksLikeFlair());
    EXPECT_EQ(flair.seriesUid, kFuFlair);
    const auto fu = sampleAsShort("study2_FLAIR.nii.gz");
    EXPECT_EQ(flair.instances, int(fu->GetLargestPossibleRegion().GetSize()[2]));
    EXPECT_TRUE(client().findStudies({.patientName = "NOBODY*", .patientId = "", .dateRange = ""}).empty());
    EXPECT_EQ(client().findStudies({.patientName = "", .patientId = "LD01", .dateRange = "20110101-"}).size(), 1u);

    int calls = 0, lastExpected = 0;
    const std::string folder =
        client().retrieveSeries(kFuStudy, kFuFlair, cache.path().string(), [&](int, int expected) {
            ++calls;
            lastExpected = expected;
            return true;
        });
    EXPECT_EQ(folder, (cache.path() / kFuStudy / kFuFlair).string());
    EXPECT_EQ(calls, flair.instances);
    EXPECT_EQ(lastExpected, flair.instances);
    // What came back is the follow-up, voxel for voxel.
    const auto back = readVolume(folder);
    ASSERT_EQ(back->GetLargestPossibleRegion().GetSize(), fu->GetLargestPossibleRegion().GetSize());
    itk::ImageRegionConstIterator<ImageVolume> b(back, back->GetLargestPossibleRegion());
    itk::ImageRegionConstIterator<ShortVolume> o(fu, fu->GetLargestPossibleRegion());
    std::size_t different = 0;
    for (; !b.IsAtEnd(); ++b, ++o) different += b.Get() != float(o.Get());
    EXPECT_EQ(different, 0u);
    // A second retrieval is the cache's: no connection (the PACS is gone).
    server_->stop();
    EXPECT_EQ(client().retrieveSeries(kFuStudy, kFuFlair, cache.path().string()), folder);
}

TEST_F(Pacs, FailuresNameTheNodeAndTheProblemAndLeaveNothingInTheCache) {
    TempDir dicom, cache;
    writeSampleStudies(dicom.path());
    client().store({dicom.path().string()});
    auto expectFailure = [&](const std::function<void()>& f, const std::string& words) {
        try {
            f();
            ADD_FAILURE() << "no error; expected \"" << words << "\"";
        } catch (const pacs::PacsError& e) {
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        }
        // Nothing half-written: the cache holds no series folder and no partial one.
        if (fs::exists(cache.path() / kFuStudy)) {
            EXPECT_TRUE(fs::is_empty(cache.path() / kFuStudy)) << "something left in the cache";
        }
    };
    // A series the PACS does not have.
    expectFailure([&] { client().retrieveSeries(kFuStudy, kFuStudy + ".99", cache.path().string()); }, "has no series");
    // Cancelled half-way.
    expectFailure(
        [&] {
            client().retrieveSeries(kFuStudy, kFuFlair, cache.path().string(),
                                    [](int received, int) { return received < 5; });
        },
        "cancelled");
    // A calling AE title the PACS does not know may not retrieve.
    expectFailure([&] { client("STRANGER").retrieveSeries(kFuStudy, kFuFlair, cache.path().string()); },
                  "may our AE title STRANGER do this there?");
    // Its AE title wrong: the association is rejected.
    auto wrongAe = pacs::parseNode(server_->node());
    wrongAe.aeTitle = "NOTORTHANC";
    expectFailure([&] { pacs::PacsClient(wrongAe).echo(); }, "rejected the association");
    // Down: refused at once, not after a timeout.
    server_->stop();
    const auto start = std::chrono::steady_clock::now();
    expectFailure([&] { client().retrieveSeries(kFuStudy, kFuFlair, cache.path().string()); }, "connection refused");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    // Unusable nodes are refused before any connection.
    for (const char* bad : {"ORTHANC", "ORTHANC@host", "@host:104", "A@h:0", "A@h:70000", "WAYTOOLONGAETITLE17@h:1"})
        EXPECT_THROW(pacs::parseNode(bad), pacs::PacsError) << bad;
}

TEST_F(Pacs, TheCommandLineEchoesFindsAndRetrieves) {
    TempDir dicom, cache;
    writeSampleStudies(dicom.path());
    const std::string node = " --pacs " + server_->node();
    EXPECT_EQ(cli("pacs echo" + node).exitCode, 0);
    const auto stored = cli("pacs store" + node + " --file " + dicom.path().string());
    ASSERT_EQ(stored.exitCode, 0) << stored.err;
    const auto found = cli("pacs find" + node + " --patient-id LD01");
    ASSERT_EQ(found.exitCode, 0) << found.err;
    EXPECT_NE(found.out.find("series " + kFuFlair), std::string::npos) << found.out;
    EXPECT_NE(found.out.find("FLAIR"), std::string::npos);
    const auto got =
        cli("pacs get" + node + " --study " + kFuStudy + " --series " + kFuFlair + " --cache " + cache.path().string());
    ASSERT_EQ(got.exitCode, 0) << got.err;
    EXPECT_EQ(got.out, (cache.path() / kFuStudy / kFuFlair).string() + "\n");
    const auto refused = cli("pacs echo --pacs NOTORTHANC@127.0.0.1:" + std::to_string(server_->dicomPort()));
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("NOTORTHANC@127.0.0.1"), std::string::npos) << refused.err;
    EXPECT_EQ(cli("pacs echo --pacs nonsense").exitCode, 2);
    EXPECT_EQ(cli("pacs find" + node).exitCode, 2);  // no patient given
    EXPECT_EQ(cli("pacs teleport" + node).exitCode, 2);
}

TEST_F(Pacs, ResultsGoBackAsSegmentationAndReportInTheFollowUpStudy) {
    TempDir dicom, cache, work;
    writeSampleStudies(dicom.path());
    client().store({dicom.path().string()});
    const std::string node = " --pacs " + server_->node() + " --cache " + cache.path().string();
    const auto bl = cli("pacs get" + node + " --study " + kBlStudy + " --series " + kBlStudy + ".3");
    const auto fu = cli("pacs get" + node + " --study " + kFuStudy + " --series " + kFuFlair);
    ASSERT_EQ(bl.exitCode, 0) << bl.err;
    ASSERT_EQ(fu.exitCode, 0) << fu.err;
    const std::string blDir = bl.out.substr(0, bl.out.size() - 1), fuDir = fu.out.substr(0, fu.out.size() - 1);
    const std::string caseDir = work.file("case");
    const auto detected = cli("baseline --bl " + blDir + " --fu " + fuDir + " --out " + caseDir);  // fast, no model
    ASSERT_EQ(detected.exitCode, 0) << detected.err;
    const auto report = cli("report --case " + caseDir + " -o " + caseDir + "/report.pdf");
    ASSERT_EQ(report.exitCode, 0) << report.err;

    const auto sent =
        cli("pacs send --pacs " + server_->node() + " --case " + caseDir + " --report " + caseDir + "/report.pdf");
    ASSERT_EQ(sent.exitCode, 0) << sent.err;
    const auto fuImage = readVolume(fuDir);
    const auto slices = fuImage->GetLargestPossibleRegion().GetSize(2);
    EXPECT_NE(sent.out.find("sent " + std::to_string(3 + slices) + " DICOM objects (SEG, measurements, report, " +
                            std::to_string(slices) + " outline images)"),
              std::string::npos)
        << sent.out;

    // In the follow-up's study, next to its FLAIR and T1: a SEG, a DOC and a derived MR series (the
    // outlines); the BL study as it was.
    const auto studies = client().findStudies({.patientName = "", .patientId = "LD01", .dateRange = ""});
    ASSERT_EQ(studies.size(), 2u);
    EXPECT_EQ(studies[0].series.size(), 1u);
    std::map<std::string, std::string> byModality;
    for (const auto& s : studies[1].series) byModality[s.modality] = s.seriesUid;
    ASSERT_EQ(byModality.count("SEG"), 1u) << studies[1].series.size();
    ASSERT_EQ(byModality.count("DOC"), 1u);
    std::string captureUid;
    for (const auto& s : studies[1].series)
        if (s.description.find("NOT FOR DIAGNOSIS") != std::string::npos) captureUid = s.seriesUid;
    ASSERT_FALSE(captureUid.empty());
    ASSERT_EQ(byModality.count("SR"), 1u);
    // Orthanc's own view agrees: the follow-up study holds six series.
    const auto expanded = nlohmann::json::parse(server_->rest("/studies?expand"));
    for (const auto& s : expanded)
        if (s["MainDicomTags"]["StudyInstanceUID"] == kFuStudy) {
            EXPECT_EQ(s["Series"].size(), 6u);
        }

    // The SEG read back with DCMTK is the mask, voxel for voxel.
    const auto segDir = client().retrieveSeries(kFuStudy, byModality["SEG"], cache.path().string());
    const auto segFile = fs::directory_iterator(segDir)->path().string();
    const auto back = pacs::readLesionSegmentation(segFile, *fuImage);
    const auto mask = readMask(caseDir + "/new_lesions.nii.gz");
    std::size_t set = 0, different = 0;
    for (std::size_t i = 0; i < mask->GetLargestPossibleRegion().GetNumberOfPixels(); ++i) {
        set += mask->GetBufferPointer()[i] != 0;
        different += (mask->GetBufferPointer()[i] != 0) != (back->GetBufferPointer()[i] != 0);
    }
    EXPECT_GT(set, 0u);
    EXPECT_EQ(different, 0u);
    // The outline pictures: one per FU image, each derived from its image, green exactly on the
    // pixels around the lesions (never on them), grey elsewhere below the label band.
    const auto captureDir = client().retrieveSeries(kFuStudy, captureUid, cache.path().string());
    const auto capture = outlineCaptureImages(captureDir);
    if (const char* keep = std::getenv("LESIONDELTA_TEST_IMAGES"))  // to look at: dcm2pnm +on FILE OUT.png
        for (const auto& f : fs::directory_iterator(captureDir))
            fs::copy_file(f.path(), fs::path(keep) / ("outline-capture-" + f.path().filename().string()),
                          fs::copy_options::overwrite_existing);
    ASSERT_EQ(capture.size(), slices);
    const auto size = mask->GetLargestPossibleRegion().GetSize();
    std::size_t green = 0, expectedGreen = 0, wrong = 0;
    for (std::size_t k = 0; k < slices; ++k) {
        EXPECT_EQ(capture[k].sourceUid, fuSopInstanceUid(fuDir, k)) << "picture " << k;
        for (std::size_t j = 40; j < size[1]; ++j)  // below the label band (at most 33 rows)
            for (std::size_t i = 0; i < size[0]; ++i) {
                const auto at = [&](long di, long dj) {
                    const long x = long(i) + di, y = long(j) + dj;
                    return x >= 0 && y >= 0 && x < long(size[0]) && y < long(size[1]) &&
                           mask->GetBufferPointer()[(k * size[1] + y) * size[0] + x] != 0;
                };
                const bool edge = !at(0, 0) && (at(-1, 0) || at(1, 0) || at(0, -1) || at(0, 1));
                const auto* rgb = &capture[k].rgb[3 * (j * size[0] + i)];
                const bool isGreen = rgb[1] > 200 && rgb[0] == 0 && rgb[2] == 0;
                expectedGreen += edge;
                green += isGreen;
                wrong += isGreen != edge || (!isGreen && (rgb[0] != rgb[1] || rgb[1] != rgb[2]));
            }
    }
    EXPECT_GT(expectedGreen, 0u);
    EXPECT_EQ(green, expectedGreen);
    EXPECT_EQ(wrong, 0u);
    // The measurement report: one group per lesion of lesions.csv with its volume, the total, and
    // a reference to the SEG that was sent.
    const auto srDir = client().retrieveSeries(kFuStudy, byModality["SR"], cache.path().string());
    const auto srFile = fs::directory_iterator(srDir)->path();
    if (const char* keep = std::getenv("LESIONDELTA_TEST_IMAGES"))  // to look at: dsrdump FILE
        fs::copy_file(srFile, fs::path(keep) / "measurements_sr.dcm", fs::copy_options::overwrite_existing);
    const auto sr = pacs::readLesionMeasurementReport(srFile.string());
    const auto table = lesionTableOf(caseDir + "/lesions.csv");
    ASSERT_EQ(sr.lesionVolumesMl.size(), table.size());
    double total = 0;
    for (std::size_t i = 0; i < table.size(); ++i) {
        EXPECT_NEAR(sr.lesionVolumesMl[i], table[i], 1e-4) << i;
        EXPECT_EQ(sr.lesionLabels[i].rfind("Lesion " + std::to_string(i + 1) + " at LPS (", 0), 0u)
            << sr.lesionLabels[i];
        total += table[i];
    }
    EXPECT_NEAR(sr.totalVolumeMl, total, 1e-3);
    DcmFileFormat segObject;
    ASSERT_TRUE(segObject.loadFile(segFile.c_str()).good());
    OFString segUid;
    segObject.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, segUid);
    EXPECT_EQ(sr.referencedSegmentationUid, segUid.c_str());
    // The report is there as a PDF.
    const auto docDir = client().retrieveSeries(kFuStudy, byModality["DOC"], cache.path().string());
    EXPECT_NE(slurp(fs::directory_iterator(docDir)->path().string()).find("%PDF"), std::string::npos);

    // A case whose follow-up is a NIfTI file cannot go to the PACS: said so.
    const auto nifti = cli("pacs send --pacs " + server_->node() + " --case " + caseDir + " --fu " +
                           std::string(LESIONDELTA_SAMPLE_DIR) + "/study2_FLAIR.nii.gz");
    EXPECT_EQ(nifti.exitCode, 1);
    EXPECT_NE(nifti.err.find("not read from a DICOM folder"), std::string::npos) << nifti.err;
}

TEST(PacsVisits, OneFlairSeriesPerStudyOldestFirstStudiesWithoutFlairNamed) {
    auto study = [](std::string uid, std::string date, std::vector<pacs::SeriesInfo> series) {
        pacs::StudyInfo s;
        s.patientId = "P7", s.patientName = "DOE^JANE", s.studyUid = uid, s.date = date, s.series = series;
        return s;
    };
    auto series = [](std::string uid, std::string description, int instances) {
        pacs::SeriesInfo s;
        s.seriesUid = uid, s.description = description, s.instances = instances, s.modality = "MR";
        return s;
    };
    const auto visits = pacs::flairVisits({
        study("1", "20240312",
              {series("1.1", "SAG T1", 176), series("1.2", "AX FLAIR", 40), series("1.3", "3D FLAIR", 176)}),
        study("2", "20230110", {series("2.1", "t2_flair_tra", 44)}),
        study("3", "20230601", {series("3.1", "DWI", 30)}),
    });
    EXPECT_EQ(visits.patientId, "P7");
    ASSERT_EQ(visits.visits.size(), 2u);
    EXPECT_EQ(visits.visits[0].date, "2023-01-10");
    EXPECT_EQ(visits.visits[0].seriesUid, "2.1");
    EXPECT_EQ(visits.visits[1].date, "2024-03-12");
    EXPECT_EQ(visits.visits[1].seriesUid, "1.3");  // of two FLAIR series, the one with more images
    ASSERT_EQ(visits.studiesWithoutFlair.size(), 1u);
    EXPECT_EQ(visits.studiesWithoutFlair[0], "2023-06-01 (3)");

    auto other = study("4", "20250101", {series("4.1", "FLAIR", 40)});
    other.patientId = "P8";
    EXPECT_THROW(pacs::flairVisits({study("1", "20240312", {series("1.2", "FLAIR", 40)}), other}), pacs::PacsError);
    EXPECT_THROW(pacs::flairVisits({study("1", "", {series("1.2", "FLAIR", 40)})}), pacs::PacsError);
}

TEST_F(Pacs, APatientsVisitsComeAsASeriesFolder) {
    TempDir dicom, cache, work;
    writeSampleStudies(dicom.path());
    client().store({dicom.path().string()});
    const std::string out = work.file("course");
    const auto got = cli("pacs visits --pacs " + server_->node() + " --cache " + cache.path().string() +
                         " --patient-id LD01 --out " + out);
    ASSERT_EQ(got.exitCode, 0) << got.err;
    EXPECT_EQ(got.out, out + "\n");
    EXPECT_NE(got.err.find("2 visits of LD01, 2010-01-01 to 2011-01-01"), std::string::npos) << got.err;
    const auto series = readSeriesFolder(out);
    ASSERT_EQ(series.visits.size(), 2u);
    EXPECT_EQ(series.patient, "LD01");
    EXPECT_EQ(series.visits[0].date, "2010-01-01");
    EXPECT_EQ(series.visits[1].date, "2011-01-01");
    // Each visit is its FLAIR, whole (the FU study's T1 is not a visit).
    const auto fu = readVolume(series.visits[1].flair);
    EXPECT_EQ(fu->GetLargestPossibleRegion().GetSize(),
              sampleAsShort("study2_FLAIR.nii.gz")->GetLargestPossibleRegion().GetSize());
    // One visit is no course: said, nothing written.
    const auto one = cli("pacs visits --pacs " + server_->node() + " --cache " + cache.path().string() +
                         " --patient-id LD01 --date 20110101 --out " + work.file("one"));
    EXPECT_EQ(one.exitCode, 1);
    EXPECT_NE(one.err.find("1 FLAIR visit(s)"), std::string::npos) << one.err;
    EXPECT_FALSE(fs::exists(work.file("one") + "/series.json"));
}

// A PACS that takes the connection but never answers: the timeout ends the wait with a message
// naming the node and the wait, and the cache stays empty.
TEST(PacsTimeout, ANodeThatNeverAnswersTimesOutWithAClearMessage) {
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // any free port
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(listener, 4), 0);  // the kernel completes connections; nobody ever reads
    socklen_t length = sizeof address;
    ASSERT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
    auto node = pacs::parseNode("SILENT@127.0.0.1:" + std::to_string(ntohs(address.sin_port)));
    node.timeoutSeconds = 1;
    TempDir cache;
    const auto start = std::chrono::steady_clock::now();
    try {
        pacs::PacsClient(node).retrieveSeries(kFuStudy, kFuFlair, cache.path().string());
        ADD_FAILURE() << "a silent node answered";
    } catch (const pacs::PacsError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("SILENT@127.0.0.1"), std::string::npos) << message;
        EXPECT_NE(message.find("no answer within 1 s"), std::string::npos) << message;
    }
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 15.0);
    EXPECT_TRUE(fs::is_empty(cache.path()));
    ::close(listener);
}

// Each lesion is a segment of its own, encoded on the slices it lies in; read back, the segments
// together are the mask. A mask without lesions keeps one empty segment on every slice.
TEST(DicomSeg, EachLesionIsASegmentOnTheSlicesItLiesIn) {
    TempDir dir;
    auto scan = makeImage<ShortVolume>({24, 20, 8}, {1, 1, 2}, {0, 0, 0});
    fs::create_directories(dir.path() / "fu");
    writeVolumeSeries(*scan, dir.path() / "fu", "fu", "1.2.826.0.1.3680043.2.1125.99.1", "AX FLAIR");
    const auto fu = pacs::sourceSeries((dir.path() / "fu").string());
    const auto grid = readVolume((dir.path() / "fu").string());
    auto mask = MaskVolume::New();
    mask->CopyInformation(grid);
    mask->SetRegions(grid->GetLargestPossibleRegion());
    mask->Allocate(true);
    paintBox(*mask, {2, 2, 1}, {7, 7, 4});      // 144 voxels x 2 mm: the larger lesion, slices 2-5
    paintBox(*mask, {14, 10, 6}, {17, 13, 6});  // 16 voxels: slice 7 only
    const std::string segFile = dir.file("seg.dcm");
    pacs::writeLesionSegmentation(*mask, fu, "test", segFile);
    DcmFileFormat file;
    ASSERT_TRUE(file.loadFile(segFile.c_str()).good());
    DcmSequenceOfItems* segments = nullptr;
    ASSERT_TRUE(file.getDataset()->findAndGetSequence(DCM_SegmentSequence, segments).good());
    ASSERT_EQ(segments->card(), 2u);
    OFString label;
    segments->getItem(0)->findAndGetOFString(DCM_SegmentLabel, label);
    EXPECT_EQ(label, "Lesion 1");
    Sint32 frames = 0;
    file.getDataset()->findAndGetSint32(DCM_NumberOfFrames, frames);
    EXPECT_EQ(frames, 4 + 1);
    const auto back = pacs::readLesionSegmentation(segFile, *grid);
    std::size_t different = 0;
    for (std::size_t i = 0; i < mask->GetLargestPossibleRegion().GetNumberOfPixels(); ++i)
        different += (mask->GetBufferPointer()[i] != 0) != (back->GetBufferPointer()[i] != 0);
    EXPECT_EQ(different, 0u);

    // The measurement report refers to each lesion's segment; a lesion table that does not match
    // the SEG is refused, naming both.
    Lesion big, small;
    big.id = 1, big.volumeMl = 0.288, small.id = 2, small.volumeMl = 0.032;
    pacs::writeLesionMeasurementReport({big, small}, fu, segFile, dir.file("sr.dcm"));
    const auto sr = pacs::readLesionMeasurementReport(dir.file("sr.dcm"));
    ASSERT_EQ(sr.lesionVolumesMl.size(), 2u);
    EXPECT_NEAR(sr.lesionVolumesMl[1], 0.032, 1e-6);
    EXPECT_NEAR(sr.totalVolumeMl, 0.320, 1e-6);
    try {
        pacs::writeLesionMeasurementReport({big}, fu, segFile, dir.file("sr1.dcm"));
        ADD_FAILURE() << "a lesion table of 1 lesion was taken for a SEG of 2";
    } catch (const pacs::PacsError& e) {
        EXPECT_NE(std::string(e.what()).find("lists 1 lesions, the SEG"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(dir.file("sr1.dcm")));

    mask->FillBuffer(0);
    pacs::writeLesionSegmentation(*mask, fu, "test", segFile);
    DcmFileFormat empty;
    ASSERT_TRUE(empty.loadFile(segFile.c_str()).good());
    ASSERT_TRUE(empty.getDataset()->findAndGetSequence(DCM_SegmentSequence, segments).good());
    EXPECT_EQ(segments->card(), 1u);
    empty.getDataset()->findAndGetSint32(DCM_NumberOfFrames, frames);
    EXPECT_EQ(frames, 8);
    const auto none = pacs::readLesionSegmentation(segFile, *grid);
    EXPECT_EQ(std::count(none->GetBufferPointer(),
                         none->GetBufferPointer() + none->GetLargestPossibleRegion().GetNumberOfPixels(), 1),
              0);
}
