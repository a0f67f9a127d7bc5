// The event loop behind HttpFront (see http_front.hpp for what it promises). One thread runs
// run(); workers call give_back() when they finished a request. Everything else belongs to the
// thread that leads the loop (holds lead_): the loop thread, or its standby thread while the loop
// thread serves a request itself (see run()). The tables below need no lock of their own.
#pragma once

#include <sys/epoll.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "net/client_key.hpp"
#include "net/connection.hpp"
#include "net/http_front.hpp"
#include "net/request_scan.hpp"
#include "net/worker_pool.hpp"

namespace es::net {

class FrontLoop {
  public:
    // Takes ownership of `listen_fd` once constructed: the loop closes it when draining begins.
    FrontLoop(const FrontSettings& settings, int listen_fd, WorkerPool& pool,
              const RequestHandler& handler);
    ~FrontLoop();
    FrontLoop(const FrontLoop&) = delete;
    FrontLoop& operator=(const FrontLoop&) = delete;

    void run();
    // Any thread: the loop drains (see HttpFront::stop) and returns.
    void request_stop();
    FrontCounters counters() const;
    // After run() returned.
    DrainOutcome drain_outcome() const { return outcome_; }

  private:
    using Clock = std::chrono::steady_clock;

    enum class Phase {
        Handshake,  // TLS handshake in progress
        Waiting,    // no byte of the next request yet
        Head,       // part of a head arrived
        Body,       // head complete, body arriving
        Queued,     // request complete; waits for its client to have fewer requests in progress
        Busy,       // a worker has it
        Delayed,    // its answer waits for a deadline (DeferredAnswer), in no worker
        Lingering,  // answered and closed for writing; draining what the client still sends
        Parked,     // over its client's connection limit: unread, in no epoll set (park())
    };

    struct Slot;
    struct Client {
        int open = 0;
        int busy = 0;
        std::deque<std::uint64_t> queued;  // slot ids, first come first; stale ids are skipped
        std::list<Slot*> parked;           // first come first
    };

    struct Slot {
        std::uint64_t id = 0;
        std::unique_ptr<Connection> connection;
        ClientKey client;
        bool exempt = false;
        bool counted = false;  // holds one of its client's `open`
        Phase phase = Phase::Waiting;
        bool head_clock = false;  // the header deadline is running
        bool peer_closed = false;
        bool continue_sent = false;
        bool streamed = false;  // its handler reads the body (FrontSettings::stream_body)
        int served = 0;
        std::string in;
        RequestScan scan;
        Clock::time_point deadline{};
        bool has_deadline = false;
        std::list<Slot*>::iterator waiting;
        bool in_waiting = false;
        std::list<Slot*>::iterator parked_at;         // in parked_
        std::list<Slot*>::iterator parked_by_client;  // in its Client's parked
        bool in_parked = false;
        std::uint32_t watched = 0;  // the events it is registered for (EPOLLET at least); 0: none
        std::optional<DeferredAnswer> deferred;
        bool keep_after_deferred = false;
    };

    enum class Outcome { Pending, Dispatched, Gone };

    // One round: wait for events and handle them; false once drained.
    bool turn();
    // The standby thread: runs the loop while the loop thread serves a request for long.
    void stand_by();
    // Its timer: fires `after` from now; 0 disarms it.
    void arm_standby(std::chrono::nanoseconds after);
    void wake();
    void accept_ready();
    void admit(int fd, const Poco::Net::SocketAddress& peer);
    void refuse_fresh(int fd, const Poco::Net::SocketAddress& peer, int status);
    void park(Slot& s);
    void promote(Slot& s);
    void leave_parked(Slot& s);
    void turn_away(Slot& s);  // a parked connection: 503 (plain HTTP) and closed
    void on_ready(Slot& s);
    Outcome advance(Slot& s);
    Outcome dispatch(Slot& s);
    Outcome queue_behind_its_client(Slot& s, Client& client);
    void dispatch_queued(const ClientKey& key);
    void serve(Slot* s);          // on a worker thread, or the loop thread (run())
    void send_deferred(Slot* s);  // on a worker thread
    // A LateAnswer's end, on whichever thread sends it.
    void finish_late(Slot* s, const std::string_view* bytes, bool keep);
    void give_back(Slot* s, bool keep);
    void release_deferred(Slot& s);
    void take_back();
    void refuse(Slot& s, int status);
    void finish(Slot& s);
    void destroy(Slot& s);
    void expire(Clock::time_point now);
    // Closes a parked connection, else the one waiting longest for a request. `now`: close it
    // outright (out of descriptors) instead of answering it and lingering.
    bool make_room(bool now);
    bool evict_oldest_waiting();
    void begin_drain();
    void cut_the_rest();
    bool drained() const;
    void close_listener();

