// Every entry of the bad-input corpus through the command line (`register`, which loads both
// scans first): a clear message naming the file and the problem, exit code 1 or 2 (no crash),
// within seconds, under an address-space limit of 6 GB (a reader allocating what an absurd
// header claims would fail).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "BadInputCorpus.h"
#include "CliRunner.h"
#include "TimeScale.h"

using namespace lesiondelta::test;
namespace fs = std::filesystem;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

std::string quoted(const std::string& s) { return "'" + s + "'"; }

TEST(BadInputCli, EveryCorpusEntryGivesAClearMessageQuickly) {
    TempDir dir;
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    const fs::path corpusDir = dir.path() / "corpus";
    fs::create_directory(corpusDir);
    fs::permissions(corpusDir, fs::perms::all);
    const auto corpus = makeBadInputCorpus(corpusDir);
    const fs::path outputs = dir.path() / "outputs";  // writable for the unprivileged runs too
    fs::create_directory(outputs);
    fs::permissions(outputs, fs::perms::all);
    ASSERT_GE(corpus.inputs.size(), 25u);
    const bool root = geteuid() == 0;
    int index = 0, run = 0;
    double slowest = 0.0;
    for (const auto& bad : corpus.inputs) {
        const bool asBaseline = index++ % 2 == 0;  // both slots get bad input
        const fs::path out = outputs / ("out" + std::to_string(index));
        // The address-space cap proves no input makes the loader allocate wildly; AddressSanitizer
        // reserves terabytes of shadow memory at start, so its build runs without the cap.
        std::string prefix = (kAddressSanitizer ? "" : "prlimit --as=6000000000 ") + std::string("timeout ") +
                             std::to_string(scaled(60)) + " ";
        if (bad.unprivileged && root) prefix += "setpriv --reuid=65534 --regid=65534 --clear-groups ";
        const std::string args = asBaseline ? "--bl " + quoted(bad.path) + " --fu " + quoted(corpus.goodScan)
                                            : "--bl " + quoted(corpus.goodScan) + " --fu " + quoted(bad.path);
        const auto start = std::chrono::steady_clock::now();
        const auto r = cli("register " + args + " --out " + quoted(out.string()), prefix);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        slowest = std::max(slowest, seconds);
        ++run;
        SCOPED_TRACE(bad.name + ": " + r.err);
        EXPECT_TRUE(r.exitCode == 1 || r.exitCode == 2) << "exit code " << r.exitCode << " (124: timeout, -1: signal)";
        EXPECT_NE(r.err.find(bad.path), std::string::npos) << "the message does not name the file";
        EXPECT_NE(r.err.find(bad.problem), std::string::npos) << "the message does not say '" << bad.problem << "'";
        EXPECT_LT(seconds, scaled(10.0));
        EXPECT_FALSE(fs::exists(out / "bl_in_fu.nii.gz")) << "output written despite the error";
    }
    std::cout << run << " bad inputs through the CLI, slowest " << slowest << " s\n";
}

}  // namespace
