// dm-sample-host as a child process of a test, its stdout and stderr in files of a folder: for
// tests that must stop, kill or restart a whole instance (draining, rolling restarts, fail-over
// behind a load balancer). Header-only (POSIX and the standard library).
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

namespace es::test {

inline std::string file_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class HostProcess {
  public:
    // Starts `binary --config config`; its output goes to dir/host.out and dir/host.err.
    HostProcess(const std::string& binary, const std::string& config, const std::string& dir)
        : out_(dir + "/host.out") {
        const std::string err = dir + "/host.err";
        // A restart must not find the last run's "listening on" line.
        std::filesystem::remove(out_);
        std::filesystem::remove(err);
        pid_ = ::fork();
        if (pid_ == 0) {
            std::freopen(out_.c_str(), "w", stdout);
            std::freopen(err.c_str(), "w", stderr);
            ::execl(binary.c_str(), binary.c_str(), "--config", config.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
    }
    ~HostProcess() { kill(); }
    HostProcess(const HostProcess&) = delete;
    HostProcess& operator=(const HostProcess&) = delete;

    // The host's port, once it printed that it listens; 0 when it did not within `wait`, or
    // ended first (a start-up error: no use waiting out `wait`, minutes in the cluster tests).
    int wait_for_port(std::chrono::seconds wait) {
        const auto until = std::chrono::steady_clock::now() + wait;
        const std::regex listening("listening on http://127\\.0\\.0\\.1:([0-9]+)/");
        while (std::chrono::steady_clock::now() < until) {
            std::smatch m;
            const std::string out = file_text(out_);
            if (std::regex_search(out, m, listening)) {
                return std::stoi(m[1].str());
            }
            if (ended()) {
                return 0;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        return 0;
    }
    void terminate() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);  // never kill(-1): that is every process we may signal
        }
    }
    // kill -9 and reap: the crash of an instance, with no chance to drain or to close anything.
    void kill() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
            pid_ = -1;
        }
    }
    // The exit status, or -1 when the process had not ended within `wait`.
    int wait_for_exit(std::chrono::seconds wait) {
        const auto until = std::chrono::steady_clock::now() + wait;
        while (std::chrono::steady_clock::now() < until) {
            if (ended()) {
                return status_;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return -1;
    }

  private:
    // Whether the process has ended (reaped; its status in status_).
    bool ended() {
        if (pid_ < 0) {
            return status_ >= 0;  // reaped here, or killed (kill() reaps without a status)
        }
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) != pid_) {
            return false;
        }
        pid_ = -1;
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return true;
    }

    std::string out_;
    pid_t pid_ = -1;
    int status_ = -1;  // once ended
};

}  // namespace es::test
