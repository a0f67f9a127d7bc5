// Running the test servers' shell scripts (mariadb-server.sh, galera-cluster.sh) from C++.
#pragma once

#include <array>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

namespace es::test {

// `s` as one word of a POSIX shell command line.
inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

// Runs `command` in the shell, returns its output (standard and error); throws with that output
// when it fails.
inline std::string run_shell(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen((command + " 2>&1").c_str(), "r"), ::pclose);
    if (!pipe) {
        throw std::runtime_error("cannot run: " + command);
    }
    std::string out;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) {
        out.append(buffer.data(), n);
    }
    const int status = ::pclose(pipe.release());
    if (status != 0) {
        throw std::runtime_error("command failed (" + std::to_string(status) + "): " + command +
                                 "\n" + out);
    }
    return out;
}

}  // namespace es::test
