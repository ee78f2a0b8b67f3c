#pragma once
#include <string>

#include "lesiondelta/pipeline/SeriesAnalysis.h"

namespace lesiondelta::cli {

/// `series` for every subject of a BIDS dataset (batch --series); `settings` carries the
/// detector and its settings. Returns the exit status (1 when a subject failed).
int runBatchSeries(const std::string& dataset, const std::string& derivatives, const SeriesInput& settings, bool force);

}  // namespace lesiondelta::cli
