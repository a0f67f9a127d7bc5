// The outbox crash driver (outbox_crash_driver.cpp) as a child process of a test, and what a test
// reads back: the outbox rows the driver reports, and the Message-IDs a test SMTP server received.
#pragma once

#include <Poco/Process.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "sink_process.hpp"
#include "test_support.hpp"

namespace outbox_crash {

struct Row {
    std::string status;
    std::string message_id;
};

class Driver {
  public:
    explicit Driver(const std::vector<std::string>& args, const Poco::Process::Env& env = {})
        : handle_(Poco::Process::launch(ES_OUTBOX_CRASH_DRIVER, args, nullptr, nullptr, nullptr,
                                        env)) {}
    ~Driver() {
        if (Poco::Process::isRunning(handle_)) {
            kill_hard();
        }
    }
    int wait() { return handle_.wait(); }
    bool running() const { return Poco::Process::isRunning(handle_); }
    void kill_hard() {
        ::kill(static_cast<pid_t>(handle_.id()), SIGKILL);
        handle_.wait();
    }

  private:
    Poco::ProcessHandle handle_;
};

inline std::map<std::int64_t, Row> outbox_rows(const std::filesystem::path& db,
                                               const std::filesystem::path& file,
                                               const Poco::Process::Env& env = {}) {
    Driver report({"report", db.string(), file.string()}, env);
    EXPECT_EQ(report.wait(), 0) << "outbox_crash_driver report failed";
    std::map<std::int64_t, Row> rows;
    std::ifstream in(file);
    std::int64_t id = 0;
    Row row;
    while (in >> id >> row.status >> row.message_id) {
        rows[id] = row;
    }
    std::filesystem::remove(file);
    return rows;
}

// Message-ID of each received message, in arrival order.
inline std::vector<std::string> received_ids(const SinkProcess& sink) {
    std::vector<std::string> ids;
    for (const auto& file : sink.received()) {
        ids.push_back(read_json(file)
                          ->getObject("headers")
                          ->getArray("Message-ID")
                          ->getElement<std::string>(0));
    }
    return ids;
}

}  // namespace outbox_crash
