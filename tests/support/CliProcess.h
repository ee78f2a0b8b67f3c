#pragma once
// Starts lesiondelta-cli (LESIONDELTA_CLI) in the background with stdout and stderr in files, so a
// test can watch its progress, signal it and wait for it with a time limit.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "CliRunner.h"
#include "TimeScale.h"

extern char** environ;

namespace lesiondelta::test {

class CliProcess {
public:
    CliProcess(const std::vector<std::string>& args, const std::string& outFile, const std::string& errFile)
        : errFile_(errFile) {
        std::vector<std::string> all{LESIONDELTA_CLI};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&files, STDERR_FILENO, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (posix_spawn(&pid_, argv[0], &files, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&files);
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
                status_ = status;
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        } while (std::chrono::steady_clock::now() < end);
        return false;
    }
    /// The exit code, or 128 + signal when a signal ended it; -1 while running.
    int exitCode() const {
        if (!status_) return -1;
        return WIFEXITED(*status_) ? WEXITSTATUS(*status_) : 128 + WTERMSIG(*status_);
    }

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
    std::string errFile_;
};

}  // namespace lesiondelta::test
