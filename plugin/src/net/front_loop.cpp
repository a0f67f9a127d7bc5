#include "net/front_loop.hpp"

#include <Poco/Net/IPAddress.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "net/canned_answer.hpp"

namespace es::net {
namespace {

constexpr std::uint64_t kListenerId = 1;
constexpr std::uint64_t kWakeId = 2;
constexpr std::uint64_t kFirstSlotId = 16;

// Accepts per wake-up, so a connection flood cannot keep the loop from reading requests.
constexpr int kAcceptBurst = 16;
// Deadlines handled per round, for the same reason (expire()).
constexpr int kExpiresPerRound = 32;
// How long the loop thread may serve a request itself before the standby thread runs the loop.
constexpr auto kReliefAfter = std::chrono::milliseconds(2);
// Answered connections draining their last bytes; beyond this many they are closed at once.
constexpr std::size_t kMaxLingering = 1024;
constexpr auto kLingerTime = std::chrono::seconds(2);
// What a lingering connection reads per event; the rest in the next round.
constexpr std::size_t kLingerReadStep = 64 * 1024;
// After running out of descriptors, accepting pauses this long (the listener would stay readable
// and spin the loop otherwise).
constexpr auto kAcceptPause = std::chrono::milliseconds(100);
// The loop wakes at least this often, even with nothing due.
constexpr int kMaxWaitMs = 1000;
// While draining, a connection accepted but without a request yet gets this long to send one: its
// client may have sent it already (a proxy connects, then writes), but a browser's speculative
// connection that never sends must not hold the drain until the header deadline.
constexpr auto kDrainGrace = std::chrono::seconds(1);

const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// A client reached over IPv4 on a dual-stack listener shows as ::ffff:a.b.c.d; logs, throttles and
// trusted-proxy lists expect a.b.c.d.
Poco::Net::SocketAddress plain_peer(const sockaddr_storage& ss, socklen_t length) {
    Poco::Net::SocketAddress peer(reinterpret_cast<const sockaddr*>(&ss), length);
    if (peer.family() == Poco::Net::SocketAddress::IPv6 && peer.host().isIPv4Mapped()) {
        const auto* raw = static_cast<const std::uint8_t*>(peer.host().addr()) + 12;
        return Poco::Net::SocketAddress(Poco::Net::IPAddress(raw, 4), peer.port());
    }
    return peer;
}

Poco::Net::SocketAddress local_of(int fd) {
    sockaddr_storage ss{};
    socklen_t length = sizeof ss;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &length) != 0) {
        return Poco::Net::SocketAddress();
    }
    return plain_peer(ss, length);
}

// Whether a whole request head waits unread in `fd`'s receive buffer (looked at, not taken).
bool head_waits(int fd, std::size_t max_head_bytes) {
    thread_local std::string peeked;
    peeked.resize(max_head_bytes);
    const ssize_t n = ::recv(fd, peeked.data(), peeked.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n <= 0) {
        return false;
    }
    const std::string_view head(peeked.data(), static_cast<std::size_t>(n));
    return head.find("\r\n\r\n") != std::string_view::npos ||
           head.find("\n\n") != std::string_view::npos;
}

}  // namespace

FrontLoop::FrontLoop(const FrontSettings& settings, int listen_fd, WorkerPool& pool,
                     const RequestHandler& handler)
    : settings_(settings),
      limits_(settings.limits),
      listen_fd_(listen_fd),
      pool_(pool),
      handler_(handler),
      next_id_(kFirstSlotId) {
    epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    standby_fd_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    if (epoll_fd_ < 0 || wake_fd_ < 0 || standby_fd_ < 0) {
        throw std::runtime_error(std::string("front door: epoll/eventfd/timerfd: ") +
                                 std::strerror(errno));
    }
    epoll_event listen_event{};
    listen_event.events = EPOLLIN;
    listen_event.data.u64 = kListenerId;
    epoll_event wake_event{};
    wake_event.events = EPOLLIN;
    wake_event.data.u64 = kWakeId;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &listen_event) != 0 ||
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake_event) != 0) {
        throw std::runtime_error(std::string("front door: epoll_ctl: ") + std::strerror(errno));
    }
    for (int status : {400, 411, 413, 431, 501, 503, 505}) {
        answers_.emplace(status, canned_answer(status, limits_.retry_after, settings_.refusal));
    }
}

FrontLoop::~FrontLoop() {
    slots_.clear();
    close_listener();
    if (wake_fd_ >= 0) {
        ::close(wake_fd_);
    }
    if (standby_fd_ >= 0) {
        ::close(standby_fd_);
    }
    if (epoll_fd_ >= 0) {
        ::close(epoll_fd_);
    }
}

void FrontLoop::request_stop() {
    stopping_ = true;
    wake();
}

