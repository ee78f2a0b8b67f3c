#pragma once
// The bad-input corpus: malformed or hostile scans made at test time (no committed binaries),
// each with the words its error message must contain. The command-line and GUI tests feed every
// entry to the programs' own loaders.
#include <filesystem>
#include <string>
#include <vector>

namespace lesiondelta::test {

struct BadInput {
    std::string name;           // short description
    std::string path;           // what the user gives as a scan
    std::string problem;        // words the message must contain (besides the file name)
    bool unprivileged = false;  // only bad for a user without the root's rights (permissions)
};

struct BadInputCorpus {
    std::string goodScan;  // a valid small scan for the other slot of a BL/FU pair
    std::vector<BadInput> inputs;
};

/// Writes the corpus into `dir` (which must exist and be empty).
BadInputCorpus makeBadInputCorpus(const std::filesystem::path& dir);

}  // namespace lesiondelta::test
