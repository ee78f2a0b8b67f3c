// Patient series speed (issue 20): a 5-visit series of phantom heads on a clinical grid
// (256 x 256 x 60, 0.9 x 0.9 x 3 mm), measured with the subtraction detector (the CNN's time per
// interval is segment's, measured by segment_bench). Prints the first analysis, and the median of
// three reopenings - analyseSeries with everything kept and the visits in the reference space,
// all the window waits for before it shows the views (target: within 2 s).
//   build/tests/bench/series_bench [REPEATS=3]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "PhantomSeries.h"
#include "lesiondelta/core/PairSimilarity.h"
#include "lesiondelta/core/Resampling.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SeriesAnalysis.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string cpuModel() {
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    TempDir dir, out;
    const VisitGrid grid{{256, 256, 60}, {0.9, 0.9, 3.0}, {-115, -115, -90}};
    const char* dates[] = {"2020-01-10", "2020-07-14", "2021-01-12", "2021-07-20", "2022-01-18"};
    const std::vector<std::vector<PhantomLesion>> lesions = {
        {}, {kA}, {kA}, {kAEnlarged, kC}, {kAEnlarged, kC, {{-10, 35, 15}, 4.0}}};
    const std::array<double, 3> shifts[] = {{0, 0, 0}, {0.9, -0.9, 0}, {-1.8, 0, 0}, {0, 0.9, 0}, {0.9, 0.9, 0}};
    auto t = Clock::now();
    for (int v = 0; v < 5; ++v)
        writeVisit(dir.file(std::string("flair_") + dates[v] + ".nii.gz"), lesions[v], shifts[v], 1.0 + 0.05 * (v % 3),
                   unsigned(v + 1), grid);
    std::printf("series_bench on %s\n5 visits of 256 x 256 x 60 (0.9 x 0.9 x 3 mm) written in %.1f s\n",
                cpuModel().c_str(), since(t));

    SeriesInput in;
    in.series = readSeriesFolder(dir.path().string());
    in.outDir = out.path().string();
    in.detector = "subtraction";
    t = Clock::now();
    auto r = analyseSeries(in);
    std::printf(
        "first analysis (4 registrations to the reference, 4 interval detections): %.1f s; %zu lesions tracked\n",
        since(t), r.course.lesions.size());

    for (const auto& l : r.course.lesions) {
        std::printf("  lesion %u: first seen %s, %.3f ml then", l.id,
                    r.visits[r.intervals[l.firstInterval].to].visit.label.c_str(), l.changeMl[l.firstInterval]);
        for (int k : l.activeAgain())
            std::printf(", +%.3f ml at %s", l.changeMl[k], r.visits[r.intervals[k].to].visit.label.c_str());
        std::printf("\n");
    }
    {
        // What one reopened visit costs, stage by stage.
        const auto& v = r.visits[0];
        t = Clock::now();
        const auto scan = readVolume(v.visit.flair);
        const double read = since(t);
        t = Clock::now();
        const auto moved = resampleLinear(*scan, *r.referenceScan, v.referenceToVisit.GetPointer());
        const double resample = since(t);
        t = Clock::now();
        alignmentAgreement(*r.referenceScan, *moved);
        const double check = since(t);
        t = Clock::now();
        const auto mask = readMask(ResultsFolder(r.intervals[0].folder).newLesions().string());
        resampleNearest(*mask, *r.referenceScan, r.visits[r.intervals[0].to].referenceToVisit.GetPointer());
        const double interval = since(t);
        std::printf(
            "per visit: read %.2f s, into the reference %.2f s, pair check %.2f s; per interval: mask read "
            "and mapped %.2f s\n",
            read, resample, check, interval);
    }
    std::vector<double> reopen;
    for (int i = 0; i < repeats; ++i) {
        t = Clock::now();
        in.keepVisitsInReference = true;  // as the window asks
        r = analyseSeries(in);
        reopen.push_back(since(t));
        for (const auto& interval : r.intervals)
            if (!interval.reused)
                std::printf("warning: interval %d -> %d was not reused\n", interval.from, interval.to);
    }
    std::sort(reopen.begin(), reopen.end());
    std::printf(
        "reopen (median of %d): %.2f s - every visit read and in the reference space, the kept "
        "transforms and interval results read, lesions tracked (target: within 2 s)\n",
        repeats, reopen[reopen.size() / 2]);
    return 0;
}
