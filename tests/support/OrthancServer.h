#pragma once
// A real PACS for tests: Orthanc (Debian `orthanc`) started on 127.0.0.1 with free ports, its own
// AE title and a temporary storage folder; stopped (SIGTERM) when the object goes.
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "TestImages.h"

extern char** environ;

namespace lesiondelta::test {

class OrthancServer {
public:
    static constexpr const char* kAeTitle = "ORTHANCTEST";

    static std::string executable() {
        for (const char* p : {"/usr/sbin/Orthanc", "/usr/bin/Orthanc"})
            if (std::filesystem::exists(p)) return p;
        return {};
    }

    /// Starts Orthanc; `knownAeTitle` is the one modality it accepts C-GET from.
    explicit OrthancServer(const std::string& knownAeTitle = "LESIONDELTA") {
        dicomPort_ = freePort();
        httpPort_ = freePort();
        const auto db = dir_.path() / "db";
        std::filesystem::create_directories(db);
        std::ofstream(dir_.file("orthanc.json"))
            << "{\"Name\": \"LesionDeltaTest\", \"StorageDirectory\": \"" << db.string() << "\", \"IndexDirectory\": \""
            << db.string() << "\", \"DicomAet\": \"" << kAeTitle << "\", \"DicomPort\": " << dicomPort_
            << ", \"HttpPort\": " << httpPort_
            << ", \"RemoteAccessAllowed\": false, \"AuthenticationEnabled\": false, \"DicomCheckCalledAet\": true,"
               " \"DicomAlwaysAllowGet\": false, \"DicomModalities\": {\"client\": [\""
            << knownAeTitle << "\", \"127.0.0.1\", 1]}, \"Plugins\": [], \"StableAge\": 1}\n";
        const std::string exe = executable(), config = dir_.file("orthanc.json"), log = dir_.file("orthanc.log");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        posix_spawn_file_actions_addchdir_np(&actions, dir_.path().c_str());
        char* argv[] = {const_cast<char*>(exe.c_str()), const_cast<char*>(config.c_str()), nullptr};
        if (posix_spawn(&pid_, exe.c_str(), &actions, nullptr, argv, environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~OrthancServer() { stop(); }

    void stop() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
            pid_ = -1;
        }
    }
    /// Waits until the DICOM port accepts connections (at most `seconds`).
    bool waitUntilListening(int seconds = 30) const {
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        while (std::chrono::steady_clock::now() < end) {
            if (pid_ <= 0 || waitpid(pid_, nullptr, WNOHANG) != 0) return false;
            const int s = socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(uint16_t(dicomPort_));
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            const bool ok = connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
            close(s);
            if (ok) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        return false;
    }
    int dicomPort() const { return dicomPort_; }
    int httpPort() const { return httpPort_; }
    std::string node() const { return std::string(kAeTitle) + "@127.0.0.1:" + std::to_string(dicomPort_); }
    /// Orthanc's REST API (GET), through curl; empty on failure.
    std::string rest(const std::string& uri) const {
        const std::string out = dir_.file("rest.txt");
        const std::string cmd = "curl -sf http://127.0.0.1:" + std::to_string(httpPort_) + uri + " -o " + out;
        if (std::system(cmd.c_str()) != 0) return {};
        std::ifstream in(out);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
    std::string log() const {
        std::ifstream in(dir_.file("orthanc.log"));
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

    /// A TCP port nobody listens on right now.
    static int freePort() {
        const int s = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
        socklen_t len = sizeof a;
        getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
        close(s);
        return ntohs(a.sin_port);
    }

private:
    TempDir dir_;
    pid_t pid_ = -1;
    int dicomPort_ = 0, httpPort_ = 0;
};

}  // namespace lesiondelta::test
