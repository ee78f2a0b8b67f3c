// The test support's child-process starter (tests/support/ChildProcess.h), which the CLI tests
// and the heap_reuse benchmark rely on: environment replaced per name, stdout piped or in a
// file, exit codes and a missing program reported.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ChildProcess.h"

using namespace lesiondelta::test;

namespace {

std::string readAll(int fd) {
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, std::size_t(n));
    ::close(fd);
    return text;
}

int countLinesStartingWith(const std::string& text, const std::string& prefix) {
    std::istringstream in(text);
    int n = 0;
    for (std::string line; std::getline(in, line);) n += line.rfind(prefix, 0) == 0;
    return n;
}

}  // namespace

TEST(ChildProcess, SetsItsEnvironmentReplacingTheInheritedValueAndPipesStdout) {
    ::setenv("LESIONDELTA_CHILD_PROBE", "inherited", 1);
    ChildSpec spec;
    spec.argv = {"env"};  // looked up on PATH
    spec.environment = {"LESIONDELTA_CHILD_PROBE=own"};
    spec.pipeStdout = true;
    const auto child = startChild(spec);
    ASSERT_TRUE(child.started()) << child.why();
    const std::string printed = readAll(child.stdoutPipe);
    EXPECT_EQ(waitForChild(child.pid), 0);
    ::unsetenv("LESIONDELTA_CHILD_PROBE");
    EXPECT_EQ(countLinesStartingWith(printed, "LESIONDELTA_CHILD_PROBE="), 1) << printed;
    EXPECT_NE(printed.find("LESIONDELTA_CHILD_PROBE=own\n"), std::string::npos) << printed;
    EXPECT_EQ(countLinesStartingWith(printed, "PATH="), 1) << "the rest is inherited:\n" << printed;
}

TEST(ChildProcess, WritesStdoutAndStderrToFilesAndReportsTheExitCode) {
    const auto dir = std::filesystem::temp_directory_path() / ("ld-child-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    ChildSpec spec;
    spec.argv = {"sh", "-c", "echo out; echo err >&2; exit 3"};
    spec.stdoutFile = (dir / "out.txt").string();
    spec.stderrFile = (dir / "err.txt").string();
    const auto child = startChild(spec);
    ASSERT_TRUE(child.started()) << child.why();
    EXPECT_EQ(child.stdoutPipe, -1);
    EXPECT_EQ(waitForChild(child.pid), 3);
    std::ifstream out(spec.stdoutFile), err(spec.stderrFile);
    std::string o, e;
    std::getline(out, o);
    std::getline(err, e);
    EXPECT_EQ(o, "out");
    EXPECT_EQ(e, "err");
    std::filesystem::remove_all(dir);
}

TEST(ChildProcess, SaysWhyAMissingProgramDidNotStart) {
    ChildSpec spec;
    spec.argv = {"/nonexistent/lesiondelta-no-such-program"};
    spec.pipeStdout = true;
    const auto child = startChild(spec);
    EXPECT_FALSE(child.started());
    EXPECT_EQ(child.stdoutPipe, -1);
    EXPECT_EQ(child.why(), std::strerror(ENOENT));
    EXPECT_FALSE(startChild(ChildSpec{}).started()) << "an empty argv starts nothing";
}
