#include "net/connection.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace es::net {
namespace {

constexpr std::size_t kReadStep = 16 * 1024;

// Worker threads block SIGPIPE (see WorkerPool), so a write to a closed peer fails with EPIPE
// instead of killing the host process; OpenSSL writes with write(2), which has no MSG_NOSIGNAL.
[[noreturn]] void lost(const char* what, int error) {
    throw ConnectionLost(std::string(what) + ": " + std::strerror(error));
}

}  // namespace

Connection::Connection(int fd, const Poco::Net::SocketAddress& peer,
                       const Poco::Net::SocketAddress& local, SSL* ssl,
                       std::chrono::seconds send_timeout)
    : fd_(fd),
      send_timeout_ms_(static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(send_timeout).count())),
      ssl_(ssl),
      peer_(peer),
      local_(local) {
    if (send_timeout.count() == 0) {
        return;
    }
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void Connection::wait_for(short events) {
    pollfd p{fd_, events, 0};
    for (;;) {
        const int n = ::poll(&p, 1, send_timeout_ms_);
        if (n > 0) {
            if ((p.revents & (POLLERR | POLLNVAL)) != 0) {
                lost("poll", EPIPE);
            }
            return;  // ready, or hung up: the next write tells which
        }
        if (n == 0) {
            throw ConnectionLost("send timed out: the client stopped reading");
        }
        if (errno != EINTR) {
            lost("poll", errno);
        }
    }
}

Connection::~Connection() {
    if (ssl_ != nullptr) {
        SSL_free(ssl_);
    }
    ::close(fd_);
}

Connection::Progress Connection::handshake() {
    if (ssl_ == nullptr || SSL_is_init_finished(ssl_)) {
        return Progress::Done;
    }
    const int rc = SSL_do_handshake(ssl_);
    if (rc == 1) {
        return Progress::Done;
    }
    switch (SSL_get_error(ssl_, rc)) {
        case SSL_ERROR_WANT_READ:
            return Progress::WantRead;
        case SSL_ERROR_WANT_WRITE:
            return Progress::WantWrite;
        default:
            ERR_clear_error();  // a client speaking plain HTTP to the TLS port, a scanner, …
            return Progress::Failed;
    }
}

Connection::Received Connection::receive_available(std::string& into, std::size_t room) {
    // Read into a scratch buffer and append only what came: a connection that trickles a few
    // bytes keeps a few bytes of memory, not a whole read step.
    thread_local char scratch[kReadStep];
    Received r;
    while (r.bytes < room) {
        const std::size_t step = std::min(kReadStep, room - r.bytes);
        std::size_t got = 0;
        if (ssl_ != nullptr) {
            const int n = SSL_read(ssl_, scratch, static_cast<int>(step));
            if (n <= 0) {
                const int e = SSL_get_error(ssl_, n);
                if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
                    ERR_clear_error();
                    r.closed = true;
                }
                return r;
            }
            got = static_cast<std::size_t>(n);
        } else {
            const ssize_t n = ::recv(fd_, scratch, step, 0);
            if (n <= 0) {
                if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                    r.closed = true;
                }
                return r;
            }
            got = static_cast<std::size_t>(n);
        }
        into.append(scratch, got);
        r.bytes += got;
        if (ssl_ == nullptr && got < step) {
            return r;  // the kernel had no more; spare the recv that would say EAGAIN
        }
    }
    return r;
}

bool Connection::has_buffered_input() const {
    return ssl_ != nullptr && SSL_pending(ssl_) > 0;
}

void Connection::send_best_effort(std::string_view bytes) noexcept {
    if (ssl_ != nullptr) {
        if (SSL_is_init_finished(ssl_) &&
            SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size())) <= 0) {
            ERR_clear_error();
        }
        return;
    }
    [[maybe_unused]] const ssize_t n =
        ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

void Connection::close_write() noexcept {
    if (ssl_ != nullptr && SSL_is_init_finished(ssl_)) {
        if (SSL_shutdown(ssl_) < 0) {
            ERR_clear_error();
        }
    }
    ::shutdown(fd_, SHUT_WR);
}

void Connection::send_all(const char* data, std::size_t size) {
    answer_begun();
    while (size > 0) {
        if (ssl_ != nullptr) {
            const int n =
                SSL_write(ssl_, data, static_cast<int>(std::min<std::size_t>(size, 1 << 30)));
            if (n <= 0) {
                const int e = SSL_get_error(ssl_, n);
                if (e == SSL_ERROR_WANT_WRITE || e == SSL_ERROR_WANT_READ) {
                    // Retried with the same bytes, as OpenSSL requires.
                    wait_for(e == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN);
                    continue;
                }
                const int sys = errno;
                ERR_clear_error();
                lost("TLS write", sys == 0 ? EPIPE : sys);
            }
            data += n;
            size -= static_cast<std::size_t>(n);
            continue;
        }
        const ssize_t n = ::send(fd_, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                wait_for(POLLOUT);
                continue;
            }
            lost("send", errno);
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void Connection::send_file(int fd, std::uint64_t offset, std::uint64_t length) {
    if (ssl_ != nullptr) {
        std::vector<char> chunk(256 * 1024);
        while (length > 0) {
            const auto want =
                static_cast<std::size_t>(std::min<std::uint64_t>(length, chunk.size()));
            const ssize_t n = ::pread(fd, chunk.data(), want, static_cast<off_t>(offset));
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                throw std::runtime_error("file shorter than announced or unreadable");
            }
            send_all(chunk.data(), static_cast<std::size_t>(n));
            offset += static_cast<std::uint64_t>(n);
            length -= static_cast<std::uint64_t>(n);
        }
        return;
    }
    auto pos = static_cast<off_t>(offset);
    {
        while (length > 0) {
            const auto step = static_cast<std::size_t>(std::min<std::uint64_t>(length, 1 << 30));
            const ssize_t n = ::sendfile(fd_, fd, &pos, step);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                wait_for(POLLOUT);
                continue;
            }
            if (n < 0) {
                lost("sendfile", errno);
            }
            if (n == 0) {
                throw std::runtime_error("file shorter than announced");
            }
            length -= static_cast<std::uint64_t>(n);
        }
    }
}

void Connection::set_cork(bool on) noexcept {
    const int v = on ? 1 : 0;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_CORK, &v, sizeof v);
}

void Connection::shutdown() noexcept {
    ::shutdown(fd_, SHUT_RDWR);
}

}  // namespace es::net
