#include "net/streamed_body.hpp"

#include <poll.h>

#include <algorithm>
#include <cerrno>

namespace es::net {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

StreamedBodyBuffer::StreamedBodyBuffer(std::string arrived, std::size_t to_read,
                                       Connection& connection, std::chrono::seconds stall_timeout,
                                       std::size_t min_bytes_per_second)
    : arrived_(std::move(arrived)),
      remaining_(to_read),
      connection_(connection),
      stall_ms_(static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(stall_timeout).count())),
      min_rate_(min_bytes_per_second),
      received_(arrived_.size()),
      started_(std::chrono::steady_clock::now()) {}

long long StreamedBodyBuffer::wait_allowed_ms() const {
    if (min_rate_ == 0) {
        return stall_ms_;
    }
    // The body may keep its client waiting until the moment its average would drop below the
    // minimum, but never less than the first stall_timeout (a slow start is no offence).
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started_)
                             .count();
    const auto owed_ms = static_cast<long long>(received_ * 1000 / min_rate_);
    const long long until = std::max<long long>(stall_ms_, owed_ms) - elapsed;
    return std::min<long long>(stall_ms_, until);
}

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
            received_ += got.bytes;
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
        const long long allowed = wait_allowed_ms();
        if (allowed <= 0) {
            break;
        }
        pollfd p{connection_.descriptor(), POLLIN, 0};
        const int n = ::poll(&p, 1, static_cast<int>(allowed));
        if (n == 0 || (n < 0 && errno != EINTR)) {
            break;
        }
    }
    setg(nullptr, nullptr, nullptr);
    return traits_type::eof();
}

StreamedBody::StreamedBody(std::string arrived, std::size_t to_read, Connection& connection,
                           std::chrono::seconds stall_timeout, std::size_t min_bytes_per_second)
    : std::istream(nullptr),
      buffer_(std::move(arrived), to_read, connection, stall_timeout, min_bytes_per_second) {
    rdbuf(&buffer_);
}

}  // namespace es::net
