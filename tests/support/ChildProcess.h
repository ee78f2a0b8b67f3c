#pragma once
// Starts a program as a child process with posix_spawnp and an argv (no shell, so no quoting),
// with environment variables set for it alone and its stdout and stderr sent to files or, for
// stdout, to a pipe the caller reads. Used by tests (CliProcess.h) and benchmarks (heap_reuse).
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace lesiondelta::test {

struct ChildSpec {
    std::vector<std::string> argv;         // argv[0]: a path, or a name looked up on PATH
    std::vector<std::string> environment;  // "NAME=value", replacing the inherited NAME
    std::string stdoutFile, stderrFile;    // written afresh; empty: inherited
    bool pipeStdout = false;               // stdout to ChildStarted::stdoutPipe instead of a file
};

struct ChildStarted {
    pid_t pid = -1;       // -1: not started, error says why
    int stdoutPipe = -1;  // the read end when pipeStdout; the caller closes it
    int error = 0;        // errno-style code from posix_spawnp or pipe
    bool started() const { return pid > 0; }
    std::string why() const { return std::strerror(error); }
};

inline ChildStarted startChild(const ChildSpec& spec) {
    ChildStarted r;
    auto pointers = [](std::vector<std::string>& v) {
        std::vector<char*> p;
        for (auto& s : v) p.push_back(s.data());
        p.push_back(nullptr);
        return p;
    };
    std::vector<std::string> args = spec.argv, env = spec.environment;
    if (args.empty()) {
        r.error = EINVAL;
        return r;
    }
    for (char** e = environ; *e; ++e) {
        const std::string inherited = *e;
        const auto eq = inherited.find('=');
        const std::string name = inherited.substr(0, eq == std::string::npos ? inherited.size() : eq + 1);
        bool replaced = false;
        for (const auto& own : spec.environment) replaced = replaced || own.rfind(name, 0) == 0;
        if (!replaced) env.emplace_back(*e);
    }
    auto argvp = pointers(args), envp = pointers(env);
    int fds[2] = {-1, -1};
    if (spec.pipeStdout && ::pipe(fds) != 0) {
        r.error = errno;
        return r;
    }
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    if (spec.pipeStdout) {
        posix_spawn_file_actions_adddup2(&files, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&files, fds[0]);
        posix_spawn_file_actions_addclose(&files, fds[1]);
    } else if (!spec.stdoutFile.empty()) {
        posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, spec.stdoutFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
    }
    if (!spec.stderrFile.empty())
        posix_spawn_file_actions_addopen(&files, STDERR_FILENO, spec.stderrFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
    r.error = posix_spawnp(&r.pid, args[0].c_str(), &files, nullptr, argvp.data(), envp.data());
    posix_spawn_file_actions_destroy(&files);
    if (spec.pipeStdout) {
        ::close(fds[1]);
        if (r.error == 0)
            r.stdoutPipe = fds[0];
        else
            ::close(fds[0]);
    }
    if (r.error != 0) r.pid = -1;
    return r;
}

/// The exit code of a wait status, or 128 + signal when a signal ended the process.
inline int exitCodeOf(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

/// Waits for the child to end; its exit code (see exitCodeOf), -1 when it cannot be waited for.
inline int waitForChild(pid_t pid) {
    int status = 0;
    return ::waitpid(pid, &status, 0) == pid ? exitCodeOf(status) : -1;
}

}  // namespace lesiondelta::test