FrontCounters FrontLoop::counters() const {
    FrontCounters c;
    c.accepted = counters_.accepted;
    c.dispatched = counters_.dispatched;
    c.refused_client = counters_.refused_client;
    c.waited = counters_.waited;
    c.refused_busy = counters_.refused_busy;
    c.evicted = counters_.evicted;
    c.timed_out = counters_.timed_out;
    c.bad_requests = counters_.bad_requests;
    c.open = counters_.open;
    c.served_by_loop = counters_.served_by_loop;
    c.parked = counters_.parked;
    c.parked_now = counters_.parked_now;
    c.promoted = counters_.promoted;
    return c;
}

// The loop thread serves a lone request itself, with the request's bytes still in its caches and
// no other thread to wake. Handed to a sleeping worker, the request waited for that thread to
// wake, often on the other, idle CPU: on the bench's VM that made a quiet page's p99 2-3x its
// median (docs/performance.md, run 16). Only a request that finds no other in progress is served
// so; under load the pool's threads are warm anyway. Should it take longer than kReliefAfter (a
// database round trip, a download), a standby thread takes over the loop until it is done, so
// the other connections wait no longer than that. Asking a pool thread to take over at once
// instead cost two more thread switches per page, and its wake-up often preempted the request.
void FrontLoop::run() {
    block_sigpipe_in_this_thread();
    std::thread standby([this] { stand_by(); });
    const auto stop_standby = [&] {
        standby_quits_ = true;
        arm_standby(std::chrono::nanoseconds(1));
        standby.join();
    };
    try {
        std::unique_lock lead(lead_);
        while (!finished_) {
            loop_thread_leads_ = true;
            if (!turn()) {
                finished_ = true;
                break;
            }
            Slot* own = std::exchange(own_, nullptr);
            if (own == nullptr) {
                continue;
            }
            loop_thread_leads_ = false;
            relieved_ = true;
            arm_standby(kReliefAfter);
            lead.unlock();
            serve(own);
            relieved_ = false;
            arm_standby(std::chrono::nanoseconds(0));
            if (standby_leads_) {
                wake();  // it may sleep in epoll_wait
            }
            lead.lock();
        }
    } catch (...) {
        stop_standby();
        throw;
    }
    stop_standby();
}

void FrontLoop::arm_standby(std::chrono::nanoseconds after) {
    itimerspec when{};
    when.it_value.tv_sec = static_cast<time_t>(after.count() / 1000000000);
    when.it_value.tv_nsec = static_cast<long>(after.count() % 1000000000);
    ::timerfd_settime(standby_fd_, 0, &when, nullptr);
}

void FrontLoop::stand_by() {
    block_sigpipe_in_this_thread();
    for (;;) {
        std::uint64_t expirations = 0;
        const ssize_t r = ::read(standby_fd_, &expirations, sizeof expirations);
        if (standby_quits_) {
            return;
        }
        if (r != static_cast<ssize_t>(sizeof expirations)) {
            continue;  // EINTR
        }
        // Held by the loop thread, the lead is not this thread's to take: its request ended
        // as the timer fired.
        std::unique_lock lead(lead_, std::try_to_lock);
        if (!lead.owns_lock()) {
            continue;
        }
        standby_leads_ = true;
        while (relieved_ && !finished_) {
            if (!turn()) {
                finished_ = true;
            }
        }
        standby_leads_ = false;
    }
}

void FrontLoop::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

bool FrontLoop::turn() {
    if (stopping_ && !draining_) {
        begin_drain();
    }
    if (draining_) {
        if (!cut_ && Clock::now() >= drain_deadline_) {
            cut_the_rest();
        }
        if (drained()) {
            return false;
        }
    }
    const int n = ::epoll_wait(epoll_fd_, events_.data(), static_cast<int>(events_.size()),
                               wait_milliseconds(Clock::now()));
    if (n < 0 && errno != EINTR) {
        throw std::runtime_error(std::string("front door: epoll_wait: ") + std::strerror(errno));
    }
    // Finished requests first: a client whose answer arrived may have sent its next request
    // already, and it must find the finished one no longer counted. New connections last:
    // closes of this round free their places first, so a client that closed one connection
    // may open the next.
    for (int i = 0; i < n; ++i) {
        if (events_[static_cast<std::size_t>(i)].data.u64 == kWakeId) {
            std::uint64_t count;
            [[maybe_unused]] const ssize_t r = ::read(wake_fd_, &count, sizeof count);
            take_back();
        }
    }
    bool accept_due = false;
    for (int i = 0; i < n; ++i) {
        const std::uint64_t id = events_[static_cast<std::size_t>(i)].data.u64;
        if (id == kWakeId) {
            continue;
        } else if (id == kListenerId) {
            accept_due = !draining_;
        } else if (auto it = slots_.find(id); it != slots_.end()) {
            on_ready(*it->second);
        }
    }
    // A lone request the loop thread is about to serve goes before this round's accepts and
    // expirations: both are still due in the next round (the listener stays readable, and
    // wait_milliseconds() is 0 while a deadline has passed), which follows the request at once.
    if (own_ != nullptr) {
        return true;
    }
    if (accept_due) {
        accept_ready();
    }
    const auto now = Clock::now();
    expire(now);
    if (accept_paused_ && !draining_ && now >= accept_resume_) {
        epoll_event e{};
        e.events = EPOLLIN;
        e.data.u64 = kListenerId;
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &e);
        accept_paused_ = false;
    }
    return true;
}

