// The host's log: one line per event, on stderr, with time, level and source (the host or a
// plugin's id). Tests capture the lines to assert on what an operator would read.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace host {

enum class LogLevel { debug, info, warning, error };

class HostLog {
  public:
    using Capture = std::function<void(const std::string& line)>;

    // Thread-safe: request threads and plugin threads log concurrently.
    static void write(LogLevel level, std::string_view source, std::string_view message);
    static void info(std::string_view message) { write(LogLevel::info, "host", message); }
    static void warning(std::string_view message) { write(LogLevel::warning, "host", message); }
    static void error(std::string_view message) { write(LogLevel::error, "host", message); }

    // Replaces the output (tests); an empty capture restores stderr.
    static void capture(Capture c);

  private:
    static std::mutex& mutex();
    static Capture& sink();
};

}  // namespace host
