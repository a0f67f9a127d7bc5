#include "portal/http/socket_body.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace es::portal::http {
namespace {

constexpr auto kCheckInterval = std::chrono::seconds(2);
// Per sendfile call; small enough that a revocation is noticed within a few seconds on slow links.
constexpr std::size_t kSendfileStep = 4 * 1024 * 1024;

// Downloads cork the connection (net::Connection::Corked): with TCP_NODELAY every page sendfile
// appended left as its own segment, perf showed the transmit path and its softirqs at three
// quarters of the download's CPU, and throughput was 0.7x nginx, which corks its sendfile answers.

}  // namespace

SocketBody::SocketBody(net::Connection& socket, bool allow_sendfile,
                       std::function<bool()> still_allowed)
    : socket_(socket),
      allow_sendfile_(allow_sendfile),
      still_allowed_(std::move(still_allowed)),
      last_check_(std::chrono::steady_clock::now()) {
    buffer_.reserve(64 * 1024);
}

void SocketBody::check_allowed() {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_check_ < kCheckInterval) {
        return;
    }
    last_check_ = now;
    if (still_allowed_ && !still_allowed_()) {
        throw TransferAborted("share no longer available");
    }
}

void SocketBody::send_raw(const char* data, std::size_t size) {
    try {
        socket_.send_all(data, size);
    } catch (const net::ConnectionLost& e) {
        throw TransferAborted(e.what());
    }
    sent_ += size;
}

void SocketBody::write(const char* data, std::size_t size) {
    if (buffer_.size() + size > buffer_.capacity()) {
        flush();
    }
    if (size >= buffer_.capacity()) {
        send_raw(data, size);
        check_allowed();
        return;
    }
    buffer_.insert(buffer_.end(), data, data + size);
}

void SocketBody::flush() {
    if (!buffer_.empty()) {
        send_raw(buffer_.data(), buffer_.size());
        buffer_.clear();
    }
}

void SocketBody::send_attachment(const host::AttachmentStream& stream, std::uint64_t offset,
                                 std::uint64_t length) {
    const int sock = socket_.sendfile_descriptor();
    const int fd = allow_sendfile_ && sock >= 0 ? stream.fd() : -1;
    if (fd < 0) {
        read_attachment(stream, offset, length,
                        [this](const char* d, std::size_t n) { write(d, n); });
        return;
    }
    flush();
    const net::Connection::Corked corked(socket_);
    std::uint64_t left = length;
    while (left > 0) {
        const std::uint64_t step = std::min<std::uint64_t>(left, kSendfileStep);
        try {
            socket_.send_file(fd, offset, step);
        } catch (const std::exception& e) {
            // ConnectionLost (gone, or the send timeout passed), or the file was shorter.
            throw TransferAborted(e.what());
        }
        offset += step;
        left -= step;
        sent_ += step;
        check_allowed();
    }
}

void SocketBody::read_attachment(const host::AttachmentStream& stream, std::uint64_t offset,
                                 std::uint64_t length,
                                 const std::function<void(const char*, std::size_t)>& consume) {
    chunk_.resize(kChunk);
    const int fd = stream.fd();
    std::uint64_t left = length;
    while (left > 0) {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, kChunk));
        std::int64_t n;
        if (fd >= 0) {
            n = ::pread(fd, chunk_.data(), want, static_cast<off_t>(offset));
            if (n < 0 && errno == EINTR) {
                continue;
            }
        } else {
            n = stream.read(offset, chunk_.data(), want);
        }
        if (n <= 0) {
            throw TransferAborted("attachment shorter than announced or unreadable");
        }
        consume(chunk_.data(), static_cast<std::size_t>(n));
        offset += static_cast<std::uint64_t>(n);
        left -= static_cast<std::uint64_t>(n);
        check_allowed();
    }
}

}  // namespace es::portal::http
