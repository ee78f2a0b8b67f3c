// lesiondelta-cli series: a patient's course of visits (SeriesAnalysis.h)
#include <cmath>
#include <iostream>

#include "Arguments.h"
#include "Commands.h"
#include "Interrupt.h"
#include "ReportApplication.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"
#include "lesiondelta/pipeline/SeriesAnalysis.h"

namespace lesiondelta::cli {

int runSeries(const std::vector<std::string>& args) {
    const Arguments a(args,
                      {"--dir", "--out", "--reference", "--rebaseline", "--detector", "--model", "--threshold",
                       "--device", "--precision", "--min-ml", "--match-mm", "--report", "--language"},
                      {"--force", "--quiet"});
    SeriesInput in;
    in.series = readSeriesFolder(a.required("--dir"));
    if (const auto r = a.optional("--rebaseline")) {
        if (findVisit(in.series, *r) < 0) throw UsageError("--rebaseline " + *r + " is not a visit of the series");
        in.series.rebaseline = *r;
    }
    in.outDir = a.required("--out");
    in.reference = a.optional("--reference").value_or("");
    in.detector = a.optional("--detector").value_or("cnn");
    if (in.detector != "cnn" && in.detector != "subtraction") throw UsageError("--detector must be cnn or subtraction");
    in.settings.threshold = a.number("--threshold", -1.0, -1.0, 1.0);
    in.settings.minLesionMl = a.number("--min-ml", kMinLesionMl, 0.0, 1e6);
    in.tracking.minLesionMl = in.settings.minLesionMl;
    in.tracking.matchMm = a.number("--match-mm", in.tracking.matchMm, 0.0, 20.0);
    in.settings.device = a.optional("--device").value_or("auto");
    if (in.settings.device != "auto" && in.settings.device != "cpu" && in.settings.device != "cuda")
        throw UsageError("--device must be auto, cpu or cuda");
    in.settings.precision = a.optional("--precision").value_or("auto");
    if (in.settings.precision != "auto" && in.settings.precision != "fp32" && in.settings.precision != "bf16")
        throw UsageError("--precision must be auto, fp32 or bf16");
    if (in.detector == "cnn") {
        warnAboutSlowPrecision(in.settings.precision, in.settings.device);
        in.settings.modelPath = a.optional("--model").value_or("");
        if (in.settings.modelPath.empty()) in.settings.modelPath = findShippedModel();
    }
    in.force = a.flag("--force");
    in.progress = commandProgress(a.flag("--quiet"));
    std::cerr << "series of " << in.series.visits.size() << " visits (" << in.series.source << ") in "
              << in.series.folder << "\n";
    const auto result = analyseSeries(in);
    writeSeriesOutputs(result, in.outDir);
    bool failed = false;
    for (const auto& v : result.visits)
        if (!v.error.empty()) {
            std::cerr << "warning: visit " << v.visit.label << " left out: " << v.error << "\n";
            failed = true;
        }
    for (const auto& i : result.intervals) {
        const std::string name = result.visits[i.from].visit.label + " -> " + result.visits[i.to].visit.label;
        if (!i.error.empty()) {
            std::cerr << "warning: interval " << name << " not measured: " << i.error << "\n";
            failed = true;
        }
        for (const auto& w : i.warnings) std::cerr << "warning: " << name << ": " << w << "\n";
    }
    if (const auto pdf = a.optional("--report")) {
        const auto app = reportApplication(a);
        const int pages = report::writeCourseReport(
            courseReportData(result),
            {QString::fromStdString(kVersion),
             in.detector == "cnn" ? QString::fromStdString(in.settings.modelPath) : QString()},
            *pdf);
        std::cerr << "wrote " << *pdf << " (" << pages << " pages)\n";
    }
    std::cout << courseSentence(result) << "\n"
              << result.course.lesions.size() << " lesions tracked over " << result.intervals.size()
              << " intervals; wrote " << in.outDir << "/{series.json, lesions.csv, intervals.csv, lesion_ids.nii.gz}\n";
    return failed ? 1 : 0;
}

}  // namespace lesiondelta::cli