int FrontLoop::wait_milliseconds(Clock::time_point now) const {
    auto next = now + std::chrono::milliseconds(kMaxWaitMs);
    if (!deadlines_.empty()) {
        next = std::min(next, deadlines_.begin()->first);
    }
    if (accept_paused_) {
        next = std::min(next, accept_resume_);
    }
    if (draining_ && !cut_) {
        next = std::min(next, drain_deadline_);
    }
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(next - now).count();
    return static_cast<int>(std::clamp<long long>(ms, 0, kMaxWaitMs));
}

// ---- accepting ----

void FrontLoop::accept_ready() {
    for (int i = 0; i < kAcceptBurst; ++i) {
        sockaddr_storage ss{};
        socklen_t length = sizeof ss;
        const int fd = ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&ss), &length,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED || errno == EPROTO) {
                continue;
            }
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                if (make_room(true)) {
                    continue;
                }
                ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
                accept_paused_ = true;
                accept_resume_ = Clock::now() + kAcceptPause;
            }
            return;  // EAGAIN: nobody else is waiting
        }
        ++counters_.accepted;
        admit(fd, plain_peer(ss, length));
    }
}

void FrontLoop::admit(int fd, const Poco::Net::SocketAddress& peer) {
    const ClientKey key = client_key_of(peer.host());
    const bool exempt = settings_.exempt && settings_.exempt(peer.host());
    bool over = false;
    if (!exempt) {
        auto it = clients_.find(key);
        over = it != clients_.end() && it->second.open >= limits_.max_connections_per_client;
    }
    if (open_ >= static_cast<std::size_t>(limits_.max_connections)) {
        if (over) {
            // A client over its own limit takes nobody's place, and with every place taken it is
            // flooding: it is closed without an answer, the cheapest way (as nginx does when its
            // worker_connections are used up).
            ++counters_.refused_client;
            ::close(fd);
            return;
        }
        if (!make_room(false)) {
            ++counters_.refused_busy;
            refuse_fresh(fd, peer, 503);
            return;
        }
    }
    SSL* ssl = nullptr;
    try {
        if (settings_.tls) {
            ssl = settings_.tls->new_session(fd);
        }
    } catch (const std::exception&) {
        ::close(fd);
        return;
    }
    auto slot = std::make_unique<Slot>();
    Slot& s = *slot;
    s.id = next_id_++;
    s.connection = std::make_unique<Connection>(fd, peer, local_of(fd), ssl, limits_.send_timeout);
    s.client = key;
    s.exempt = exempt;
    slots_.emplace(s.id, std::move(slot));
    // The first request's clock starts at accept: a connection that never sends must not stay,
    // and one that was parked has no longer for its head than any other.
    s.head_clock = true;
    set_deadline(s, Clock::now() + limits_.header_timeout);
    if (over) {
        park(s);
        return;
    }
    s.counted = true;
    ++clients_[key].open;
    ++open_;
    ++counters_.open;
    s.phase = ssl ? Phase::Handshake : Phase::Waiting;
    enter_waiting(s);
    watch(s, EPOLLIN);
}

// Refused at once, a connection over its client's limit came back a second later: a single
// address holding its limit and flooding more made the loop accept, answer and close thousands
// of connections per second, on the CPUs the other clients' requests need (docs/performance.md,
// run 17). Parked, it costs nothing until its header deadline: its bytes wait in the kernel, no
// event announces them. It is read once one of its client's connections ended (promote()), so a
// browser behind a busy shared address waits instead of being refused.
void FrontLoop::park(Slot& s) {
    s.phase = Phase::Parked;
    Client& client = clients_[s.client];
    s.parked_by_client = client.parked.insert(client.parked.end(), &s);
    s.parked_at = parked_.insert(parked_.end(), &s);
    s.in_parked = true;
    ++open_;
    ++counters_.open;
    ++counters_.parked;
    ++counters_.parked_now;
}

