// The program makes no network connections: segment, report and batch run inside a network
// namespace without interfaces (unshare -n), and under strace no IPv4/IPv6 socket is opened.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "CliRunner.h"
#include "TestImages.h"
#include "lesiondelta/core/VolumeIO.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
namespace fs = std::filesystem;

namespace {

bool available(const std::string& check) { return std::system((check + " > /dev/null 2>&1").c_str()) == 0; }

void writeFlair(const fs::path& file, double bright) {
    auto image = makeImage<ImageVolume>({48, 48, 24}, {1, 1, 2}, {-24, -24, -24});
    fillPhysical(*image, [bright](const PhysicalPointLps& p) {
        return headPhantom(p) + (std::hypot(p[0] - 8, p[1] - 4, p[2]) < 3 ? bright : 0.0);
    });
    writeVolume(*image, file.string());
}

TEST(Privacy, SegmentAndReportWorkWithoutNetworkAndOpenNoInternetSocket) {
    if (!available("unshare -n true")) GTEST_SKIP() << "unshare -n is not permitted here (needs root or user namespaces)";
    if (!available("command -v strace")) GTEST_SKIP() << "strace is not installed (tools/install-deps installs it)";
    TempDir dir;
    writeFlair(dir.path() / "bl.nii.gz", 0);
    writeFlair(dir.path() / "fu.nii.gz", 200);
    const std::string trace = dir.file("trace");
    const std::string run = "unshare -n strace -f -qq -e trace=socket,connect -o " + trace + " ";
    const std::string cliPath = LESIONDELTA_CLI;
    const std::string segment = run + cliPath + " segment --bl " + dir.file("bl.nii.gz") + " --fu " +
                                dir.file("fu.nii.gz") + " --precision bf16 --quiet --out " + dir.file("out") +
                                " > " + dir.file("log") + " 2>&1";
    ASSERT_EQ(std::system(segment.c_str()), 0) << slurp(dir.file("log"));
    std::string traces = slurp(trace);
    const std::string report = run + cliPath + " report --case " + dir.file("out") + " -o " + dir.file("r.pdf") +
                               " > " + dir.file("log") + " 2>&1";
    ASSERT_EQ(std::system(report.c_str()), 0) << slurp(dir.file("log"));
    traces += slurp(trace);
    EXPECT_TRUE(fs::exists(dir.file("r.pdf")));
    EXPECT_EQ(traces.find("AF_INET"), std::string::npos) << traces;  // AF_INET and AF_INET6
}

}  // namespace
