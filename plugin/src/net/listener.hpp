// The listening socket of the front door.
#pragma once

#include <cstdint>
#include <string>

namespace es::net {

struct Listener {
    int fd = -1;  // non-blocking
    std::uint16_t port = 0;
};

// Binds and listens on `address` ("127.0.0.1", "0.0.0.0", "::1", "::" or "[::]"). The IPv6
// wildcard also accepts IPv4 clients (dual stack), whatever the system's bindv6only default.
// Throws Poco::IOException naming the address when it cannot.
Listener open_listener(const std::string& address, std::uint16_t port, int backlog);

}  // namespace es::net