// One of its client's places is free: the connection is read from now on, its header deadline
// still the one from its accept.
void FrontLoop::promote(Slot& s) {
    s.counted = true;
    ++clients_[s.client].open;
    ++open_;
    ++counters_.open;
    leave_parked(s);
    ++counters_.promoted;
    s.phase = settings_.tls ? Phase::Handshake : Phase::Waiting;
    enter_waiting(s);
    watch(s, EPOLLIN);  // what it sent while parked makes it ready at once
}

void FrontLoop::leave_parked(Slot& s) {
    if (!s.in_parked) {
        return;
    }
    s.in_parked = false;
    parked_.erase(s.parked_at);
    --open_;
    --counters_.open;
    --counters_.parked_now;
    auto it = clients_.find(s.client);
    if (it == clients_.end()) {
        return;
    }
    it->second.parked.erase(s.parked_by_client);
    if (it->second.open <= 0 && it->second.busy <= 0 && it->second.parked.empty()) {
        clients_.erase(it);
    }
}

// A parked connection's time is up, or its place is needed. One whose request head has arrived
// is told 503 after what it sent is read (closing with unread bytes would reset the connection
// and could destroy the answer). One that has not sent a whole head is closed, as any connection
// at its header deadline: that is what a slow-header flood's thousands of parked connections
// are, and answering and lingering for each of them cost a burst of work when they all expired
// together (docs/performance.md, run 17). Under TLS there is nobody to talk to before a
// handshake, so it is closed.
void FrontLoop::turn_away(Slot& s) {
    leave_parked(s);
    clear_deadline(s);
    ++counters_.refused_client;
    if (settings_.tls || lingering_ >= kMaxLingering ||
        !head_waits(s.connection->descriptor(), limits_.max_head_bytes)) {
        destroy(s);
        return;
    }
    std::string ignored;
    s.connection->receive_available(ignored, kLingerReadStep);
    s.connection->send_best_effort(answer(503));
    finish(s);
}

// A connection refused before it became a slot: under TLS there is nobody to talk to before a
// handshake, so it is closed; in plain HTTP it gets its answer and a lingering close.
void FrontLoop::refuse_fresh(int fd, const Poco::Net::SocketAddress& peer, int status) {
    if (settings_.tls || lingering_ >= kMaxLingering) {
        ::close(fd);
        return;
    }
    auto slot = std::make_unique<Slot>();
    Slot& s = *slot;
    s.id = next_id_++;
    s.connection = std::make_unique<Connection>(fd, peer, Poco::Net::SocketAddress(), nullptr,
                                                std::chrono::seconds(0));
    s.client = client_key_of(peer.host());
    slots_.emplace(s.id, std::move(slot));
    // What the client sent already is read first: closing with unread bytes would reset the
    // connection and could destroy the answer before the client reads it.
    std::string ignored;
    s.connection->receive_available(ignored, kLingerReadStep);
    s.connection->send_best_effort(answer(status));
    finish(s);
}

// ---- reading ----

// Slots are watched edge-triggered: an event means bytes arrived since the last read, and the slot
// stays registered as it is. A client that trickles its head a byte at a time then costs one recv
// per byte; armed one-shot, it cost an epoll_ctl more each time, and a flood of such clients
// spent the CPU the other clients' pages needed (docs/performance.md, run 18). Edges that arrive
// while a worker has the connection are ignored here; take_back() reads at once, and finish()
// asks the kernel again (watch_anew), so nothing sent meanwhile is missed.
void FrontLoop::on_ready(Slot& s) {
    if (s.phase == Phase::Busy || s.phase == Phase::Delayed || s.phase == Phase::Queued ||
        s.phase == Phase::Parked) {
        return;  // not the loop's to read now; it is watched anew when it comes back
    }
    if (s.phase == Phase::Lingering) {
        std::string ignored;
        const auto r = s.connection->receive_available(ignored, kLingerReadStep);
        if (r.closed) {
            destroy(s);
        } else if (r.bytes == kLingerReadStep) {
            // More may wait, and a client that sent its last bytes already sends no new edge
            // for them: the kernel is asked to report the slot again.
            watch_anew(s, EPOLLIN);
        } else {
            watch(s, EPOLLIN);
        }
        return;
    }
    if (s.phase == Phase::Handshake) {
        switch (s.connection->handshake()) {
            case Connection::Progress::Done:
                s.phase = Phase::Waiting;
                break;
            case Connection::Progress::WantRead:
                watch(s, EPOLLIN);
                return;
            case Connection::Progress::WantWrite:
                watch(s, EPOLLOUT);
                return;
            case Connection::Progress::Failed:
                destroy(s);
                return;
        }
    }
    const std::size_t cap = limits_.max_head_bytes + limits_.max_body_bytes + 1;
    const std::size_t room = s.in.size() < cap ? cap - s.in.size() : 0;
    const auto r = s.connection->receive_available(s.in, room);
    if (r.bytes > 0 && s.phase == Phase::Waiting) {
        s.phase = Phase::Head;
        if (!s.head_clock) {
            s.head_clock = true;
            set_deadline(s, Clock::now() + limits_.header_timeout);
        }
    }
    if (r.closed) {
        s.peer_closed = true;
    }
    if (advance(s) == Outcome::Pending) {
        if (s.peer_closed) {
            destroy(s);  // gone before its request was complete
        } else {
            watch(s, EPOLLIN);
        }
    }
}

