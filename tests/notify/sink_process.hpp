// Starts one of the test peers (smtp_sink.py, sms_sink.py) with Debian's python3, waits until it
// listens, and kills it at the end. A missing interpreter or module fails the test, never skips it.
#pragma once

#include <Poco/Process.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "temp_directory.hpp"

class SinkProcess {
  public:
    // `script`: file name under tests/notify; `args` are appended after --dir and --port-file.
    SinkProcess(const std::string& script, std::vector<std::string> args) {
        const auto port_file = dir_.path() / "port";
        std::vector<std::string> all = {std::string(ES_NOTIFY_TEST_DIR) + "/" + script, "--dir",
                                        messages().string(), "--port-file", port_file.string()};
        all.insert(all.end(), args.begin(), args.end());
        handle_ =
            std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(ES_DEBIAN_PYTHON, all));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!std::filesystem::exists(port_file)) {
            if (std::chrono::steady_clock::now() > deadline ||
                !Poco::Process::isRunning(*handle_)) {
                ADD_FAILURE() << script << " did not start (is python3-aiosmtpd installed?)";
                throw std::runtime_error(script + " did not start");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        std::ifstream(port_file) >> port_;
    }
    ~SinkProcess() { stop(); }

    void stop() {
        if (handle_ && Poco::Process::isRunning(*handle_)) {
            Poco::Process::kill(*handle_);
            handle_->wait();
        }
        handle_.reset();
    }

    int port() const { return port_; }
    std::filesystem::path messages() const { return dir_.path() / "messages"; }

    // The received records (*.json), in arrival order.
    std::vector<std::filesystem::path> received() const {
        std::vector<std::filesystem::path> out;
        if (std::filesystem::exists(messages())) {
            for (const auto& e : std::filesystem::directory_iterator(messages())) {
                if (e.path().extension() == ".json") {
                    out.push_back(e.path());
                }
            }
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    // Waits until at least `n` records arrived (or the timeout passed); returns them.
    std::vector<std::filesystem::path> wait_for(
        std::size_t n, std::chrono::seconds timeout = std::chrono::seconds(20)) const {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (received().size() < n && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return received();
    }

  private:
    TempDirectory dir_;
    std::unique_ptr<Poco::ProcessHandle> handle_;
    int port_ = 0;
};

// A port on which nothing listens, and no other test will (tests/support/test_ports.hpp).
int unused_port();
