#pragma once
// Runs lesiondelta-cli (path in LESIONDELTA_CLI) and captures its exit code, stdout and stderr.
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "TestImages.h"

namespace lesiondelta::test {

struct CliRun {
    int exitCode = -1;
    std::string out, err;
};

inline std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// `prefix` goes before the program (e.g. "timeout 60 ").
inline CliRun cli(const std::string& args, const std::string& prefix = {}) {
    TempDir io;
    const std::string command =
        prefix + std::string(LESIONDELTA_CLI) + " " + args + " >" + io.file("out") + " 2>" + io.file("err");
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(io.file("out")), slurp(io.file("err"))};
}

}  // namespace lesiondelta::test
