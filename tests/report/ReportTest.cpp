#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <filesystem>

#include "Localization.h"
#include "PdfText.h"
#include "TestImages.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/report/CaseComparison.h"
#include "lesiondelta/report/PatientReport.h"
#include "lesiondelta/report/SliceImages.h"

using namespace lesiondelta;
using namespace lesiondelta::report;
using namespace lesiondelta::test;

namespace {

using Box = std::pair<std::array<long, 3>, std::array<long, 3>>;

MaskVolume::Pointer maskWith(const std::vector<Box>& boxes) {
    auto m = makeImage<MaskVolume>({64, 64, 32}, {1, 1, 2}, {-32, -32, -32});
    for (const auto& [lo, hi] : boxes) paintBox(*m, lo, hi);
    return m;
}

/// A head-like FU/BL pair and three CNN lesions (27, 64 and 8 voxels of 2 mm^3: 0.054, 0.128 and
/// 0.016 ml); rater A marks the first two, rater B the first and a lesion the CNN missed.
ReportCase syntheticCase() {
    ReportCase c;
    c.id = "patient-XYZ";
    c.blPath = "/data/secret_name_bl.nii.gz";
    c.fuPath = "/data/secret_name_fu.nii.gz";
    c.fu = makeImage<ImageVolume>({64, 64, 32}, {1, 1, 2}, {-32, -32, -32});
    fillPhysical(*c.fu, headPhantom);
    c.blInFu = makeImage<ImageVolume>({64, 64, 32}, {1, 1, 2}, {-32, -32, -32});
    fillPhysical(*c.blInFu, headPhantom);
    const Box a{{10, 10, 10}, {12, 12, 12}}, b{{30, 30, 14}, {33, 33, 17}}, small{{50, 10, 20}, {51, 11, 21}},
        missed{{40, 50, 8}, {42, 52, 10}};
    c.cnn = maskWith({a, b, small});
    c.raters["A"] = maskWith({a, b});
    c.raters["B"] = maskWith({a, missed});
    auto p = makeImage<ImageVolume>({64, 64, 32}, {1, 1, 2}, {-32, -32, -32});
    const auto* cnn = c.cnn->GetBufferPointer();
    for (std::size_t i = 0; i < p->GetLargestPossibleRegion().GetNumberOfPixels(); ++i) {
        p->GetBufferPointer()[i] = cnn[i] ? 0.8f : 0.05f;
    }
    c.probability = p;
    c.cnnSummary = {
        {"threshold", 0.4},
        {"model", {{"architecture", "LesionChangeNet"}, {"base_width", 8}, {"data_sha256", "abcdef0123456789ffff"}}}};
    c.scanInfo = {{"bl_date", "2024-01-10"}, {"fu_date", "2025-01-09"}};
    return c;
}

TEST(CaseComparison, CountsFoundByAndLesionWiseMetrics) {
    const auto c = syntheticCase();
    const auto cmp = compareCase(c);
    ASSERT_EQ(cmp.sources, (std::vector<std::string>{"CNN", "A", "B"}));
    EXPECT_EQ(cmp.counts[0].lesions, 3u);
    EXPECT_NEAR(cmp.counts[0].totalMl, (27 + 64 + 8) * 0.002, 1e-9);
    ASSERT_EQ(cmp.cnnLesions.size(), 3u);
    // Largest first: b (64 voxels) found by A; a (27) by A and B; the small one by nobody.
    EXPECT_EQ(cmp.cnnLesions[0].lesion.voxels, 64u);
    EXPECT_EQ(cmp.cnnLesions[0].alsoFoundBy, (std::vector<std::string>{"A"}));
    EXPECT_EQ(cmp.cnnLesions[1].alsoFoundBy, (std::vector<std::string>{"A", "B"}));
    EXPECT_TRUE(cmp.cnnLesions[2].alsoFoundBy.empty());
    EXPECT_NEAR(cmp.cnnLesions[0].meanProbability, 0.8, 1e-6);
    // CNN vs A: 2 of 2 found, 1 FP; CNN vs B: 1 of 2, 2 FP.
    ASSERT_TRUE(cmp.cnnVsRaters);
    EXPECT_NEAR(*cmp.cnnVsRaters->sensitivity, (1.0 + 0.5) / 2, 1e-9);
    EXPECT_NEAR(cmp.cnnVsRaters->falsePositives, 1.5, 1e-9);
    // Raters: A vs B finds 1 of 2 each way with 1 FP.
    ASSERT_TRUE(cmp.interRater);
    EXPECT_NEAR(*cmp.interRater->sensitivity, 0.5, 1e-9);
    EXPECT_FALSE(cmp.lstVsRaters);
    // Union: 4 lesions; the missed one is marked by B only.
    ASSERT_EQ(cmp.concordance.size(), 4u);
    int onlyB = 0;
    for (const auto& l : cmp.concordance) onlyB += (!l.foundBy[0] && !l.foundBy[1] && l.foundBy[2]);
    EXPECT_EQ(onlyB, 1);
}

TEST(CaseComparison, RefusesAMaskOnAnotherGrid) {
    auto c = syntheticCase();
    c.raters["C"] = makeImage<MaskVolume>({10, 10, 10}, {1, 1, 1});
    EXPECT_THROW(compareCase(c), VolumeError);
}

TEST(SliceImages, AxialPatchIsRadiologicalAndOutlinesTheMask) {
    // Bright voxels on the patient's left (LPS x > 0) must appear on the right half of the picture.
    auto image = makeImage<ImageVolume>({40, 40, 10}, {1, 1, 1}, {-20, -20, -5});
    fillPhysical(*image, [](const PhysicalPointLps& p) { return p[0] > 0 ? 100.0 : 10.0; });
    AxialPatch patch;
    patch.centre = PhysicalPointLps{{-0.5, -0.5, 0.0}};  // pixel centres on voxel centres
    patch.widthMm = patch.heightMm = 30;
    patch.pixelMm = 1.0;
    QImage picture = axialImage(*image, patch, {0, 100});
    ASSERT_EQ(picture.width(), 30);
    EXPECT_GT(qGray(picture.pixel(25, 15)), 200);
    EXPECT_LT(qGray(picture.pixel(5, 15)), 40);
    auto mask = makeImage<MaskVolume>({40, 40, 10}, {1, 1, 1}, {-20, -20, -5});
    paintBox(*mask, {15, 15, 3}, {24, 24, 7});  // a 10 mm square around the centre
    outlineMask(picture, *mask, patch, QColor(0, 255, 0));
    EXPECT_EQ(picture.pixel(10, 15), qRgb(0, 255, 0));  // left edge of the square
    EXPECT_NE(picture.pixel(15, 15), qRgb(0, 255, 0));  // inside stays grey
}

class PatientReportTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!havePoppler()) GTEST_SKIP() << "pdftotext/pdfinfo (poppler-utils) not installed";
        ASSERT_TRUE(dir.isValid());
    }
    std::string path(const char* name) const { return dir.filePath(name).toStdString(); }
    QTemporaryDir dir;
};

