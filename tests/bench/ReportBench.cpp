// report_bench [repeats=5] [--case DIR]: the report speed targets (issue 7), medians.
// 1. Patient report of a real case (a folder written by `segment`; default: the sample case,
//    segmented once into build/bench-sample-case with the shipped model). Target: under 5 s.
// 2. Cohort report of 50 cases whose per-case results exist: 50 case folders (links to that
//    case's FU and CNN result, two rater masks each made by eroding/dilating the CNN mask
//    differently), loaded, compared and written as PDF + CSV + JSON. Target: under 30 s.
#include <itkBinaryBallStructuringElement.h>
#include <itkBinaryDilateImageFilter.h>
#include <itkBinaryErodeImageFilter.h>

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/CaseFolder.h"
#include "lesiondelta/pipeline/ReportCaseLoader.h"
#include "lesiondelta/pipeline/ResultText.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"
#include "lesiondelta/report/CohortReport.h"
#include "lesiondelta/report/PatientReport.h"

namespace fs = std::filesystem;
using namespace lesiondelta;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

MaskVolume::Pointer morph(const MaskVolume& m, int radius, bool dilate) {
    using Ball = itk::BinaryBallStructuringElement<MaskVolume::PixelType, 3>;
    Ball ball;
    ball.SetRadius(radius);
    ball.CreateStructuringElement();
    MaskVolume::Pointer out;
    if (dilate) {
        auto f = itk::BinaryDilateImageFilter<MaskVolume, MaskVolume, Ball>::New();
        f->SetInput(&m);
        f->SetKernel(ball);
        f->SetForegroundValue(1);
        f->Update();
        out = f->GetOutput();
    } else {
        auto f = itk::BinaryErodeImageFilter<MaskVolume, MaskVolume, Ball>::New();
        f->SetInput(&m);
        f->SetKernel(ball);
        f->SetForegroundValue(1);
        f->Update();
        out = f->GetOutput();
    }
    out->DisconnectPipeline();
    return out;
}

fs::path sampleCase(const fs::path& root) {
    const fs::path dir = root / "build" / "bench-sample-case";
    if (fs::exists(dir / "new_lesions.nii.gz")) return dir;
    std::fprintf(stderr, "segmenting the sample case once into %s ...\n", dir.c_str());
    SegmentationInput in;
    in.blPath = (root / "resources/sample/study1_FLAIR.nii.gz").string();
    in.fuPath = (root / "resources/sample/study2_FLAIR.nii.gz").string();
    in.modelPath = findShippedModel();
    in.precision = "auto";
    ResultsFolder(dir).write(runSegmentation(in));
    return dir;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("DISPLAY")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int repeats = 5;
    fs::path caseDir;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--case" && i + 1 < argc)
            caseDir = argv[++i];
        else
            repeats = std::max(1, std::atoi(argv[i]));
    }
    const fs::path root = LESIONDELTA_SOURCE_DIR;
    try {
        if (caseDir.empty()) caseDir = sampleCase(root);
        const fs::path work = fs::temp_directory_path() / "lesiondelta-report-bench";
        fs::remove_all(work);
        fs::create_directories(work);

        // 1. Patient report, from reading the case folder to the closed PDF.
        std::vector<double> patient;
        int pages = 0;
        for (int r = 0; r < repeats; ++r) {
            QElapsedTimer t;
            t.start();
            const auto c = loadReportCase(readCaseFolder(caseDir.string()));
            pages = report::writePatientReport(c, {}, (work / "patient.pdf").string());
            patient.push_back(t.elapsed() / 1000.0);
        }
        std::printf("patient report (%d pages, %s): median %.2f s over %d runs (target 5 s)\n", pages, caseDir.c_str(),
                    median(patient), repeats);

        // 2. Cohort of 50 cases.
        const auto cnn = readMask((caseDir / "new_lesions.nii.gz").string());
        const fs::path study = work / "study";
        const auto a = morph(*cnn, 1, false), b = morph(*cnn, 1, true);
        writeMask(*a, (work / "A.nii.gz").string());
        writeMask(*b, (work / "B.nii.gz").string());
        for (int i = 0; i < 50; ++i) {
            const fs::path d = study / ("case" + std::to_string(i));
            fs::create_directories(d / "raters");
            for (const char* f : {"new_lesions.nii.gz", "probability.nii.gz", "bl_in_fu.nii.gz", "summary.json"}) {
                fs::create_symlink(fs::absolute(caseDir / f), d / f);
            }
            fs::create_symlink(work / "A.nii.gz", d / "raters" / "A.nii.gz");
            fs::create_symlink(work / "B.nii.gz", d / "raters" / "B.nii.gz");
        }
        std::vector<double> cohort;
        const int cohortRepeats = std::max(1, repeats / 2);
        for (int r = 0; r < cohortRepeats; ++r) {
            QElapsedTimer t;
            t.start();
            std::vector<report::CohortCase> cases;
            for (const auto& e : fs::directory_iterator(study)) {
                const auto c = loadReportCase(readCaseFolder(e.path().string()), true);
                const auto cmp = report::compareCase(c, kMinLesionMl, report::CompareScope::MetricsOnly);
                report::CohortCase row;
                row.id = e.path().filename().string();
                row.raters = unsigned(c.raters.size());
                row.interRater = cmp.interRater;
                row.cnn = cmp.cnnVsRaters;
                cases.push_back(row);
            }
            report::writeCohortReport(cases, {}, (work / "cohort.pdf").string());
            writeTextAtomically((work / "cohort.csv").string(), report::cohortCsv(cases));
            writeTextAtomically((work / "cohort.json").string(),
                                report::cohortJson(cases, report::cohortStatistics(cases)));
            cohort.push_back(t.elapsed() / 1000.0);
        }
        std::printf("cohort report of 50 cases (2 raters each): median %.2f s over %d runs (target 30 s)\n",
                    median(cohort), cohortRepeats);
        fs::remove_all(work);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
