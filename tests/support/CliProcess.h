#pragma once
// Starts lesiondelta-cli (LESIONDELTA_CLI) in the background with stdout and stderr in files, so a
// test can watch its progress, signal it and wait for it with a time limit.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "ChildProcess.h"
#include "CliRunner.h"
#include "TimeScale.h"

namespace lesiondelta::test {

class CliProcess {
public:
    /// Runs `program` (lesiondelta-cli unless named) with `args`.
    CliProcess(const std::vector<std::string>& args, const std::string& outFile, const std::string& errFile,
               const std::string& program = LESIONDELTA_CLI)
        : errFile_(errFile) {
        ChildSpec spec;
        spec.argv = {program};
        spec.argv.insert(spec.argv.end(), args.begin(), args.end());
        spec.stdoutFile = outFile;
        spec.stderrFile = errFile;
        pid_ = startChild(spec).pid;
    }
    ~CliProcess() {
        if (pid_ > 0 && !status_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    CliProcess(const CliProcess&) = delete;
    CliProcess& operator=(const CliProcess&) = delete;

    bool started() const { return pid_ > 0; }
    void signal(int sig) const { ::kill(pid_, sig); }
    std::string err() const { return slurp(errFile_); }

    /// Polls stderr until it holds `text` (true) or the process ended or time ran out (false;
    /// `limit` is stretched by timeScale()).
    bool waitForErr(const std::string& text, std::chrono::milliseconds limit) {
        const auto end = std::chrono::steady_clock::now() + scaled(limit);
        while (std::chrono::steady_clock::now() < end) {
            if (err().find(text) != std::string::npos) return true;
            if (finished(std::chrono::milliseconds(0))) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    }
    /// Whether the process ended within `limit` (stretched by timeScale()); then exitCode() is
    /// its status.
    bool finished(std::chrono::milliseconds limit) {
        const auto end = std::chrono::steady_clock::now() + scaled(limit);
        do {
            if (status_) return true;
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                status_ = exitCodeOf(status);
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        } while (std::chrono::steady_clock::now() < end);
        return false;
    }
    /// The exit code, or 128 + signal when a signal ended it; -1 while running.
    int exitCode() const { return status_ ? *status_ : -1; }

private:
    pid_t pid_ = -1;
    std::optional<int> status_;  // exit code once it ended
    std::string errFile_;
};

}  // namespace lesiondelta::test
