#include "log/host_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace host {

namespace {

const char* level_name(LogLevel level) {
    switch (level) {
        case LogLevel::debug:
            return "DEBUG";
        case LogLevel::info:
            return "INFO";
        case LogLevel::warning:
            return "WARN";
        case LogLevel::error:
            return "ERROR";
    }
    return "?";
}

std::string utc_now() {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

std::mutex& HostLog::mutex() {
    static std::mutex m;
    return m;
}

HostLog::Capture& HostLog::sink() {
    static Capture c;
    return c;
}

void HostLog::write(LogLevel level, std::string_view source, std::string_view message) {
    std::string line = utc_now() + " " + level_name(level) + " [" + std::string(source) + "] ";
    // A message is one line: a newline from a plugin must not forge a second log entry.
    for (char ch : message) {
        line += (ch == '\n' || ch == '\r') ? ' ' : ch;
    }
    std::lock_guard lock(mutex());
    if (sink()) {
        sink()(line);
    } else {
        std::fprintf(stderr, "%s\n", line.c_str());
    }
}

void HostLog::capture(Capture c) {
    std::lock_guard lock(mutex());
    sink() = std::move(c);
}

}  // namespace host
