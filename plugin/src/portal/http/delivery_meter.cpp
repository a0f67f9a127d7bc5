#include "portal/http/delivery_meter.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstddef>

namespace es::portal::http {
namespace {

// glibc's struct tcp_info ends before the 64-bit counters Linux 4.1 appended; the kernel's layout
// (linux/tcp.h, an append-only ABI, which cannot be included beside glibc's header) continues
// with these. The kernel fills what it has and says how much in the returned length.
struct TcpInfoWithCounters {
    tcp_info base;
    std::uint64_t pacing_rate;
    std::uint64_t max_pacing_rate;
    std::uint64_t bytes_acked;
};
static_assert(offsetof(TcpInfoWithCounters, bytes_acked) == 120, "linux/tcp.h tcpi_bytes_acked");

std::optional<std::uint64_t> acknowledged(int fd) {
    TcpInfoWithCounters info{};
    socklen_t length = sizeof info;
    if (fd < 0 || ::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0 ||
        length < sizeof info) {
        return std::nullopt;
    }
    return info.bytes_acked;
}

}  // namespace

DeliveryMeter::DeliveryMeter(const net::Connection& connection)
    : fd_(connection.descriptor()), start_(acknowledged(fd_)) {}

std::optional<std::uint64_t> DeliveryMeter::cut_off() {
    if (fd_ < 0) {
        return std::nullopt;
    }
    const auto now = acknowledged(fd_);
    // Disconnect right after reading the count: the kernel sends a reset and drops what is still
    // queued, instead of delivering it after we decided it was not delivered.
    sockaddr unspecified{};
    unspecified.sa_family = AF_UNSPEC;
    (void)::connect(fd_, &unspecified, sizeof unspecified);
    if (!now || !start_ || *now < *start_) {
        return std::nullopt;
    }
    return *now - *start_;
}

std::uint64_t DeliveryMeter::cut_off_body(std::uint64_t head_size, std::uint64_t body_size) {
    const auto acked = cut_off();
    if (!acked) {
        return body_size;
    }
    return std::min<std::uint64_t>(body_size, *acked > head_size ? *acked - head_size : 0);
}

}  // namespace es::portal::http
