// Saves a response body and asks Info-ZIP about it.
#pragma once

#include <cstdio>
#include <string>

namespace es::portal::test {

inline std::string shell(const std::string& cmd) {
    std::string out;
    // Info-ZIP prints UTF-8 names only under a UTF-8 locale.
    FILE* p = ::popen(("LC_ALL=C.UTF-8 " + cmd).c_str(), "r");
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) {
        out.append(buf, n);
    }
    ::pclose(p);
    return out;
}

}  // namespace es::portal::test