FrontLoop::Outcome FrontLoop::advance(Slot& s) {
    if (s.phase != Phase::Head && s.phase != Phase::Body) {
        return Outcome::Pending;
    }
    if (s.phase == Phase::Head) {
        // With streamed routes the body limit is applied once the head tells which kind it is.
        const bool may_stream = static_cast<bool>(settings_.stream_body);
        RequestScan scan = scan_request(
            s.in, limits_.max_head_bytes,
            may_stream ? std::numeric_limits<std::size_t>::max() : limits_.max_body_bytes);
        if (scan.state == RequestScan::State::Complete && may_stream) {
            s.streamed = settings_.stream_body(*scan.head);
            if (!s.streamed && scan.body_size > limits_.max_body_bytes) {
                scan = RequestScan{};
                scan.state = RequestScan::State::Refused;
                scan.status = 413;
            }
        }
        if (scan.state == RequestScan::State::Incomplete) {
            return Outcome::Pending;
        }
        if (scan.state == RequestScan::State::Refused) {
            ++counters_.bad_requests;
            refuse(s, scan.status);
            return Outcome::Gone;
        }
        s.scan = std::move(scan);
        if (s.streamed) {
            if (s.scan.expect_continue && s.in.size() < s.scan.head_size + s.scan.body_size) {
                s.continue_sent = true;
                s.connection->send_best_effort(kContinue);
            }
            return dispatch(s);  // its handler reads the body
        }
        if (s.in.size() < s.scan.head_size + s.scan.body_size) {
            s.phase = Phase::Body;
            set_deadline(s, Clock::now() + limits_.body_timeout);
            if (s.scan.expect_continue && !s.continue_sent) {
                s.continue_sent = true;
                s.connection->send_best_effort(kContinue);
            }
            return Outcome::Pending;
        }
    } else if (s.in.size() < s.scan.head_size + s.scan.body_size) {
        return Outcome::Pending;
    }
    return dispatch(s);
}

// ---- handing over to the workers and back ----

FrontLoop::Outcome FrontLoop::dispatch(Slot& s) {
    Client& client = clients_[s.client];
    if (!s.exempt && client.busy >= limits_.max_busy_per_client) {
        return queue_behind_its_client(s, client);
    }
    if (s.streamed && streaming_.load() >= static_cast<std::size_t>(limits_.max_streamed_bodies)) {
        ++counters_.refused_busy;
        refuse(s, 503);
        return Outcome::Gone;
    }
    // Everything the loop keeps about the slot is settled before a worker may touch it. It stays
    // watched: the client sends nothing more until it has its answer, and an edge that comes
    // anyway is ignored (on_ready). A streamed body is read by the worker, every packet an edge,
    // so that slot is not watched while its worker reads.
    clear_deadline(s);
    leave_waiting(s);
    const Phase before = s.phase;
    const bool lone = busy_ == 0 && own_ == nullptr && loop_thread_leads_ && !draining_;
    s.phase = Phase::Busy;
    ++client.busy;
    ++busy_;
    if (s.streamed) {
        unwatch(s);
        ++streaming_;
        // Counted down by the worker when the answer begins, not when the slot comes back: the
        // client may start its next upload as soon as it reads this answer.
        s.connection->before_answer([this] { --streaming_; });
    }
    if (lone && !s.streamed) {
        own_ = &s;  // run() serves it once this turn is over
        ++counters_.served_by_loop;
    } else if (!pool_.post([this, p = &s] { serve(p); })) {
        --client.busy;
        --busy_;
        s.connection->answer_begun();
        s.phase = before;
        ++counters_.refused_busy;
        refuse(s, 503);
        return Outcome::Gone;
    }
    ++counters_.dispatched;
    return Outcome::Dispatched;
}

// The request is complete and holds nothing but its buffer: it waits in the loop, its edges
// ignored, until one of its client's requests ends (dispatch_queued) or busy_wait passed (expire).
FrontLoop::Outcome FrontLoop::queue_behind_its_client(Slot& s, Client& client) {
    if (limits_.busy_wait <= std::chrono::milliseconds(0)) {
        ++counters_.refused_client;
        refuse(s, 503);
        return Outcome::Gone;
    }
    ++counters_.waited;
    leave_waiting(s);
    s.phase = Phase::Queued;
    set_deadline(s, Clock::now() + limits_.busy_wait);
    client.queued.push_back(s.id);
    return Outcome::Dispatched;
}