TEST_F(PatientReportTest, SaysWhatTheCaseHolds) {
    const auto c = syntheticCase();
    PatientReportOptions o;
    o.softwareVersion = "9.9.9";
    const int pages = writePatientReport(c, o, path("r.pdf"));
    EXPECT_GE(pages, 2);
    EXPECT_EQ(pdfInfo(path("r.pdf"), "Pages").toInt(), pages);
    EXPECT_TRUE(pdfInfo(path("r.pdf"), "Page size").contains("A4"));
    const QString text = pdfText(path("r.pdf"));
    EXPECT_TRUE(text.contains("3 new or enlarging FLAIR lesions of")) << text.toStdString();  // English plural form
    EXPECT_TRUE(text.contains("0.20 ml in total"));                                           // 99 voxels of 0.002 ml
    EXPECT_TRUE(text.contains("0.128"));
    EXPECT_TRUE(text.contains("patient-XYZ"));
    EXPECT_TRUE(text.contains("secret_name_fu.nii.gz"));
    EXPECT_TRUE(text.contains("interval 365 days"));
    EXPECT_TRUE(text.contains(QString("Page 1 of %1").arg(pages)));
    EXPECT_TRUE(text.contains("Comparison of methods and raters"));
    EXPECT_TRUE(text.contains("CNN only"));
    EXPECT_TRUE(text.contains("abcdef0123456789"));
    // Every slice picture carries its orientation (radiological: R on the left, L on the right).
    const auto standalone = [&](const char* letter) {
        return text.count(QRegularExpression(QString("(?<![\\w/])%1(?![\\w/])").arg(letter)));
    };
    EXPECT_GE(standalone("R"), 8 + 2) << "8 overview slices and at least one BL/FU crop pair";
    EXPECT_GE(standalone("L"), standalone("R"));
    // Printed, the lesions are outlined in clearly green pixels (overview and crops).
    const QImage page = pdfPage(path("r.pdf"), 1);
    ASSERT_FALSE(page.isNull());
    int green = 0;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            const QColor c = page.pixelColor(x, y);
            green += c.green() > 150 && c.red() < 110 && c.blue() < 130;
        }
    }
    EXPECT_GT(green, 30);
}

