// A client that asks for a download and then reads nothing, from a chosen loopback source address,
// with a receive window of 2 KiB: the server's worker blocks in send until the connection is
// closed. Many of them, from many addresses, are how slow readers try to hold every worker.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace es::net::test {

class StalledReader {
  public:
    // Connects from `source_ip` to 127.0.0.1:`port` and sends `request` (a whole HTTP request).
    StalledReader(std::uint16_t port, const std::string& source_ip, const std::string& request);
    ~StalledReader();
    StalledReader(StalledReader&& other) noexcept;
    StalledReader& operator=(StalledReader&&) = delete;
    StalledReader(const StalledReader&) = delete;

    // The status code of the answer's first line once it arrives within `wait` (0: not yet).
    // Reads nothing away: the window stays full.
    int status_within(std::chrono::milliseconds wait) const;
    // Gives up: closes the connection, as a reader that went away.
    void close();

  private:
    int fd_;
};

}  // namespace es::net::test
