#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <nlohmann/json.hpp>

#include "PdfText.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/report/CohortReport.h"

using namespace lesiondelta;
using namespace lesiondelta::report;
using namespace lesiondelta::test;

namespace {

AveragedMetrics metrics(std::optional<double> sensitivity, std::optional<double> dice, double fp,
                        std::optional<double> fpr) {
    AveragedMetrics m;
    m.sensitivity = sensitivity;
    m.dice = dice;
    m.falsePositives = fp;
    m.fpr = fpr;
    m.comparisons = 2;
    return m;
}

/// Eight cases with known figures: IR sensitivity 0.8 everywhere; CNN 0.50-0.57 (so the
/// signed-rank test against IR is exact: all 8 differences negative, p = 2/256); LST in half of
/// the cases; one case without reference lesions (sensitivity undefined) and one broken case.
std::vector<CohortCase> knownCohort() {
    std::vector<CohortCase> cases;
    for (int i = 0; i < 8; ++i) {
        CohortCase c;
        c.id = "case" + std::to_string(i);
        c.raters = 2;
        c.interRater = metrics(0.8, 0.7, 1.0, 0.2);
        c.cnn = metrics(0.5 + 0.01 * i, 0.6, double(i), 0.1 * i);  // distinct differences: exact test
        if (i % 2 == 0) c.lst = metrics(0.3, 0.5, 2.0, 0.4);
        cases.push_back(c);
    }
    CohortCase empty;
    empty.id = "no-lesions";
    empty.raters = 2;
    empty.interRater = metrics(std::nullopt, std::nullopt, 0.0, std::nullopt);
    empty.cnn = metrics(std::nullopt, std::nullopt, 3.0, std::nullopt);
    cases.push_back(empty);
    CohortCase broken;
    broken.id = "broken";
    broken.error = "fu.nii.gz: not a NIfTI file";
    cases.push_back(broken);
    return cases;
}

TEST(CohortStatistics, MeansSdsAndWilcoxonAgainstInterRater) {
    const auto stats = cohortStatistics(knownCohort());
    ASSERT_EQ(stats.methods, (std::vector<std::string>{"IR", "CNN", "LST"}));
    const auto& cnn = stats.summary[1];
    EXPECT_NEAR(cnn[0].mean, 0.535, 1e-12);  // sensitivity over the 8 cases with lesions
    EXPECT_EQ(cnn[0].n, 8u);
    EXPECT_NEAR(cnn[2].mean, (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 3) / 9.0, 1e-12);  // FP counts every case
    EXPECT_EQ(cnn[2].n, 9u);
    EXPECT_EQ(stats.summary[2][0].n, 4u);  // LST in 4 cases
    ASSERT_TRUE(stats.vsInterRater[1][0]);
    EXPECT_TRUE(stats.vsInterRater[1][0]->exact);
    EXPECT_NEAR(stats.vsInterRater[1][0]->pValue, 2.0 / 256.0, 1e-9);
    EXPECT_FALSE(stats.vsInterRater[0][0]);  // IR is not tested against itself
}

TEST(CohortStatistics, CsvAndJsonHoldEveryPerCaseNumber) {
    const auto cases = knownCohort();
    const std::string csv = cohortCsv(cases);
    EXPECT_NE(csv.find("case3,CNN,2,2,0.53,0.6,3,0.3,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("no-lesions,CNN,2,2,,,3,,"), std::string::npos);  // undefined stays empty
    EXPECT_NE(csv.find("broken,,,,,,,,\"fu.nii.gz: not a NIfTI file\""), std::string::npos);
    const auto j = nlohmann::json::parse(cohortJson(cases, cohortStatistics(cases)));
    EXPECT_EQ(j["cases"].size(), 10u);
    EXPECT_TRUE(j["cases"][8]["CNN"]["sensitivity"].is_null());
    EXPECT_NEAR(j["summary"]["CNN"]["sensitivity"]["wilcoxon_vs_ir"]["p"].get<double>(), 2.0 / 256.0, 1e-9);
}

TEST(CohortReport, PdfShowsTheTableWithSignificantCellsMarked) {
    if (!havePoppler()) GTEST_SKIP() << "pdftotext/pdfinfo (poppler-utils) not installed";
    QTemporaryDir dir;
    const std::string pdf = dir.filePath("cohort.pdf").toStdString();
    const int pages = writeCohortReport(knownCohort(), {}, pdf);
    EXPECT_GE(pages, 1);
    EXPECT_EQ(pdfInfo(pdf, "Pages").toInt(), pages);
    const QString text = pdfText(pdf);
    EXPECT_TRUE(text.contains("10 cases listed, 9 used")) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromUtf8("0.80 ± 0.00")));
    EXPECT_TRUE(text.contains("p = 0.008 *"));
    EXPECT_TRUE(text.contains("Skipped cases"));
    EXPECT_TRUE(text.contains("broken: fu.nii.gz: not a NIfTI file")) << text.toStdString();
    EXPECT_TRUE(text.contains("FP count (log)"));  // a boxplot panel title, as vector text
}

TEST(CohortReport, AnEmptyCohortIsRefused) {
    QTemporaryDir dir;
    CohortCase broken;
    broken.id = "x";
    broken.error = "unreadable";
    EXPECT_THROW(writeCohortReport({broken}, {}, dir.filePath("c.pdf").toStdString()), VolumeError);
    EXPECT_FALSE(QFile::exists(dir.filePath("c.pdf")));
}

}  // namespace
