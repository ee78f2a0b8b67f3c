// lesiondelta-cli batch --bids DATASET [--out DERIVATIVES] | --cases LIST.csv --out DIR
//                       [--model FILE] [--precision auto|fp32|bf16] [--jobs N] [--force]
// Runs segment on every BL/FU pair of a study. Resumable: a pair whose outputs are newer than
// its scans and were made with the same model (weights checksum) is skipped. A failing pair is
// logged with its error and the run goes on; a summary table ends the run.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "Arguments.h"
#include "BatchSeries.h"
#include "Commands.h"
#include "CsvLine.h"
#include "Interrupt.h"
#include "lesiondelta/Version.h"
#include "lesiondelta/core/ItkThreads.h"
#include "lesiondelta/core/VolumeError.h"
#include "lesiondelta/core/VolumeIO.h"
#include "lesiondelta/ml/WeightsFile.h"
#include "lesiondelta/pipeline/BidsDataset.h"
#include "lesiondelta/pipeline/ResultText.h"
#include "lesiondelta/pipeline/ResultsFolder.h"
#include "lesiondelta/pipeline/SegmentationPipeline.h"

namespace fs = std::filesystem;

namespace lesiondelta::cli {
namespace {

struct Job {
    std::string id, bl, fu;
    std::string folder, stem;  // BIDS: derivatives folder and stem; plain: the output folder
    bool bids = false;
    std::string status, error;  // done | skipped | failed
    double seconds = 0.0;
    fs::path marker() const {  // written last: its presence means the outputs are complete
        return bids ? fs::path(folder) / (stem + "_desc-newlesions_mask.json") : ResultsFolder(folder).summary();
    }
};

bool upToDate(const Job& job, const std::string& modelSha) {
    std::error_code ec;
    const auto marker = job.marker();
    if (!fs::exists(marker, ec)) return false;
    const auto made = fs::last_write_time(marker, ec);
    for (const auto& input : {job.bl, job.fu}) {
        if (ec || fs::last_write_time(input, ec) > made) return false;
    }
    try {
        std::ifstream in(marker);
        const auto j = nlohmann::json::parse(in);
        return j.at("model").at("data_sha256").get<std::string>() == modelSha;
    } catch (const std::exception&) {
        return false;
    }
}

void writeBidsOutputs(const Job& job, const SegmentationResult& r) {
    fs::create_directories(job.folder);
    const fs::path base = fs::path(job.folder) / (job.stem + "_desc-newlesions");
    writeMask(*r.newLesions, base.string() + "_mask.nii.gz");
    writeVolume(*r.probability, base.string() + "_probseg.nii.gz");
    std::string tsv = lesionsCsv(r.lesions);
    std::replace(tsv.begin(), tsv.end(), ',', '\t');
    writeTextAtomically(base.string() + "_lesions.tsv", tsv);
    nlohmann::json sidecar = r.summary;
    sidecar["Description"] = "New or enlarging FLAIR lesions in the follow-up session relative to the baseline session";
    sidecar["Sources"] = {job.bl, job.fu};
    sidecar["GeneratedBy"] = {{"Name", "LesionDelta"}, {"Version", kVersion}};
    writeTextAtomically(job.marker().string(), sidecar.dump(2) + "\n");  // last
}

void writeDatasetDescription(const std::string& derivatives) {
    fs::create_directories(derivatives);
    const nlohmann::json d = {{"Name", "LesionDelta: new and enlarging MS lesions"},
                              {"BIDSVersion", "1.8.0"},
                              {"DatasetType", "derivative"},
                              {"GeneratedBy", {{{"Name", "LesionDelta"}, {"Version", kVersion}}}}};
    writeTextAtomically((fs::path(derivatives) / "dataset_description.json").string(), d.dump(2) + "\n");
}

std::vector<Job> casesJobs(const std::string& list, const std::string& out) {
    std::ifstream in(list);
    if (!in) throw VolumeError(list, "cannot be read");
    const fs::path base = fs::path(list).parent_path();
    auto resolve = [&](const std::string& p) { return fs::path(p).is_absolute() ? p : (base / p).string(); };
    std::vector<Job> jobs;
    std::string line;
    std::getline(in, line);
    for (int n = 2; std::getline(in, line); ++n) {
        if (line.find_first_not_of(" \r\t") == std::string::npos) continue;
        const auto cells = splitCsvLine(line);
        if (cells.size() < 3) throw VolumeError(list, "line " + std::to_string(n) + ": expected case,bl,fu");
        Job job;
        job.id = cells[0];
        job.bl = resolve(cells[1]);
        job.fu = resolve(cells[2]);
        job.folder = (fs::path(out) / cells[0]).string();
        jobs.push_back(job);
    }
    return jobs;
}

}  // namespace

int runPairs(const std::vector<std::string>& args) {
    const Arguments a(args, {"--bids"}, {});
    const auto scan = findBidsPairs(a.required("--bids"));
    nlohmann::json out = {{"pairs", nlohmann::json::array()}, {"notes", scan.notes}};
    for (const auto& p : scan.pairs) {
        out["pairs"].push_back({{"subject", p.subject},
                                {"bl_session", p.bl.session},
                                {"fu_session", p.fu.session},
                                {"bl", p.bl.flair},
                                {"fu", p.fu.flair},
                                {"bl_date", p.bl.date},
                                {"fu_date", p.fu.date}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
}

int runBatch(const std::vector<std::string>& args) {
    const Arguments a(args, {"--bids", "--cases", "--out", "--model", "--precision", "--jobs", "--detector"},
                      {"--force", "--quiet", "--series"});
    const auto bids = a.optional("--bids"), cases = a.optional("--cases");
    if (bool(bids) == bool(cases)) throw UsageError("give either --bids DATASET or --cases LIST.csv");
    if (a.flag("--series")) {
        if (!bids) throw UsageError("--series needs --bids DATASET (each subject's sessions are its course)");
        SeriesInput settings;
        settings.detector = a.optional("--detector").value_or("cnn");
        if (settings.detector != "cnn" && settings.detector != "subtraction")
            throw UsageError("--detector must be cnn or subtraction");
        settings.settings.precision = a.optional("--precision").value_or("auto");
        if (settings.detector == "cnn")
            settings.settings.modelPath = a.optional("--model").value_or(findShippedModel());
        return runBatchSeries(*bids,
                              a.optional("--out").value_or((fs::path(*bids) / "derivatives" / "lesiondelta").string()),
                              settings, a.flag("--force"));
    }
    if (a.optional("--detector")) throw UsageError("--detector applies to --series only");
    const std::string precision = a.optional("--precision").value_or("auto");
    if (precision != "auto" && precision != "fp32" && precision != "bf16") {
        throw UsageError("--precision must be auto, fp32 or bf16");
    }
    warnAboutSlowPrecision(precision, "auto");
    const int jobsWanted = int(a.number("--jobs", 1, 1, 64));
    const std::string model = a.optional("--model").value_or(findShippedModel());
    std::string modelSha;
    try {
        modelSha = ml::loadWeights(model).metadata.dataSha256;
    } catch (const std::exception& e) {
        throw VolumeError(model, e.what());
    }

    std::vector<Job> jobs;
    std::string derivatives;
    if (bids) {
        derivatives = a.optional("--out").value_or((fs::path(*bids) / "derivatives" / "lesiondelta").string());
        const auto scan = findBidsPairs(*bids);
        for (const auto& note : scan.notes) std::cerr << "note: " << note << "\n";
        for (const auto& p : scan.pairs) {
            Job job;
            job.id = "sub-" + p.subject + " ses-" + p.bl.session + " -> ses-" + p.fu.session;
            job.bl = p.bl.flair;
            job.fu = p.fu.flair;
            job.folder = derivativesFolder(derivatives, p);
            job.stem = derivativesStem(p);
            job.bids = true;
            jobs.push_back(job);
        }
        writeDatasetDescription(derivatives);
    } else {
        jobs = casesJobs(*cases, a.required("--out"));
    }
    if (jobs.empty()) throw VolumeError(bids ? *bids : *cases, "holds no BL/FU pair to process");

    // Threads: each parallel pair gets an equal share of the cores for LibTorch.
    const int jobCount = std::min<int>(jobsWanted, int(jobs.size()));
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(std::max(1, cores / jobCount));

    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    std::atomic<std::size_t> next{0};
    std::atomic<int> finished{0};
    std::mutex logMutex;
    auto work = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
            Job& job = jobs[i];
            const auto t0 = elapsed();
            if (interrupted()) {
                job.status = "not started";
            } else if (!a.flag("--force") && upToDate(job, modelSha)) {
                job.status = "skipped";
            } else {
                try {
                    SegmentationInput in;
                    in.blPath = job.bl;
                    in.fuPath = job.fu;
                    in.modelPath = model;
                    in.precision = precision;
                    in.progress = stopOnInterrupt();
                    const auto result = runSegmentation(in);
                    if (job.bids)
                        writeBidsOutputs(job, result);
                    else
                        ResultsFolder(job.folder).write(result);
                    job.status = "done";
                } catch (const Cancelled&) {
                    job.status = "cancelled";
                } catch (const std::exception& e) {
                    job.status = "failed";
                    job.error = e.what();
                }
            }
            job.seconds = elapsed() - t0;
            const int k = ++finished;
            const std::lock_guard lock(logMutex);
            const double perCase = elapsed() / k;
            std::fprintf(stderr, "[%d/%zu] %s: %s%s%s (%.0f s elapsed, about %.0f s left)\n", k, jobs.size(),
                         job.id.c_str(), job.status.c_str(), job.error.empty() ? "" : ": ", job.error.c_str(),
                         elapsed(), perCase * double(jobs.size() - k));
        }
    };
    initialiseItkForThreads();  // before two pairs make their first ITK calls at once
    std::vector<std::thread> workers;
    for (int w = 0; w < jobCount; ++w) workers.emplace_back(work);
    for (auto& t : workers) t.join();

    int done = 0, skipped = 0, failed = 0;
    std::printf("| pair | status | seconds | error |\n|---|---|---|---|\n");
    for (const auto& job : jobs) {
        done += job.status == "done";
        skipped += job.status == "skipped";
        failed += job.status == "failed";
        std::printf("| %s | %s | %.1f | %s |\n", job.id.c_str(), job.status.c_str(), job.seconds, job.error.c_str());
    }
    std::printf("\n%d done, %d skipped, %d failed of %zu pairs in %.0f s%s%s\n", done, skipped, failed, jobs.size(),
                elapsed(), derivatives.empty() ? "" : "; outputs in ", derivatives.c_str());
    if (interrupted()) {
        std::fprintf(stderr, "interrupted: finished pairs are kept, the others have no new output\n");
        return 130;
    }
    return failed ? 1 : 0;
}

}  // namespace lesiondelta::cli