    // Registers the slot for `events`, edge-triggered; no system call when it already is.
    void watch(Slot& s, std::uint32_t events);
    // The same, but always told to the kernel, which then reports the slot again if it is ready:
    // for a lingering connection that may have bytes left no new edge will announce.
    void watch_anew(Slot& s, std::uint32_t events);
    // Reports nothing more of the slot until watched again: a worker reads it (a streamed body).
    void unwatch(Slot& s);
    void register_events(Slot& s, std::uint32_t events);
    void set_deadline(Slot& s, Clock::time_point when);
    void clear_deadline(Slot& s);
    void enter_waiting(Slot& s);
    void leave_waiting(Slot& s);
    void release_client(Slot& s);
    void unqueue(Slot& s);
    int wait_milliseconds(Clock::time_point now) const;
    const std::string& answer(int status);

    const FrontSettings& settings_;
    const FrontLimits& limits_;
    int listen_fd_;
    WorkerPool& pool_;
    const RequestHandler& handler_;
    int epoll_fd_ = -1;
    int wake_fd_ = -1;

    std::mutex lead_;
    bool finished_ = false;              // drained: whoever leads next returns
    bool loop_thread_leads_ = false;     // a lone request may be served by the loop thread
    Slot* own_ = nullptr;                // the request run() serves after this turn
    std::atomic<bool> relieved_{false};  // the loop thread serves own_, the standby may lead
    std::atomic<bool> standby_leads_{false};
    std::atomic<bool> standby_quits_{false};
    int standby_fd_ = -1;  // timerfd
    std::vector<epoll_event> events_ = std::vector<epoll_event>(256);

    std::unordered_map<std::uint64_t, std::unique_ptr<Slot>> slots_;
    std::unordered_map<ClientKey, Client, ClientKeyHash> clients_;
    std::set<std::pair<Clock::time_point, std::uint64_t>> deadlines_;
    std::list<Slot*> waiting_;  // slots waiting for a request, longest waiting first
    std::list<Slot*> parked_;   // parked slots of every client, first come first
    std::uint64_t next_id_;
    std::size_t open_ = 0;  // counted and parked slots: what max_connections bounds
    std::size_t lingering_ = 0;
    std::size_t busy_ = 0;
    // Of busy_: requests reading a streamed body, until their answer begins (a worker's count
    // down, see serve()).
    std::atomic<std::size_t> streaming_{0};
    bool accept_paused_ = false;
    Clock::time_point accept_resume_{};
    std::unordered_map<int, std::string> answers_;

    std::mutex returned_mutex_;
    std::vector<std::pair<Slot*, bool>> returned_;
    std::atomic<bool> stopping_{false};
    // The loop thread's view of a stop: draining since begin_drain(), cut at drain_deadline_.
    bool draining_ = false;
    bool cut_ = false;
    Clock::time_point drain_deadline_{};
    DrainOutcome outcome_;

    struct Counters {
        std::atomic<std::uint64_t> accepted{0}, dispatched{0}, refused_client{0}, waited{0},
            refused_busy{0}, evicted{0}, timed_out{0}, bad_requests{0}, open{0}, served_by_loop{0},
            parked{0}, parked_now{0}, promoted{0};
    };
    Counters counters_;
};

}  // namespace es::net