void FrontLoop::dispatch_queued(const ClientKey& key) {
    for (;;) {
        auto it = clients_.find(key);
        if (it == clients_.end() || it->second.queued.empty() ||
            it->second.busy >= limits_.max_busy_per_client) {
            return;
        }
        const std::uint64_t id = it->second.queued.front();
        it->second.queued.pop_front();
        auto slot = slots_.find(id);
        if (slot == slots_.end() || slot->second->phase != Phase::Queued) {
            continue;
        }
        clear_deadline(*slot->second);
        dispatch(*slot->second);
    }
}

void FrontLoop::unqueue(Slot& s) {
    auto it = clients_.find(s.client);
    if (it == clients_.end()) {
        return;
    }
    auto& queued = it->second.queued;
    queued.erase(std::remove(queued.begin(), queued.end(), s.id), queued.end());
}

void FrontLoop::serve(Slot* s) {
    bool keep = false;
    bool late = false;
    try {
        IncomingRequest request;
        request.head = std::move(s->scan.head);
        const std::size_t arrived = std::min(s->in.size() - s->scan.head_size, s->scan.body_size);
        request.body.assign(s->in, s->scan.head_size, arrived);
        s->in.erase(0, s->scan.head_size + arrived);
        if (s->in.empty()) {
            std::string().swap(s->in);  // an idle keep-alive connection holds no buffer
        }
        request.may_keep_alive = limits_.keep_alive && !s->peer_closed && !stopping_ &&
                                 s->served + 1 < limits_.max_requests_per_connection;
        if (s->streamed) {
            request.body_to_read = s->scan.body_size - arrived;
            request.body_timeout = limits_.body_timeout;
            request.min_body_bytes_per_second = limits_.min_body_bytes_per_second;
            // Whether the handler read the whole body is its own affair: the next request
            // could begin anywhere, so the connection ends with this answer.
            request.may_keep_alive = false;
        }
        // Counted before the handler runs: once it hands its answer on, another thread may give
        // the slot back and the loop reuse it, so nothing below may touch the slot then.
        ++s->served;
        request.answer_later = [this, s, &late, may_keep = request.may_keep_alive] {
            late = true;
            return LateAnswer([this, s, may_keep](const std::string_view* bytes, bool keep) {
                finish_late(s, bytes, keep && may_keep);
            });
        };
        keep = handler_(request, *s->connection) && request.may_keep_alive;
        if (late) {
            return;  // its answer counts down when it is sent (finish_late)
        }
        s->connection->answer_begun();  // a handler that wrote nothing (deferred, or none)
        s->deferred = std::move(request.deferred);
    } catch (...) {
        if (late) {
            return;  // the LateAnswer, destroyed on the way out, closed the connection
        }
        s->connection->answer_begun();
        keep = false;
        s->deferred.reset();
    }
    give_back(s, keep);
}

void FrontLoop::finish_late(Slot* s, const std::string_view* bytes, bool keep) {
    s->connection->answer_begun();
    if (bytes == nullptr) {
        s->connection->shutdown();
        keep = false;
    } else {
        try {
            s->connection->send_all(*bytes);
        } catch (...) {
            s->connection->shutdown();
            keep = false;
        }
    }
    give_back(s, keep);
}

void FrontLoop::send_deferred(Slot* s) {
    bool keep = s->keep_after_deferred;
    try {
        s->connection->send_all(s->deferred->bytes);
    } catch (...) {
        s->connection->shutdown();
        keep = false;
    }
    s->deferred.reset();
    give_back(s, keep);
}

void FrontLoop::give_back(Slot* s, bool keep) {
    bool first = false;
    {
        std::lock_guard lock(returned_mutex_);
        // Only the first return since the loop last took them wakes it: the rest ride along, and
        // under load most requests then cost no write(2) to the eventfd.
        first = returned_.empty();
        returned_.emplace_back(s, keep);
    }
    if (first) {
        wake();
    }
}

