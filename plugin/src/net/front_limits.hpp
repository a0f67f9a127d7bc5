// What the front door allows each client and all clients together. Defaults hold on a 2-core
// machine; the portal and the sample host read them from their configuration.
#pragma once

#include <chrono>
#include <cstddef>

namespace es::net {

struct FrontLimits {
    // Open connections of one client (IPv4 address or IPv6 /64). A connection over it is parked:
    // held unread, in no epoll set, until one of its client's connections ends (then it is read
    // like any other) or header_timeout passed since its accept (then 503 + Retry-After). Parked
    // connections count in max_connections and are the first closed when room is needed.
    int max_connections_per_client = 32;
    // Open connections of everyone. Over it a parked connection, or else the oldest connection
    // still waiting for a request, is closed to make room; only when every connection is busy is
    // the newcomer refused, and a newcomer over its own client's limit always.
    int max_connections = 4096;
    // Requests of one client in the worker pool at once (downloads included), so that one client
    // cannot occupy every worker. A request over it waits, holding no worker, for one of its
    // client's requests to end, for up to busy_wait; then 503 + Retry-After.
    int max_busy_per_client = 8;
    // Waiting is what makes the limit fair: a client learns that an answer ended when its last
    // byte arrives, before the worker that sent it is counted free, and a browser or script that
    // asks again at once must not be refused for a request that is already answered.
    std::chrono::milliseconds busy_wait{1000};
    // Complete requests waiting for a free worker. Over it: 503 + Retry-After.
    int max_queued = 2000;
    // Requests whose handler reads the body as it arrives (uploads, FrontSettings::stream_body),
    // all clients together. Such a request holds a worker for as long as its client takes to send,
    // so without this bound enough slow uploads from enough addresses would hold every worker.
    // Over it: 503 + Retry-After. Keep it well below the number of workers.
    int max_streamed_bodies = 8;

    // From a new connection's accept, or a keep-alive request's first byte, until its head ended.
    std::chrono::seconds header_timeout{10};
    // From the end of the head until the body arrived. For a streamed body: each wait for more.
    std::chrono::seconds body_timeout{10};
    // A streamed body's average rate since its head, checked from body_timeout on: a client
    // sending a byte just before every body_timeout would otherwise hold a worker for days. Slower
    // than this, the stream ends there (the handler sees an incomplete body). 0: no minimum.
    std::size_t min_body_bytes_per_second = 1024;
    // A keep-alive connection waiting for its next request.
    std::chrono::seconds idle_timeout{15};
    // Each blocking write of a response (a client that stopped reading).
    std::chrono::seconds send_timeout{60};
    // Told to refused clients.
    std::chrono::seconds retry_after{5};

    std::size_t max_head_bytes = 16 * 1024;  // request line and headers; over it: 431
    std::size_t max_body_bytes = 16 * 1024;  // read whole before a worker sees it; over it: 413

    bool keep_alive = true;
    int max_requests_per_connection = 1000;
};

}  // namespace es::net
