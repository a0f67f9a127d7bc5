// One client connection, plain TCP or TLS. The front door owns it and reads requests from it
// without blocking; a worker borrows it for one request and writes the response. The socket stays
// non-blocking throughout: a write that finds the socket full waits in poll(2) for at most the
// send timeout (a client that stopped reading), so no mode switch costs system calls per request.
//
// Threads: the front door's loop and the borrowing worker never use a connection at the same
// time. shutdown() may be called from any thread at any time (to end a blocked transfer on stop).
#pragma once

#include <Poco/Net/SocketAddress.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

typedef struct ssl_st SSL;

namespace es::net {

// The peer is gone, reset the connection, or did not take a write within the send timeout.
class ConnectionLost : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class Connection {
  public:
    // Takes ownership of `fd` (non-blocking) and of `ssl` (may be null for plain TCP). A zero
    // `send_timeout` marks a connection that only gets a refusal: it is not tuned for serving.
    Connection(int fd, const Poco::Net::SocketAddress& peer, const Poco::Net::SocketAddress& local,
               SSL* ssl, std::chrono::seconds send_timeout);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    const Poco::Net::SocketAddress& peer() const { return peer_; }
    const Poco::Net::SocketAddress& local() const { return local_; }
    bool tls() const { return ssl_ != nullptr; }
    int descriptor() const { return fd_; }

    // ---- the front door's side: never blocks ----
    enum class Progress { Done, WantRead, WantWrite, Failed };
    // Advances the TLS handshake (Done at once for plain TCP).
    Progress handshake();
    struct Received {
        std::size_t bytes = 0;
        bool closed = false;  // end of stream or an error: no more bytes will come
    };
    // Appends what has arrived to `into`, at most `room` bytes. Under TLS it also drains what
    // OpenSSL decrypted ahead, which readiness events cannot report.
    Received receive_available(std::string& into, std::size_t room);
    // Whether TLS holds decrypted bytes not yet read: readiness events cannot report them (they
    // are only there when a read stopped at its room limit).
    bool has_buffered_input() const;
    // Writes a short answer if the socket takes it now; otherwise drops it.
    void send_best_effort(std::string_view bytes) noexcept;
    // Sends TLS close_notify and FIN: the peer reads what it got, then end of stream.
    void close_write() noexcept;

    // ---- the worker's side ----
    // Runs `hook` once, just before the first byte of the answer goes out through send_all (or
    // from answer_begun(), whichever comes first). The front door counts an upload as running
    // until its answer starts: once the client can read the answer it may start the next one,
    // and that one must not find the finished upload still counted.
    void before_answer(std::function<void()> hook) { before_answer_ = std::move(hook); }
    void answer_begun() {
        if (before_answer_) {
            auto hook = std::move(before_answer_);
            before_answer_ = nullptr;
            hook();
        }
    }
    // Sends everything or throws ConnectionLost.
    void send_all(const char* data, std::size_t size);
    void send_all(std::string_view bytes) { send_all(bytes.data(), bytes.size()); }
    // TCP_CORK: hold partial segments back while a body is spliced in with sendfile(2). The
    // sockets run with TCP_NODELAY (pages must not wait for Nagle), and with it every page that
    // sendfile appends would leave as a segment of its own; uncorking sends the rest at once.
    void set_cork(bool on) noexcept;
    class Corked {
      public:
        explicit Corked(Connection& c) : c_(c) { c_.set_cork(true); }
        ~Corked() { c_.set_cork(false); }
        Corked(const Corked&) = delete;
        Corked& operator=(const Corked&) = delete;

      private:
        Connection& c_;
    };
    // Sends [offset, offset + length) of the open file `fd`: sendfile(2) on plain TCP, read and
    // write under TLS. Throws ConnectionLost, or std::runtime_error when the file is shorter.
    // Callers sending a whole body cork the connection around it (Corked).
    void send_file(int fd, std::uint64_t offset, std::uint64_t length);
    // The descriptor for sendfile(2), or -1 under TLS where bytes must go through send_all.
    int sendfile_descriptor() const { return ssl_ ? -1 : fd_; }

    // Any thread: stops both directions; blocked reads and writes return at once.
    void shutdown() noexcept;

  private:
    // Waits until the socket takes more bytes (or has some, for TLS); ConnectionLost after the
    // send timeout.
    void wait_for(short events);

    int fd_;
    int send_timeout_ms_;
    std::function<void()> before_answer_;
    SSL* ssl_;
    Poco::Net::SocketAddress peer_;
    Poco::Net::SocketAddress local_;
};

}  // namespace es::net
