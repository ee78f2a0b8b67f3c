// lesiondelta-cli batch --bids DATASET --series: the course of every subject (SeriesAnalysis.h)
// into DERIVATIVES/sub-X/series/ (series.json, lesions.csv, intervals.csv, lesion_ids.nii.gz and
// the per-interval results). Resumable as `series` is (kept transforms and interval results are
// reused); a subject that fails is logged and the others go on.
#include "BatchSeries.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "Interrupt.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"
#include "lesiondelta/pipeline/SeriesAnalysis.h"

namespace fs = std::filesystem;

namespace lesiondelta::cli {

int runBatchSeries(const std::string& dataset, const std::string& derivatives, const SeriesInput& settings,
                   bool force) {
    std::error_code ec;
    if (!fs::is_directory(dataset, ec)) throw VolumeError(dataset, "is not a folder");
    std::vector<fs::path> subjects;
    for (const auto& e : fs::directory_iterator(dataset))
        if (e.is_directory() && e.path().filename().string().starts_with("sub-")) subjects.push_back(e.path());
    std::sort(subjects.begin(), subjects.end());
    if (subjects.empty()) throw VolumeError(dataset, "holds no subject (sub-*)");
    int done = 0, failed = 0, skipped = 0;
    for (const auto& subject : subjects) {
        if (interrupted()) break;
        const std::string name = subject.filename().string();
        SeriesInput in = settings;
        in.force = force;
        in.outDir = (fs::path(derivatives) / name / "series").string();
        try {
            in.series = readSeriesFolder(subject.string());
        } catch (const VolumeError& e) {
            std::cerr << "note: " << name << " skipped: " << e.what() << "\n";
            ++skipped;
            continue;
        }
        in.progress = stopOnInterrupt({});
        try {
            const auto result = analyseSeries(in);
            writeSeriesOutputs(result, in.outDir);
            std::cerr << name << ": " << courseSentence(result) << " (" << in.outDir << ")\n";
            for (const auto& v : result.visits)
                if (!v.error.empty())
                    std::cerr << "warning: " << name << " visit " << v.visit.label << " left out: " << v.error << "\n";
            ++done;
        } catch (const Cancelled&) {
            break;
        } catch (const std::exception& e) {
            std::cerr << "error: " << name << ": " << e.what() << "\n";
            ++failed;
        }
    }
    std::cerr << "series: " << done << " done, " << skipped << " skipped, " << failed << " failed\n";
    if (interrupted()) return 130;
    return failed > 0 ? 1 : 0;
}

}  // namespace lesiondelta::cli
