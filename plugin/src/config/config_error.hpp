// A configuration that cannot be used: names the file, the key and the line.
#pragma once

#include <stdexcept>
#include <string>

namespace es::config {

class ConfigError : public std::runtime_error {
  public:
    // `line` is 1-based; 0 when the problem has no position (a missing file).
    ConfigError(const std::string& file, const std::string& key, int line,
                const std::string& problem)
        : std::runtime_error(format(file, key, line, problem)), key_(key), line_(line) {}

    const std::string& key() const noexcept { return key_; }
    int line() const noexcept { return line_; }

  private:
    static std::string format(const std::string& file, const std::string& key, int line,
                              const std::string& problem) {
        std::string out = file;
        if (line > 0) {
            out += ":" + std::to_string(line);
        }
        out += ": ";
        if (!key.empty()) {
            out += key + ": ";
        }
        return out + problem;
    }

    std::string key_;
    int line_;
};

}  // namespace es::config
