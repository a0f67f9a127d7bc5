#include "net/streamed_body.hpp"

#include <poll.h>

#include <cerrno>

namespace es::net {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

StreamedBodyBuffer::StreamedBodyBuffer(std::string arrived, std::size_t to_read,
                                       Connection& connection, std::chrono::seconds stall_timeout)
    : arrived_(std::move(arrived)),
      remaining_(to_read),
      connection_(connection),
      stall_ms_(static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(stall_timeout).count())) {}

StreamedBodyBuffer::int_type StreamedBodyBuffer::underflow() {
    if (gptr() != nullptr && gptr() < egptr()) {
        return traits_type::to_int_type(*gptr());
    }
    if (!taken_arrived_) {
        taken_arrived_ = true;
        if (!arrived_.empty()) {
            chunk_.swap(arrived_);
            std::string().swap(arrived_);
            setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
            return traits_type::to_int_type(*gptr());
        }
    }
    chunk_.clear();
    while (remaining_ > 0) {
        const auto got = connection_.receive_available(chunk_, std::min(kChunk, remaining_));
        if (got.bytes > 0) {
            remaining_ -= got.bytes;
            setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
            return traits_type::to_int_type(*gptr());
        }
        if (got.closed) {
            break;
        }
        if (connection_.has_buffered_input()) {
            continue;  // TLS decrypted more than fitted: no readiness event would announce it
        }
        // Nothing there yet: wait for the client, but not for ever (a trickle must not hold a
        // worker); a stop's shutdown() ends the wait at once.
        pollfd p{connection_.descriptor(), POLLIN, 0};
        const int n = ::poll(&p, 1, stall_ms_);
        if (n == 0 || (n < 0 && errno != EINTR)) {
            break;
        }
    }
    setg(nullptr, nullptr, nullptr);
    return traits_type::eof();
}

StreamedBody::StreamedBody(std::string arrived, std::size_t to_read, Connection& connection,
                           std::chrono::seconds stall_timeout)
    : std::istream(nullptr), buffer_(std::move(arrived), to_read, connection, stall_timeout) {
    rdbuf(&buffer_);
}

}  // namespace es::net
