// The front door of an HTTP server: accepts connections and reads requests on one event-loop
// thread (epoll), and hands only complete requests to a fixed pool of worker threads. An idle or
// slowly-sending client therefore costs a few bytes and a descriptor, never a thread (nginx's
// model; Poco 1.11's TCPServer holds a thread per connection).
//
// Limits (FrontLimits): connections per client (IPv4 address or IPv6 /64) and in total, requests
// per client in the workers, deadlines for the head, the body and keep-alive waits, and the sizes
// of heads and bodies. A refused client gets 503 with Retry-After, or its connection closed;
// other clients do not notice. A connection over its client's connection limit is parked: held
// unread until one of its client's places frees (then it is read as any other) or its header
// deadline passes (then 503). When every connection slot is taken, a parked connection, or else
// the connection that has waited longest for a request, is closed to make room for the newcomer.
//
//     es::net::FrontSettings s;
//     s.listen_address = "::";           // dual stack; "127.0.0.1", "[::1]" …
//     s.port = 8091;                     // 0 picks a free port
//     es::net::HttpFront front(s, [](es::net::IncomingRequest& r, es::net::Connection& c) {
//         c.send_all("HTTP/1.1 204 No Content\r\n\r\n");
//         return r.may_keep_alive;
//     });
//     front.start();  …  front.stop();
//
// Threads: start/stop from one thread; counters() from any. The handler runs on worker threads,
// many at once.
#pragma once

#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/IPAddress.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "net/front_limits.hpp"
#include "net/incoming_request.hpp"
#include "net/tls_context.hpp"

namespace es::net {

struct FrontSettings {
    std::string listen_address = "127.0.0.1";
    std::uint16_t port = 0;
    int backlog = 1024;
    FrontLimits limits;
    int workers = 64;
    std::shared_ptr<const TlsContext> tls;  // null: plain HTTP
    // Peers exempt from the per-client limits: a trusted reverse proxy carries many clients.
    std::function<bool(const Poco::Net::IPAddress&)> exempt;
    // The front door's own answers (400, 411, 413, 431, 501, 503, 505): called once per status
    // at start with the status (and Retry-After for 503) set; adds headers and the content type
    // and returns the body. Without it: the reason phrase as text/plain.
    std::function<std::string(Poco::Net::HTTPResponse&)> refusal;
    // Requests (by their head, on the loop thread) whose body their handler reads as it arrives,
    // such as large uploads: handed to a worker as soon as the head is complete, not bound by
    // max_body_bytes (the handler sets its own limit), each wait for more bytes bounded by
    // body_timeout, and the connection closed after the answer. Unset: every body is read whole.
    std::function<bool(const Poco::Net::HTTPRequest&)> stream_body;
    // How long stop() lets requests in progress finish (downloads included) before it cuts them.
    // Zero: stop() cuts at once.
    std::chrono::milliseconds drain_timeout{0};
};

// What a stop() found and did; for the server's log.
struct DrainOutcome {
    std::size_t in_flight = 0;  // requests in progress when the drain began
    std::size_t cut = 0;        // connections still open at the deadline, closed mid-request
};

// Since start; for tests, benchmarks and logs.
struct FrontCounters {
    std::uint64_t accepted = 0;
    std::uint64_t dispatched = 0;      // requests handed to a worker or served by the loop thread
    std::uint64_t served_by_loop = 0;  // of dispatched: lone requests the loop thread served
    std::uint64_t refused_client = 0;  // over max_connections_per_client or max_busy_per_client
    std::uint64_t parked = 0;          // connections over max_connections_per_client held unread
    std::uint64_t parked_now = 0;      // of open: parked now
    std::uint64_t promoted = 0;        // of parked: given a place when one of their client's ended
    std::uint64_t waited = 0;          // requests that waited for their client (busy_wait)
    std::uint64_t refused_busy = 0;    // queue full, or every slot busy
    std::uint64_t evicted = 0;         // waiting connections closed to make room
    std::uint64_t timed_out = 0;       // header, body or keep-alive deadline passed
    std::uint64_t bad_requests = 0;    // 400, 411, 413, 431, 501, 505
    std::uint64_t open = 0;  // connections open now, parked ones too (not lingering closes)
};

class FrontLoop;
class WorkerPool;

class HttpFront {
  public:
    HttpFront(FrontSettings settings, RequestHandler handler);
    ~HttpFront();
    HttpFront(const HttpFront&) = delete;
    HttpFront& operator=(const HttpFront&) = delete;

    // Binds and starts the loop and the workers. Throws Poco::IOException when it cannot bind.
    void start();
    // Drains, then joins every thread: closes the listening socket (new connections are refused,
    // so a load balancer tries another instance) and idle keep-alive connections at once, lets
    // requests in progress finish for up to drain_timeout (their answers and any answered after
    // the drain began close their connections), then cuts what is left. Requests that arrive on
    // connections accepted before the drain are still served, with may_keep_alive false.
    DrainOutcome stop();
    bool running() const { return loop_ != nullptr; }
    std::uint16_t port() const { return port_; }
    FrontCounters counters() const;

  private:
    FrontSettings settings_;
    RequestHandler handler_;
    std::uint16_t port_ = 0;
    int listen_fd_ = -1;
    std::unique_ptr<WorkerPool> pool_;
    std::unique_ptr<FrontLoop> loop_;
    std::thread loop_thread_;
};

}  // namespace es::net
