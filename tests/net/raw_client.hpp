// A raw TCP client for tests of the front door: connects from a chosen loopback source address
// (all of 127.0.0.0/8 reaches the loopback interface, so one machine can play many clients),
// writes bytes when told and reads with a deadline. Blocking sockets; no HTTP knowledge beyond
// finding the end of one response.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace es::net::test {

class RawClient {
  public:
    // Throws std::runtime_error when the connection cannot be made.
    RawClient(const std::string& server_ip, std::uint16_t port, const std::string& source_ip = "");
    ~RawClient();
    RawClient(RawClient&& other) noexcept;
    RawClient& operator=(RawClient&&) = delete;
    RawClient(const RawClient&) = delete;

    // False when the server has closed or reset the connection.
    bool send(std::string_view bytes);
    // One HTTP response: the head and a Content-Length body. "" when the connection closed (or
    // `wait` passed) before a whole response arrived.
    std::string read_response(std::chrono::milliseconds wait);
    // Everything until the server closes; `closed` tells whether it did within `wait`.
    std::string read_until_close(std::chrono::milliseconds wait, bool* closed = nullptr);
    // Whether the server closed (FIN or reset) within `wait`; bytes that arrive are dropped.
    bool closed_within(std::chrono::milliseconds wait);

  private:
    int fd_;
    std::string pending_;  // bytes read past the last response
};

// Raises this process's descriptor limit to its hard limit: the tests open hundreds of
// connections, and both ends of each live in the test process.
void raise_descriptor_limit();

// "HTTP/1.1 503 …" → 503; 0 for anything else.
int status_of(const std::string& response);
// The value of the first header `name` in a raw response ("" when absent).
std::string header_of(const std::string& response, const std::string& name);

}  // namespace es::net::test
