#pragma once
#include <string>
#include <vector>

namespace lesiondelta::cli {

// Each verb takes the arguments after its name and returns the process exit code. User errors
// are thrown (UsageError, VolumeError) and reported by main.
int runRegister(const std::vector<std::string>& args);
int runLesions(const std::vector<std::string>& args);
int runEvaluate(const std::vector<std::string>& args);
int runEvaluateCases(const std::vector<std::string>& args);  // evaluate --cases LIST.csv
int runSegment(const std::vector<std::string>& args);
int runBaseline(const std::vector<std::string>& args);
int runInfo(const std::vector<std::string>& args);
int runSynth(const std::vector<std::string>& args);
int runAtlas(const std::vector<std::string>& args);  // the training atlas
int runTrain(const std::vector<std::string>& args);
int runReport(const std::vector<std::string>& args);  // patient PDF
int runCohort(const std::vector<std::string>& args);  // cohort PDF, CSV, JSON
int runBatch(const std::vector<std::string>& args);   // segment every pair of a study
int runPairs(const std::vector<std::string>& args);   // the BL/FU pairs of a BIDS dataset, JSON
int runSeries(const std::vector<std::string>& args);  // a patient's course of visits
int runPacs(const std::vector<std::string>& args);    // echo, find, get, store

/// Prints a warning on stderr when `precision` ("auto", "fp32", "bf16") will be slow on `device`
/// ("auto", "cpu", "cuda") of this machine (bf16 without native bf16 instructions).
void warnAboutSlowPrecision(const std::string& precision, const std::string& device);

}  // namespace lesiondelta::cli
