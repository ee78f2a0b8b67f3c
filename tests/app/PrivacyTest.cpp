// The program makes no network connections: segment, report and batch run inside a network
// namespace without interfaces (unshare -n), and under strace no IPv4/IPv6 socket is opened.
// DICOM identifying tags (patient name, ID, birth date, institution, physicians) never reach an
// output: segment's files (the NIfTI headers included) and the report of DICOM inputs.
#include <gtest/gtest.h>
#include <itkCastImageFilter.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "CliRunner.h"
#include "TestDicom.h"
#include "TestImages.h"
#include "lesiondelta/core/VolumeIO.h"

using namespace lesiondelta;
using namespace lesiondelta::test;
namespace fs = std::filesystem;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

bool available(const std::string& check) { return std::system((check + " > /dev/null 2>&1").c_str()) == 0; }

void writeFlair(const fs::path& file, double bright) {
    auto image = makeImage<ImageVolume>({48, 48, 24}, {1, 1, 2}, {-24, -24, -24});
    fillPhysical(*image, [bright](const PhysicalPointLps& p) {
        return headPhantom(p) + (std::hypot(p[0] - 8, p[1] - 4, p[2]) < 3 ? bright : 0.0);
    });
    writeVolume(*image, file.string());
}

TEST(Privacy, SegmentAndReportWorkWithoutNetworkAndOpenNoInternetSocket) {
    if (!available("unshare -n true"))
        GTEST_SKIP() << "unshare -n is not permitted here (needs root or user namespaces)";
    if (!available("command -v strace")) GTEST_SKIP() << "strace is not installed (tools/install-deps installs it)";
    TempDir dir;
    writeFlair(dir.path() / "bl.nii.gz", 0);
    writeFlair(dir.path() / "fu.nii.gz", 200);
    const std::string trace = dir.file("trace");
    // LeakSanitizer cannot run under ptrace: an ASan build checks leaks everywhere but here.
    const std::string noLeakCheck = kAddressSanitizer ? "env ASAN_OPTIONS=\"$ASAN_OPTIONS:detect_leaks=0\" " : "";
    const std::string run = noLeakCheck + "unshare -n strace -f -qq -e trace=socket,connect -o " + trace + " ";
    const std::string cliPath = LESIONDELTA_CLI;
    const std::string segment = run + cliPath + " segment --bl " + dir.file("bl.nii.gz") + " --fu " +
                                dir.file("fu.nii.gz") + " --quiet --out " + dir.file("out") + " > " + dir.file("log") +
                                " 2>&1";
    ASSERT_EQ(std::system(segment.c_str()), 0) << slurp(dir.file("log"));
    std::string traces = slurp(trace);
    const std::string report = run + cliPath + " report --case " + dir.file("out") + " -o " + dir.file("r.pdf") +
                               " > " + dir.file("log") + " 2>&1";
    ASSERT_EQ(std::system(report.c_str()), 0) << slurp(dir.file("log"));
    traces += slurp(trace);
    EXPECT_TRUE(fs::exists(dir.file("r.pdf")));
    EXPECT_EQ(traces.find("AF_INET"), std::string::npos) << traces;  // AF_INET and AF_INET6
}

/// A file's bytes; .gz files decompressed (NIfTI headers and extensions are inside).
std::string contents(const fs::path& file) {
    if (file.extension() != ".gz") return slurp(file.string());
    std::string out;
    gzFile in = gzopen(file.c_str(), "rb");
    char buffer[1 << 16];
    for (int n; (n = gzread(in, buffer, sizeof buffer)) > 0;) out.append(buffer, std::size_t(n));
    gzclose(in);
    return out;
}

TEST(Privacy, DicomIdentifyingTagsReachNoOutput) {
    TempDir dir;
    const std::map<std::string, std::string> identifying{
        {"0010|0010", "Zyxwvut^Qponmlk"},       // patient name
        {"0010|0020", "PID-8231-77"},           // patient ID
        {"0010|0030", "19660213"},              // birth date
        {"0008|0080", "Klinikum Musterstadt"},  // institution
        {"0008|0090", "Referrer^Hidden"},       // referring physician
        {"0008|0050", "ACC-553311"},            // accession number
    };
    for (const auto& [name, bright, uid] : {std::tuple{"bl", 0.0, "1.2.826.0.1.3680043.2.1125.7.1"},
                                            std::tuple{"fu", 200.0, "1.2.826.0.1.3680043.2.1125.7.2"}}) {
        auto image = makeImage<ImageVolume>({48, 48, 24}, {1, 1, 2}, {-24, -24, -24});
        fillPhysical(*image, [bright = bright](const PhysicalPointLps& p) {
            return headPhantom(p) + (std::hypot(p[0] - 8, p[1] - 4, p[2]) < 3 ? bright : 0.0);
        });
        auto cast = itk::CastImageFilter<ImageVolume, ShortVolume>::New();
        cast->SetInput(image);
        cast->Update();
        fs::create_directories(dir.path() / name);
        writeVolumeSeries(*cast->GetOutput(), dir.path() / name, "slice", uid, "FLAIR", identifying);
    }
    // The tags are really in the input (GDCM wrote them).
    EXPECT_NE(slurp(dir.file("bl/slice0.dcm")).find("PID-8231-77"), std::string::npos);
    const auto seg =
        cli("segment --bl " + dir.file("bl") + " --fu " + dir.file("fu") + " --quiet --out " + dir.file("out"));
    ASSERT_EQ(seg.exitCode, 0) << seg.err;
    const auto rep = cli("report --case " + dir.file("out") + " -o " + dir.file("report.pdf") + " --quiet");
    ASSERT_EQ(rep.exitCode, 0) << rep.err;
    std::vector<std::pair<std::string, std::string>> outputs{{"stdout/stderr", seg.out + seg.err + rep.out + rep.err}};
    for (const auto& e : fs::directory_iterator(dir.file("out")))
        outputs.emplace_back(e.path().string(), contents(e.path()));
    outputs.emplace_back("report.pdf", contents(dir.file("report.pdf")));
    if (std::system("command -v pdftotext > /dev/null") == 0) {
        ASSERT_EQ(std::system(("pdftotext " + dir.file("report.pdf") + " " + dir.file("report.txt")).c_str()), 0);
        outputs.emplace_back("report text", slurp(dir.file("report.txt")));
    }
    ASSERT_GE(outputs.size(), 8u);
    for (const auto& [where, text] : outputs) {
        for (const char* token :
             {"Zyxwvut", "Qponmlk", "PID-8231", "19660213", "1966-02-13", "Musterstadt", "Hidden", "ACC-553311"}) {
            EXPECT_EQ(text.find(token), std::string::npos) << token << " found in " << where;
        }
    }
}

}  // namespace