void FrontLoop::take_back() {
    std::vector<std::pair<Slot*, bool>> back;
    {
        std::lock_guard lock(returned_mutex_);
        back.swap(returned_);
    }
    for (auto [s, keep] : back) {
        --busy_;
        s->streamed = false;
        auto it = clients_.find(s->client);
        if (it != clients_.end()) {
            --it->second.busy;
            if (!it->second.queued.empty()) {
                dispatch_queued(s->client);
            }
        }
        if (s->deferred && !cut_) {
            // The answer waits in the loop: a timer, no worker.
            s->keep_after_deferred = keep;
            s->phase = Phase::Delayed;
            enter_waiting(*s);
            set_deadline(*s, Clock::now() + s->deferred->delay);
            continue;
        }
        if (cut_) {
            destroy(*s);
            continue;
        }
        if (!keep) {
            finish(*s);
            continue;
        }
        if (stopping_) {
            // Its answer let the client keep the connection, so it is an idle keep-alive
            // connection now: closed at once, as begin_drain() closes the others.
            destroy(*s);
            continue;
        }
        s->continue_sent = false;
        s->scan = RequestScan{};
        enter_waiting(*s);
        if (s->in.empty()) {
            s->phase = Phase::Waiting;
            s->head_clock = false;
            set_deadline(*s, Clock::now() + limits_.idle_timeout);
        } else {
            // The client sent its next request before this answer (pipelining).
            s->phase = Phase::Head;
            s->head_clock = true;
            set_deadline(*s, Clock::now() + limits_.header_timeout);
            if (advance(*s) != Outcome::Pending) {
                continue;
            }
        }
        // Read at once: what its client sent while a worker had the connection came with an edge
        // that the loop ignored (and a TLS connection may hold decrypted bytes no edge will
        // announce). If nothing came, the slot stays watched and the next arrival brings an
        // edge; the recv that finds nothing costs what asking the kernel again would.
        on_ready(*s);
    }
}

// ---- ending connections ----

void FrontLoop::refuse(Slot& s, int status) {
    s.connection->send_best_effort(answer(status));
    finish(s);
}

// The answer has gone out: close our side, and read what the client still sends until it closes
// too (or kLingerTime passed), so its last request bytes do not turn our close into a reset.
void FrontLoop::finish(Slot& s) {
    if (lingering_ >= kMaxLingering) {
        destroy(s);
        return;
    }
    release_client(s);
    leave_waiting(s);
    s.connection->close_write();
    s.phase = Phase::Lingering;
    ++lingering_;
    set_deadline(s, Clock::now() + kLingerTime);
    watch_anew(s, EPOLLIN);  // from a worker, its client's last bytes may have come unheeded
}

void FrontLoop::destroy(Slot& s) {
    if (s.phase == Phase::Lingering) {
        --lingering_;
    }
    if (s.phase == Phase::Queued) {
        unqueue(s);
    }
    leave_parked(s);
    release_client(s);
    leave_waiting(s);
    clear_deadline(s);
    slots_.erase(s.id);  // closing the descriptor also takes it out of the epoll set
}

void FrontLoop::release_client(Slot& s) {
    if (!s.counted) {
        return;
    }
    s.counted = false;
    --open_;
    --counters_.open;
    auto it = clients_.find(s.client);
    if (it == clients_.end()) {
        return;
    }
    Client& client = it->second;
    --client.open;
    if (!client.parked.empty() && !draining_ && client.open < limits_.max_connections_per_client) {
        // Parked in order of accept, so the ones whose header deadline passed come first; they
        // are told 503 by expire(), not read.
        const auto now = Clock::now();
        for (Slot* parked : client.parked) {
            if (parked->deadline > now) {
                promote(*parked);
                return;
            }
        }
    } else if (client.open <= 0 && client.busy <= 0 && client.parked.empty()) {
        clients_.erase(it);
    }
}

void FrontLoop::expire(Clock::time_point now) {
    // A bounded number per round: thousands of parked connections accepted together reach their
    // header deadline together, and answering them all in one round (four system calls each)
    // would keep every other connection waiting until the last. The rest are due in the next
    // round.
    for (int done = 0;
         done < kExpiresPerRound && !deadlines_.empty() && deadlines_.begin()->first <= now;
         ++done) {
        const std::uint64_t id = deadlines_.begin()->second;
        auto it = slots_.find(id);
        if (it == slots_.end()) {
            deadlines_.erase(deadlines_.begin());
            continue;
        }
        Slot& s = *it->second;
        if (s.phase == Phase::Delayed) {
            release_deferred(s);
            continue;
        }
        if (s.phase == Phase::Parked) {
            turn_away(s);
            continue;
        }
        if (s.phase == Phase::Queued) {
            // Its client's other requests still fill max_busy_per_client.
            clear_deadline(s);
            unqueue(s);
            ++counters_.refused_client;
            refuse(s, 503);
            continue;
        }
        if (s.phase != Phase::Lingering) {
            ++counters_.timed_out;
        }
        destroy(s);
    }
}

// A delayed answer is due: a worker sends it (it may not fit the socket buffer at once) and gives
// the connection back as after any request.
void FrontLoop::release_deferred(Slot& s) {
    clear_deadline(s);
    leave_waiting(s);
    s.phase = Phase::Busy;
    ++clients_[s.client].busy;
    ++busy_;
    if (!pool_.post([this, p = &s] { send_deferred(p); })) {
        --clients_[s.client].busy;
        --busy_;
        s.deferred.reset();
        s.phase = Phase::Waiting;
        destroy(s);
    }
}

