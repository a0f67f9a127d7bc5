// Ports for test servers that must know their number before they start (a config file names it:
// the sample host, the portal, a MariaDB or Galera node, nginx).
//
// Binding port 0 and closing it again hands out a port of the kernel's *ephemeral* range, and the
// kernel gives ports of that range to every outgoing connection of every process. A full test run
// opens thousands of client connections (HTTP clients, MariaDB clients, the cluster's own links),
// so between the pick and the server's bind a connection could take the port: a cluster test
// failed that way with "I/O error" (address in use) while its host waited for Galera. So:
//
// - ports are picked at random *below* the ephemeral range, where the kernel never picks one;
// - a port picked is reserved against every other test process for as long as the picking process
//   lives, by binding an abstract Unix socket named after it (ctest runs groups side by side). The
//   kernel drops the name when the process ends, however it ends; nothing is left behind;
// - a port something already listens on is skipped (a bind to it fails).
//
// tests/support/free-port.py applies the same rules for the shell scripts (it cannot hold its
// reservation: the server it is for binds the port a moment later).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>

namespace es::test {

// The ports picked from: [kLowest, the ephemeral range's first port).
inline constexpr int kLowestTestPort = 10000;

namespace ports_detail {

inline int ephemeral_start() {
    std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
    int low = 0;
    int high = 0;
    if (range >> low >> high && low > kLowestTestPort + 1000) {
        return low;
    }
    return 32768;  // Linux's default; a range starting lower leaves the bind check to decide
}

// True when nobody listens on or is bound to 127.0.0.1:port now.
inline bool tcp_port_free(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return false;
    }
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return free;
}

// Binds the abstract name "es-test-port-<port>" and keeps it (the descriptor is never closed);
// false when another process holds it.
inline bool reserve_name(int port) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return false;
    }
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    const std::string name = "es-test-port-" + std::to_string(port);
    std::memcpy(a.sun_path + 1, name.data(), name.size());  // sun_path[0] == 0: abstract
    const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), length) != 0) {
        ::close(fd);
        return false;
    }
    return true;
}

}  // namespace ports_detail

// A loopback TCP port below the ephemeral range that no other test process has picked and nothing
// listens on; this process keeps it reserved until it ends. Throws after 1,000 failed tries.
inline int free_port() {
    static std::mutex mutex;
    static std::mt19937 random{std::random_device{}()};
    const std::lock_guard lock(mutex);
    std::uniform_int_distribution<int> pick(kLowestTestPort, ports_detail::ephemeral_start() - 1);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const int port = pick(random);
        if (ports_detail::tcp_port_free(port) && ports_detail::reserve_name(port)) {
            return port;
        }
    }
    throw std::runtime_error("free_port: no free test port below the ephemeral range");
}

}  // namespace es::test
