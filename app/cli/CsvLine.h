#pragma once
// One line of the simple CSV lists the command line reads (case lists): cells split at commas,
// surrounding blanks and a trailing CR removed. No quoting: paths with commas are not supported.
#include <sstream>
#include <string>
#include <vector>

namespace lesiondelta::cli {

inline std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) {
        while (!cell.empty() && (cell.back() == '\r' || cell.back() == ' ')) cell.pop_back();
        while (!cell.empty() && cell.front() == ' ') cell.erase(0, 1);
        out.push_back(cell);
    }
    return out;
}

}  // namespace lesiondelta::cli