bool FrontLoop::make_room(bool now) {
    if (parked_.empty()) {
        return evict_oldest_waiting();
    }
    ++counters_.evicted;
    Slot& s = *parked_.front();
    if (now) {
        ++counters_.refused_client;
        destroy(s);
    } else {
        turn_away(s);
    }
    return true;
}

bool FrontLoop::evict_oldest_waiting() {
    if (waiting_.empty()) {
        return false;
    }
    ++counters_.evicted;
    destroy(*waiting_.front());
    return true;
}

// ---- stopping ----

// New connections are refused from here on: a load balancer's connect fails and it tries another
// instance. What the kernel already accepted is taken first, since closing the listener would
// reset those connections after their client may have sent a request.
void FrontLoop::begin_drain() {
    draining_ = true;
    const auto now = Clock::now();
    drain_deadline_ = now + settings_.drain_timeout;
    if (listen_fd_ >= 0 && !accept_paused_) {
        accept_ready();
    }
    close_listener();
    std::vector<Slot*> all;
    all.reserve(slots_.size());
    for (auto& [id, slot] : slots_) {
        all.push_back(slot.get());
    }
    for (Slot* s : all) {
        switch (s->phase) {
            case Phase::Busy:
            case Phase::Delayed:
            case Phase::Queued:
                ++outcome_.in_flight;
                break;
            case Phase::Head:
            case Phase::Body:
                ++outcome_.in_flight;  // its request is arriving; it is answered, then closed
                break;
            case Phase::Handshake:
            case Phase::Waiting:
                if (s->served > 0) {
                    destroy(*s);  // idle keep-alive: nothing in progress, nothing to wait for
                } else if (!s->has_deadline || s->deadline > now + kDrainGrace) {
                    set_deadline(*s, now + kDrainGrace);
                }
                break;
            case Phase::Parked:
                turn_away(*s);  // never read: it may come back to another instance
                break;
            case Phase::Lingering:
                break;
        }
    }
}

// The drain deadline passed: whatever is still open is closed, mid-transfer or not.
void FrontLoop::cut_the_rest() {
    cut_ = true;
    std::vector<Slot*> all;
    all.reserve(slots_.size());
    for (auto& [id, slot] : slots_) {
        all.push_back(slot.get());
    }
    for (Slot* s : all) {
        if (s->phase != Phase::Lingering) {
            ++outcome_.cut;
        }
        if (s->phase == Phase::Busy) {
            s->connection->shutdown();  // its worker's writes fail now; take_back() ends it
        } else {
            destroy(*s);
        }
    }
}

// Every request answered (or cut) and every worker's connection back; lingering closes wait for
// their clients' last bytes as long as the deadline allows.
bool FrontLoop::drained() const {
    return busy_ == 0 && (slots_.empty() || cut_);
}

void FrontLoop::close_listener() {
    if (listen_fd_ < 0) {
        return;
    }
    if (!accept_paused_) {
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
    }
    ::close(listen_fd_);
    listen_fd_ = -1;
}

// ---- bookkeeping ----

void FrontLoop::watch(Slot& s, std::uint32_t events) {
    if (s.watched != (events | EPOLLET)) {
        register_events(s, events | EPOLLET);
    }
}

void FrontLoop::watch_anew(Slot& s, std::uint32_t events) {
    register_events(s, events | EPOLLET);
}

void FrontLoop::unwatch(Slot& s) {
    if (s.watched != 0) {
        // Registered for nothing, a hang-up is still reported (EPOLLHUP is implied); on_ready
        // ignores it while a worker has the connection.
        register_events(s, EPOLLET);
    }
}

void FrontLoop::register_events(Slot& s, std::uint32_t events) {
    epoll_event e{};
    e.events = events;
    e.data.u64 = s.id;
    const int op = s.watched != 0 ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (::epoll_ctl(epoll_fd_, op, s.connection->descriptor(), &e) == 0) {
        s.watched = events;
    }
}

void FrontLoop::set_deadline(Slot& s, Clock::time_point when) {
    clear_deadline(s);
    s.deadline = when;
    s.has_deadline = true;
    deadlines_.emplace(when, s.id);
}

void FrontLoop::clear_deadline(Slot& s) {
    if (s.has_deadline) {
        deadlines_.erase({s.deadline, s.id});
        s.has_deadline = false;
    }
}

void FrontLoop::enter_waiting(Slot& s) {
    leave_waiting(s);
    s.waiting = waiting_.insert(waiting_.end(), &s);
    s.in_waiting = true;
}

void FrontLoop::leave_waiting(Slot& s) {
    if (s.in_waiting) {
        waiting_.erase(s.waiting);
        s.in_waiting = false;
    }
}

const std::string& FrontLoop::answer(int status) {
    auto it = answers_.find(status);
    return it != answers_.end() ? it->second : answers_.at(400);
}

}  // namespace es::net
