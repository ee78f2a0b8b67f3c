#pragma once
// JSON and CSV views of core results, shared by the command line and the pipeline.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "lesiondelta/core/LesionComponents.h"
#include "lesiondelta/core/LesionMetrics.h"

namespace lesiondelta {

/// A number, or null where undefined (never 0 for "undefined").
nlohmann::json optionalNumber(const std::optional<double>& v);
nlohmann::json toJson(const LesionMetrics& m);
nlohmann::json toJson(const AveragedMetrics& m);
nlohmann::json toJson(const Lesion& lesion);
/// The lesion table as CSV with a header line.
std::string lesionsCsv(const std::vector<Lesion>& table);
/// Writes text to a file atomically (temporary file, then rename).
void writeTextAtomically(const std::string& path, const std::string& text);

}  // namespace lesiondelta