TEST_F(PatientReportTest, GermanReportIsTranslatedThroughout) {
    ASSERT_EQ(i18n::installTranslations("de"), "de");
    writePatientReport(syntheticCase(), {}, path("de.pdf"));
    i18n::installTranslations("en");
    const QString text = pdfText(path("de.pdf"));
    EXPECT_TRUE(text.contains(QString::fromUtf8("Zusammenfassung"))) << text.toStdString();
    EXPECT_TRUE(text.simplified().contains(
        QString::fromUtf8("3 neue oder sich vergrößernde FLAIR-Läsionen von mindestens 0.01 ml")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromUtf8("Vergleich von Methoden und Bewertern")));
    EXPECT_TRUE(text.contains(QString::fromUtf8("Seite 1 von")));
    for (const char* english : {"Summary", "Comparison of methods", "Page 1 of", "Methods and limitations"})
        EXPECT_FALSE(text.contains(english)) << english;
}

TEST_F(PatientReportTest, AnonymisedPrintsNeitherIdNorFileNames) {
    PatientReportOptions o;
    o.anonymise = true;
    writePatientReport(syntheticCase(), o, path("anon.pdf"));
    const QString text = pdfText(path("anon.pdf"));
    EXPECT_TRUE(text.contains("anonymised"));
    EXPECT_FALSE(text.contains("patient-XYZ"));
    EXPECT_FALSE(text.contains("secret_name"));
    EXPECT_FALSE(text.contains("2024-01-10"));  // dates identify; the interval stays
    EXPECT_TRUE(text.contains("interval 365 days"));
}

TEST_F(PatientReportTest, UnwritablePlaceIsAClearErrorAndLeavesNoFile) {
    const std::string target = path("no/such/folder/r.pdf");
    try {
        writePatientReport(syntheticCase(), {}, target);
        FAIL() << "expected a VolumeError";
    } catch (const VolumeError& e) {
        EXPECT_NE(std::string(e.what()).find("r.pdf"), std::string::npos);
    }
    EXPECT_FALSE(std::filesystem::exists(target));
}

TEST_F(PatientReportTest, AnExistingReportSurvivesAFailedRewrite) {
    writePatientReport(syntheticCase(), {}, path("keep.pdf"));
    const auto before = std::filesystem::file_size(path("keep.pdf"));
    auto broken = syntheticCase();
    broken.raters["C"] = makeImage<MaskVolume>({10, 10, 10}, {1, 1, 1});  // wrong grid: fails early
    EXPECT_THROW(writePatientReport(broken, {}, path("keep.pdf")), VolumeError);
    EXPECT_EQ(std::filesystem::file_size(path("keep.pdf")), before);
}

TEST_F(PatientReportTest, ReportsProgressAndCancelsAtAnyStepWithoutLeavingAFile) {
    std::vector<double> seen;
    PatientReportOptions o;
    o.progress = [&](double f, const std::string&) {
        seen.push_back(f);
        return true;
    };
    writePatientReport(syntheticCase(), o, path("keep.pdf"));
    const auto before = std::filesystem::file_size(path("keep.pdf"));
    ASSERT_GE(seen.size(), 9u);  // comparison, 2 x (summary, overview, 2 rows of lesion pictures, tables, methods)
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_GT(seen.back(), 0.9);
    EXPECT_LT(seen.back(), 1.0);
    // Stop at every step in turn: Cancelled, the old report untouched, no other file in the folder.
    for (std::size_t stop = 0; stop < seen.size(); ++stop) {
        std::size_t calls = 0;
        o.progress = [&](double, const std::string&) { return calls++ < stop; };
        EXPECT_THROW(writePatientReport(syntheticCase(), o, path("keep.pdf")), Cancelled) << "step " << stop;
        EXPECT_THROW(writePatientReport(syntheticCase(), o, path("new.pdf")), Cancelled) << "step " << stop;
        EXPECT_EQ(std::filesystem::file_size(path("keep.pdf")), before);
        EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"keep.pdf"}) << "step " << stop;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("DISPLAY")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    lesiondelta::i18n::installTranslations("en");  // as the programs do: English plural forms
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
