// The front door at the HTTP level: real sockets from many loopback source addresses against a
// running HttpFront with a small echo handler. Idle and trickling clients must cost no worker,
// every limit must refuse only the client over it, and every deadline must end a connection.
#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "net/http_front.hpp"
#include "raw_client.hpp"

namespace es::net::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

std::string lower(std::string s) {
    for (auto& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

class FrontDoorTest : public ::testing::Test {
  protected:
    void SetUp() override { raise_descriptor_limit(); }
    void TearDown() override {
        release();
        if (front_) {
            front_->stop();
        }
    }

    // Starts the front door with `s` (port 0) and a handler that answers "<method> <uri> <body>";
    // "/hold" waits until release() first.
    void start(FrontSettings s) {
        s.listen_address = "127.0.0.1";
        s.port = 0;
        front_ = std::make_unique<HttpFront>(
            std::move(s), [this](IncomingRequest& r, Connection& c) { return answer(r, c); });
        front_->start();
    }

    bool answer(IncomingRequest& r, Connection& c) {
        if (r.head->getURI() == "/hold") {
            std::unique_lock lock(mutex_);
            ++holding_;
            changed_.notify_all();
            changed_.wait(lock, [this] { return released_; });
        }
        const std::string body = r.head->getMethod() + " " + r.head->getURI() + " " + r.body;
        std::string out = "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) +
                          "\r\n" + (r.may_keep_alive ? "" : "Connection: close\r\n") + "\r\n" +
                          body;
        if (r.head->getURI() == "/later") {
            r.deferred = DeferredAnswer{out, 500ms};
            return r.may_keep_alive;
        }
        if (r.head->getURI() == "/handed-on" || r.head->getURI() == "/dropped") {
            std::lock_guard lock(mutex_);
            late_.push_back(r.answer_later());
            late_answers_.push_back(r.head->getURI() == "/dropped" ? "" : out);
            changed_.notify_all();
            return true;  // ignored once the answer is handed on
        }
        c.send_all(out);
        return r.may_keep_alive;
    }

    void wait_for_holding(int n) {
        std::unique_lock lock(mutex_);
        ASSERT_TRUE(changed_.wait_for(lock, 5s, [&] { return holding_ >= n; }))
            << "only " << holding_ << " requests reached the handler";
    }
    void release() {
        std::lock_guard lock(mutex_);
        released_ = true;
        changed_.notify_all();
    }

    RawClient connect(const std::string& from) { return RawClient("127.0.0.1", port(), from); }
    // A connection from `from` with a request that the handler holds until release().
    RawClient holding(const std::string& from) {
        auto c = connect(from);
        c.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
        return c;
    }
    // Starts the front door with two requests in progress per client and `busy_wait`, and holds
    // two requests of 127.0.0.2 in the handler.
    std::pair<RawClient, RawClient> client_at_its_limit_of_two(
        std::chrono::milliseconds busy_wait) {
        FrontSettings s;
        s.limits.max_busy_per_client = 2;
        s.limits.busy_wait = busy_wait;
        start(s);
        auto a = holding("127.0.0.2");
        auto b = holding("127.0.0.2");
        wait_for_holding(2);
        return {std::move(a), std::move(b)};
    }
    // Starts the front door with `s` and connects the one client most tests need.
    RawClient start_with_one_client(FrontSettings s) {
        start(std::move(s));
        return connect("127.0.0.2");
    }

    // Every deadline in these tests is one second: the connection must end within three, and not
    // before most of that second has passed.
    static void expect_closed_by_its_deadline(RawClient& c) {
        const auto start_time = Clock::now();
        EXPECT_TRUE(c.closed_within(3s));
        EXPECT_GE(seconds_since(start_time), 0.8);
    }
    std::uint16_t port() const { return front_->port(); }

    // A whole request from `from` on a new connection; the response ("" if none within 2 s).
    std::string ask(const std::string& from, const std::string& uri = "/ok") {
        auto c = connect(from);
        c.send("GET " + uri + " HTTP/1.1\r\nHost: x\r\n\r\n");
        return c.read_response(2s);
    }

    // Sends the answers handed on so far from a thread of its own (an empty answer: dropped).
    void send_handed_on() {
        std::vector<LateAnswer> late;
        std::vector<std::string> answers;
        {
            std::unique_lock lock(mutex_);
            changed_.wait_for(lock, 5s, [this] { return !late_.empty(); });
            late.swap(late_);
            answers.swap(late_answers_);
        }
        std::thread([&] {
            for (std::size_t i = 0; i < late.size(); ++i) {
                if (answers[i].empty()) {
                    late[i].abandon();
                } else {
                    late[i].send(answers[i], true);
                }
            }
        }).join();
    }

    std::unique_ptr<HttpFront> front_;
    std::vector<LateAnswer> late_;
    std::vector<std::string> late_answers_;
    std::mutex mutex_;
    std::condition_variable changed_;
    int holding_ = 0;
    bool released_ = false;
};

TEST_F(FrontDoorTest, TricklingClientsHoldNoWorker) {
    FrontSettings s;
    s.workers = 2;
    s.limits.max_connections_per_client = 1000;
    s.limits.max_connections = 2000;
    start(s);
    // 300 connections that began a request and send nothing more: with a thread per connection
    // and two threads, nobody else would be answered until their deadlines passed.
    std::vector<RawClient> slow;
    for (int i = 0; i < 300; ++i) {
        slow.push_back(connect("127.0.0.2"));
        ASSERT_TRUE(slow.back().send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "));
    }
    const auto start_time = Clock::now();
    const std::string answer = ask("127.0.0.3");
    EXPECT_EQ(200, status_of(answer)) << answer;
    EXPECT_LT(seconds_since(start_time), 0.5);
    EXPECT_GE(front_->counters().open, 300u);
    // And they are still being read: one of them finishing its request is answered too.
    ASSERT_TRUE(slow[17].send("y\r\n\r\n"));
    EXPECT_EQ(200, status_of(slow[17].read_response(2s)));
}

// Over its client's limit, a connection is parked: not read, not answered, until its header
// deadline; then it is told 503 + Retry-After.
TEST_F(FrontDoorTest, ClientOverItsConnectionLimitGets503WithRetryAfterAtItsHeaderDeadline) {
    FrontSettings s;
    s.limits.max_connections_per_client = 4;
    s.limits.retry_after = 7s;
    s.limits.header_timeout = 2s;
    start(s);
    std::vector<RawClient> idle;  // keep-alive connections after a request: idle_timeout holds
    for (int i = 0; i < 4; ++i) {
        idle.push_back(connect("127.0.0.2"));
        idle.back().send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
        ASSERT_EQ(200, status_of(idle.back().read_response(2s)));
    }
    const auto dispatched = front_->counters().dispatched;
    const auto connected = Clock::now();
    auto fifth = connect("127.0.0.2");
    fifth.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(1u, front_->counters().parked_now);
    EXPECT_EQ(dispatched, front_->counters().dispatched) << "a parked connection is not read";
    bool closed = false;
    const std::string refused = fifth.read_until_close(5s, &closed);
    const double waited = seconds_since(connected);
    EXPECT_EQ(503, status_of(refused)) << refused;
    EXPECT_EQ("7", header_of(refused, "Retry-After"));
    EXPECT_EQ("close", lower(header_of(refused, "Connection")));
    EXPECT_TRUE(closed);
    EXPECT_GT(waited, 1.8) << "told before its header deadline";
    EXPECT_LT(waited, 3.5);
    // Another client is not affected, and the first four still work.
    EXPECT_EQ(200, status_of(ask("127.0.0.3")));
    idle[0].send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(200, status_of(idle[0].read_response(2s)));
    const auto counters = front_->counters();
    EXPECT_EQ(1u, counters.refused_client);
    EXPECT_EQ(1u, counters.parked);
    EXPECT_EQ(0u, counters.parked_now);
    EXPECT_EQ(0u, counters.promoted);
}

// A parked connection that has not sent a whole head by its deadline is closed without an
// answer, as any connection at its header deadline (a slow-header flood's surplus costs no
// answers and no lingering closes).
TEST_F(FrontDoorTest, AParkedConnectionWithoutAWholeHeadIsClosedAtItsHeaderDeadline) {
    FrontSettings s;
    s.limits.max_connections_per_client = 1;
    s.limits.header_timeout = 1s;
    start(s);
    auto held = connect("127.0.0.2");
    held.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(200, status_of(held.read_response(2s)));
    auto slow = connect("127.0.0.2");
    slow.send("GET /ok HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    bool closed = false;
    EXPECT_EQ("", slow.read_until_close(3s, &closed));
    EXPECT_TRUE(closed);
    EXPECT_EQ(1u, front_->counters().refused_client);
    EXPECT_EQ(0u, front_->counters().parked_now);
}

// A browser behind a shared address that is at its limit waits instead of being refused: its
// parked connection is read as soon as one of its client's connections ends.
TEST_F(FrontDoorTest, AParkedConnectionIsServedOnceItsClientFreesAPlace) {
    FrontSettings s;
    s.limits.max_connections_per_client = 2;
    s.limits.header_timeout = 10s;
    start(s);
    std::optional<RawClient> a(connect("127.0.0.2"));
    auto b = connect("127.0.0.2");
    auto parked = connect("127.0.0.2");
    parked.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(parked.read_response(300ms).empty()) << "answered while its client was full";
    const auto freed = Clock::now();
    a.reset();
    const std::string answer = parked.read_response(2s);
    EXPECT_EQ(200, status_of(answer)) << answer;
    EXPECT_LT(seconds_since(freed), 1.0);
    EXPECT_EQ(1u, front_->counters().promoted);
    EXPECT_EQ(0u, front_->counters().refused_client);
    // It holds the freed place now: the client is at its limit again.
    auto next = connect("127.0.0.2");
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(1u, front_->counters().parked_now);
}

// The promoted connection keeps the header deadline of its accept: parking does not lengthen
// the time a client may take for its head.
TEST_F(FrontDoorTest, APromotedConnectionKeepsTheHeaderDeadlineOfItsAccept) {
    FrontSettings s;
    s.limits.max_connections_per_client = 1;
    s.limits.header_timeout = 2s;
    start(s);
    std::optional<RawClient> first(connect("127.0.0.2"));
    const auto accepted = Clock::now();
    auto parked = connect("127.0.0.2");
    parked.send("GET /ok HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    std::this_thread::sleep_for(1s);
    first.reset();
    EXPECT_TRUE(parked.closed_within(3s));
    EXPECT_LT(seconds_since(accepted), 2.8);
    EXPECT_EQ(1u, front_->counters().promoted);
    EXPECT_GE(front_->counters().timed_out, 1u);
}

// Parked connections are the first closed when the server is full: a newcomer under its own
// limit is served, and the flooding client's held connections stay.
TEST_F(FrontDoorTest, AFullServerClosesParkedConnectionsFirst) {
    FrontSettings s;
    s.limits.max_connections = 6;
    s.limits.max_connections_per_client = 2;
    s.limits.header_timeout = 10s;
    start(s);
    std::vector<RawClient> held, parked;
    for (int i = 0; i < 2; ++i) {
        held.push_back(connect("127.0.0.2"));
    }
    for (int i = 0; i < 4; ++i) {
        parked.push_back(connect("127.0.0.2"));
        parked.back().send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
        std::this_thread::sleep_for(20ms);  // a clear order of arrival
    }
    std::this_thread::sleep_for(100ms);
    ASSERT_EQ(4u, front_->counters().parked_now);
    EXPECT_EQ(200, status_of(ask("127.0.0.30")));
    const std::string refused = parked[0].read_until_close(1s);
    EXPECT_EQ(503, status_of(refused)) << refused;
    EXPECT_FALSE(parked[3].closed_within(200ms));
    EXPECT_FALSE(held[0].closed_within(10ms));
    EXPECT_FALSE(held[1].closed_within(10ms));
    // When full, one more connection of the client over its limit takes nobody's place: it is
    // closed at once, without an answer.
    auto more = connect("127.0.0.2");
    more.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(100ms);
    const auto refused_before = front_->counters().refused_client;
    auto another = connect("127.0.0.2");
    another.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    bool closed = false;
    EXPECT_EQ("", another.read_until_close(1s, &closed));
    EXPECT_TRUE(closed);
    EXPECT_EQ(refused_before + 1, front_->counters().refused_client);
    EXPECT_FALSE(parked[3].closed_within(10ms));
    EXPECT_FALSE(more.closed_within(10ms));
}

// Parked connections accepted together reach their header deadline together; they are answered
// a bounded number per loop round, so other clients are served in between, and every one of
// them is answered in the end.
TEST_F(FrontDoorTest, ManyParkedConnectionsReachingTheirDeadlineTogetherAreAllAnswered) {
    FrontSettings s;
    s.limits.max_connections_per_client = 1;
    s.limits.max_connections = 2000;
    s.limits.header_timeout = 1s;
    start(s);
    std::vector<RawClient> parked;
    for (int i = 0; i < 600; ++i) {
        parked.push_back(connect("127.0.0.2"));
        parked.back().send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    const auto start_time = Clock::now();
    while (front_->counters().parked_now < 599 && seconds_since(start_time) < 2) {
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_EQ(599u, front_->counters().parked_now);
    while (front_->counters().parked_now > 0 && seconds_since(start_time) < 5) {
        const auto asked = Clock::now();
        EXPECT_EQ(200, status_of(ask("127.0.0.3")));
        EXPECT_LT(seconds_since(asked), 0.5);
    }
    EXPECT_EQ(0u, front_->counters().parked_now);
    EXPECT_EQ(599u, front_->counters().refused_client);
    for (int i : {1, 300, 599}) {
        EXPECT_EQ(503, status_of(parked[static_cast<std::size_t>(i)].read_until_close(2s)));
    }
}

// A stop does not wait for parked connections: they are told 503 and closed at once.
TEST_F(FrontDoorTest, StopTurnsParkedConnectionsAwayAtOnce) {
    FrontSettings s;
    s.limits.max_connections_per_client = 1;
    s.limits.header_timeout = 30s;
    start(s);
    auto held = connect("127.0.0.2");
    auto parked = connect("127.0.0.2");
    parked.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(200ms);
    ASSERT_EQ(1u, front_->counters().parked_now);
    const auto stopping = Clock::now();
    front_->stop();
    EXPECT_LT(seconds_since(stopping), 2.0);
    EXPECT_EQ(503, status_of(parked.read_until_close(1s)));
}

TEST_F(FrontDoorTest, AClosedConnectionFreesItsPlaceForTheSameClient) {
    FrontSettings s;
    s.limits.max_connections_per_client = 2;
    start(s);
    for (int round = 0; round < 5; ++round) {
        {
            auto a = connect("127.0.0.2");
            auto b = connect("127.0.0.2");
            a.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
            ASSERT_EQ(200, status_of(a.read_response(2s))) << "round " << round;
        }
        // Closing is not synchronous: the server learns of it when the FIN arrives.
        std::this_thread::sleep_for(100ms);
    }
}

TEST_F(FrontDoorTest, FullServerClosesTheConnectionThatWaitedLongest) {
    FrontSettings s;
    s.limits.max_connections = 6;
    s.limits.max_connections_per_client = 100;
    start(s);
    std::vector<RawClient> idle;
    for (int i = 0; i < 6; ++i) {
        idle.push_back(connect("127.0.0." + std::to_string(10 + i)));
        std::this_thread::sleep_for(20ms);  // a clear order of arrival
    }
    // The newcomer is served; the oldest idle connection made room for it.
    EXPECT_EQ(200, status_of(ask("127.0.0.30")));
    EXPECT_TRUE(idle[0].closed_within(1s));
    EXPECT_FALSE(idle[5].closed_within(200ms));
    EXPECT_GE(front_->counters().evicted, 1u);
}

TEST_F(FrontDoorTest, WhenEveryConnectionIsBusyTheNewcomerIsRefused) {
    FrontSettings s;
    s.limits.max_connections = 2;
    s.limits.max_connections_per_client = 100;
    start(s);
    auto a = holding("127.0.0.2");
    auto b = holding("127.0.0.3");
    wait_for_holding(2);
    EXPECT_EQ(503, status_of(ask("127.0.0.4")));
    release();
    EXPECT_EQ(200, status_of(a.read_response(2s)));
}

TEST_F(FrontDoorTest, ClientWithTooManyRequestsInProgressGets503OnceItWaitedLongEnough) {
    auto [a, b] = client_at_its_limit_of_two(1s);
    const auto asked = Clock::now();
    const std::string refused = ask("127.0.0.2");
    EXPECT_EQ(503, status_of(refused)) << refused;
    EXPECT_FALSE(header_of(refused, "Retry-After").empty());
    EXPECT_GE(seconds_since(asked), 0.9);  // it waited for one of the two to end
    EXPECT_EQ(200, status_of(ask("127.0.0.3")));
    release();
    EXPECT_EQ(200, status_of(a.read_response(2s)));
    EXPECT_EQ(200, status_of(b.read_response(2s)));
    EXPECT_GE(front_->counters().refused_client, 1u);
}

TEST_F(FrontDoorTest, ARequestOverItsClientsLimitIsServedWhenOneOfThemEnds) {
    auto [a, b] = client_at_its_limit_of_two(3s);
    auto c = connect("127.0.0.2");
    c.send("GET /third HTTP/1.1\r\nHost: x\r\n\r\n");
    // It waits in the loop, not in a worker: another client is served meanwhile.
    EXPECT_EQ(200, status_of(ask("127.0.0.3")));
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(1u, front_->counters().waited);
    release();
    const std::string third = c.read_response(2s);
    EXPECT_EQ(200, status_of(third)) << third;
    EXPECT_NE(std::string::npos, third.find("GET /third"));
    EXPECT_EQ(200, status_of(a.read_response(2s)));
    EXPECT_EQ(200, status_of(b.read_response(2s)));
    EXPECT_EQ(0u, front_->counters().refused_client);
}

// A client learns that its answer ended when the last byte arrives, a moment before the worker
// that sent it is counted free. Asking again at once, on a new connection or the same one, from
// as many threads as the limit allows, must never be refused.
TEST_F(FrontDoorTest, AskingAgainAsSoonAsAnAnswerArrivesIsNeverRefused) {
    constexpr int kThreads = 4;
    constexpr int kRequests = 150;
    FrontSettings s;
    s.workers = 8;
    s.limits.max_busy_per_client = kThreads;
    start(s);
    std::atomic<int> ok{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            auto kept = connect("127.0.0.2");
            for (int i = 0; i < kRequests; ++i) {
                std::string answer;
                if (t % 2 == 0) {
                    answer = ask("127.0.0.2");  // a new connection each time
                } else {
                    kept.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
                    answer = kept.read_response(2s);
                }
                if (status_of(answer) == 200) {
                    ++ok;
                } else {
                    std::lock_guard lock(failures_mutex);
                    failures.push_back(answer.substr(0, 60));
                }
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    EXPECT_EQ(kThreads * kRequests, ok.load())
        << failures.size() << " refused, e.g. " << (failures.empty() ? "" : failures.front());
    EXPECT_EQ(0u, front_->counters().refused_client);
}

TEST_F(FrontDoorTest, FullQueueGets503) {
    FrontSettings s;
    s.workers = 1;
    s.limits.max_queued = 1;
    start(s);
    // The first, alone, is served by the loop thread; the second takes the one worker.
    auto a = holding("127.0.0.2");
    wait_for_holding(1);
    auto a2 = holding("127.0.0.5");
    wait_for_holding(2);
    auto b = connect("127.0.0.3");
    b.send("GET /queued HTTP/1.1\r\nHost: x\r\n\r\n");  // waits for the one worker
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(503, status_of(ask("127.0.0.4")));
    release();
    EXPECT_EQ(200, status_of(b.read_response(2s)));
    EXPECT_GE(front_->counters().refused_busy, 1u);
}

// A request that finds no other in progress is served by the loop thread itself (no thread to
// wake). Should it take long, the loop goes on without it: other clients are read, served and
// timed out as before, and the connection carries on afterwards.
TEST_F(FrontDoorTest, ALoneRequestIsServedByTheLoopAndALongOneDoesNotStopIt) {
    FrontSettings s;
    s.limits.idle_timeout = 1s;
    start(s);
    EXPECT_EQ(200, status_of(ask("127.0.0.3")));
    EXPECT_EQ(1u, front_->counters().served_by_loop);
    auto idle = connect("127.0.0.6");
    idle.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(200, status_of(idle.read_response(2s)));
    auto held = holding("127.0.0.2");
    wait_for_holding(1);
    const auto served_before = front_->counters().served_by_loop;
    // While the loop thread holds that one, requests are still read and answered...
    for (int i = 0; i < 5; ++i) {
        const auto asked = Clock::now();
        EXPECT_EQ(200, status_of(ask("127.0.0.4")));
        EXPECT_LT(seconds_since(asked), 0.5);
    }
    // ...by the workers, and deadlines still pass: the idle keep-alive connection is closed.
    EXPECT_EQ(served_before, front_->counters().served_by_loop);
    EXPECT_TRUE(idle.closed_within(3s));
    release();
    const std::string answer = held.read_response(2s);
    EXPECT_EQ(200, status_of(answer)) << answer;
    held.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(200, status_of(held.read_response(2s)));
    // The held request counts as in progress until the loop took its connection back, a moment
    // after its answer went out.
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(200, status_of(ask("127.0.0.3")));
    EXPECT_GT(front_->counters().served_by_loop, served_before)
        << "once alone again, requests are served by the loop thread";
}

TEST_F(FrontDoorTest, ExemptPeersAreNotLimitedPerClient) {
    FrontSettings s;
    s.limits.max_connections_per_client = 2;
    s.exempt = [](const Poco::Net::IPAddress& a) { return a.toString() == "127.0.0.2"; };
    start(s);
    std::vector<RawClient> many;
    for (int i = 0; i < 10; ++i) {
        many.push_back(connect("127.0.0.2"));
    }
    for (auto& c : many) {
        c.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
        EXPECT_EQ(200, status_of(c.read_response(2s)));
    }
}

TEST_F(FrontDoorTest, HeadTricklingInIsCutAtTheHeaderDeadline) {
    FrontSettings s;
    s.limits.header_timeout = 1s;
    auto c = start_with_one_client(s);
    const auto start_time = Clock::now();
    const std::string head = "GET / HTTP/1.1\r\nX-Slow: " + std::string(40, 'a');
    bool cut = false;
    for (char ch : head) {
        if (!c.send(std::string(1, ch)) || c.closed_within(150ms)) {
            cut = true;
            break;
        }
    }
    ASSERT_TRUE(cut) << "the whole trickle was read";
    EXPECT_GE(seconds_since(start_time), 0.8);
    EXPECT_LT(seconds_since(start_time), 2.5);
    EXPECT_GE(front_->counters().timed_out, 1u);
}

TEST_F(FrontDoorTest, NewConnectionThatSendsNothingIsCutAtTheHeaderDeadline) {
    FrontSettings s;
    s.limits.header_timeout = 1s;
    auto c = start_with_one_client(s);
    expect_closed_by_its_deadline(c);
}

TEST_F(FrontDoorTest, StalledBodyIsCutAtTheBodyDeadline) {
    FrontSettings s;
    s.limits.body_timeout = 1s;
    s.limits.header_timeout = 10s;
    auto c = start_with_one_client(s);
    c.send("POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789");
    const auto start_time = Clock::now();
    bool closed = false;
    const std::string got = c.read_until_close(3s, &closed);
    EXPECT_TRUE(closed);
    EXPECT_EQ("", got) << "a partial request reached the handler";
    EXPECT_GE(seconds_since(start_time), 0.8);
    EXPECT_LT(seconds_since(start_time), 2.5);
}

TEST_F(FrontDoorTest, BodyArrivingInPiecesReachesTheHandlerWhole) {
    FrontSettings s;
    auto c = start_with_one_client(s);
    c.send("POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01234");
    std::this_thread::sleep_for(200ms);
    c.send("56789");
    const std::string answer = c.read_response(2s);
    EXPECT_EQ(200, status_of(answer));
    EXPECT_NE(std::string::npos, answer.find("POST /f 0123456789"));
}

TEST_F(FrontDoorTest, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
    FrontSettings s;
    s.limits.idle_timeout = 1s;
    auto c = start_with_one_client(s);
    c.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(200, status_of(c.read_response(2s)));
    expect_closed_by_its_deadline(c);
}

TEST_F(FrontDoorTest, KeepAliveRequestsEachGetTheirOwnHeaderDeadline) {
    FrontSettings s;
    s.limits.header_timeout = 1s;
    s.limits.idle_timeout = 5s;
    auto c = start_with_one_client(s);
    // Five quick requests over ~2.5 s: the connection outlives one header deadline.
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(c.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n"));
        ASSERT_EQ(200, status_of(c.read_response(2s))) << "request " << i;
        std::this_thread::sleep_for(500ms);
    }
}

TEST_F(FrontDoorTest, KeepAliveBudgetEndsTheConnection) {
    FrontSettings s;
    s.limits.max_requests_per_connection = 2;
    auto c = start_with_one_client(s);
    c.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ("", header_of(c.read_response(2s), "Connection"));
    c.send("GET /2 HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ("close", header_of(c.read_response(2s), "Connection"));
    EXPECT_TRUE(c.closed_within(2s));
}

TEST_F(FrontDoorTest, PipelinedRequestsAreAnsweredInOrder) {
    FrontSettings s;
    auto c = start_with_one_client(s);
    c.send(
        "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nPOST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
        "\r\nabcGET /3 HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_NE(std::string::npos, c.read_response(2s).find("GET /1 "));
    EXPECT_NE(std::string::npos, c.read_response(2s).find("POST /2 abc"));
    EXPECT_NE(std::string::npos, c.read_response(2s).find("GET /3 "));
}

// Connections are watched edge-triggered: the kernel announces bytes once, when they arrive. What a
// client sends while a worker has its connection is announced then and ignored by the loop; it
// must still be read when the connection comes back.
TEST_F(FrontDoorTest, ARequestSentWhileAWorkerHasTheConnectionIsReadWhenItComesBack) {
    FrontSettings s;
    auto c = start_with_one_client(s);
    c.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    wait_for_holding(1);
    ASSERT_TRUE(c.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n"));
    std::this_thread::sleep_for(100ms);  // it has arrived, and its edge gone by
    release();
    EXPECT_NE(std::string::npos, c.read_response(2s).find("GET /hold "));
    EXPECT_NE(std::string::npos, c.read_response(2s).find("GET /next "));
}

TEST_F(FrontDoorTest, AHeadArrivingAFewBytesAtATimeIsReadWhole) {
    FrontSettings s;
    auto c = start_with_one_client(s);
    const std::string request = "GET /pieces HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\r\n";
    for (std::size_t at = 0; at < request.size(); at += 7) {
        ASSERT_TRUE(c.send(request.substr(at, 7)));
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_NE(std::string::npos, c.read_response(2s).find("GET /pieces "));
}

// A refused request's body is read and dropped until the client stops sending (lingering close).
// A body far larger than one read, sent at once, must be read to its end although no new bytes
// arrive to announce what is left: otherwise the connection is reset under the client's upload.
TEST_F(FrontDoorTest, ALargeRefusedBodyIsReadToItsEndAndTheClientHearsWhy) {
    FrontSettings s;
    s.limits.max_body_bytes = 100;
    auto c = start_with_one_client(s);
    const std::size_t size = 16u << 20;
    const auto start_time = Clock::now();
    EXPECT_TRUE(c.send("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(size) +
                       "\r\n\r\n" + std::string(size, 'b')));
    EXPECT_LT(seconds_since(start_time), 1.5);  // not held until the linger deadline (2 s)
    EXPECT_EQ(413, status_of(c.read_response(2s)));
}

TEST_F(FrontDoorTest, ExpectContinueIsAnsweredBeforeTheBody) {
    FrontSettings s;
    auto c = start_with_one_client(s);
    c.send("POST /f HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    EXPECT_EQ(100, status_of(c.read_response(2s)));
    c.send("xyz");
    EXPECT_NE(std::string::npos, c.read_response(2s).find("POST /f xyz"));
}

TEST_F(FrontDoorTest, RefusedRequestsGetTheServersOwnAnswer) {
    FrontSettings s;
    s.limits.max_body_bytes = 100;
    s.refusal = [](Poco::Net::HTTPResponse& r) {
        r.set("X-Server-Rule", "yes");
        r.setContentType("application/json");
        return std::string("{\"status\":") + std::to_string(static_cast<int>(r.getStatus())) + "}";
    };
    start(s);
    struct Case {
        std::string request;
        int status;
    };
    const Case cases[] = {
        {"GARBAGE / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 411},
        {"POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n", 413},
        {"GET / HTTP/1.1\r\nX-Pad: " + std::string(20000, 'a') + "\r\n\r\n", 431},
    };
    for (const auto& k : cases) {
        auto c = connect("127.0.0.2");
        c.send(k.request);
        bool closed = false;
        const std::string got = c.read_until_close(3s, &closed);
        EXPECT_EQ(k.status, status_of(got)) << got;
        EXPECT_EQ("yes", header_of(got, "X-Server-Rule"));
        EXPECT_NE(std::string::npos, got.find("{\"status\":" + std::to_string(k.status) + "}"));
        EXPECT_TRUE(closed);
    }
    EXPECT_EQ(4u, front_->counters().bad_requests);
}

TEST_F(FrontDoorTest, DeferredAnswerWaitsWithoutAWorker) {
    FrontSettings s;
    s.workers = 1;
    start(s);
    auto later = connect("127.0.0.2");
    const auto start_time = Clock::now();
    later.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(50ms);
    // The only worker is free while the first answer waits.
    EXPECT_EQ(200, status_of(ask("127.0.0.3")));
    EXPECT_LT(seconds_since(start_time), 0.3);
    const std::string answer = later.read_response(2s);
    EXPECT_NE(std::string::npos, answer.find("GET /later")) << answer;
    EXPECT_GE(seconds_since(start_time), 0.45);
    // The connection carries on after its delayed answer.
    later.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_NE(std::string::npos, later.read_response(2s).find("GET /again"));
}

TEST_F(FrontDoorTest, AnAnswerHandedOnFreesTheWorkerAndComesFromAnotherThread) {
    FrontSettings s;
    s.workers = 1;
    start(s);
    auto handed = connect("127.0.0.2");
    handed.send("GET /handed-on HTTP/1.1\r\nHost: x\r\n\r\n");
    {
        std::unique_lock lock(mutex_);
        ASSERT_TRUE(changed_.wait_for(lock, 5s, [this] { return !late_.empty(); }));
    }
    // The only worker is free, and nothing went out for the handed-on request yet.
    EXPECT_EQ(200, status_of(ask("127.0.0.3")));
    EXPECT_EQ("", handed.read_response(200ms));
    send_handed_on();
    EXPECT_NE(std::string::npos, handed.read_response(2s).find("GET /handed-on"));
    // The connection carries the next request, handed on again.
    handed.send("GET /handed-on HTTP/1.1\r\nHost: x\r\n\r\n");
    send_handed_on();
    EXPECT_NE(std::string::npos, handed.read_response(2s).find("GET /handed-on"));
    handed.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_NE(std::string::npos, handed.read_response(2s).find("GET /ok"));
    EXPECT_EQ(0u, front_->counters().refused_busy);
}

TEST_F(FrontDoorTest, AnAnswerHandedOnAndDroppedClosesTheConnection) {
    FrontSettings s;
    s.limits.max_connections_per_client = 1;
    start(s);
    auto dropped = connect("127.0.0.2");
    dropped.send("GET /dropped HTTP/1.1\r\nHost: x\r\n\r\n");
    send_handed_on();
    EXPECT_TRUE(dropped.closed_within(2s));
    std::this_thread::sleep_for(100ms);  // the loop takes the connection back
    // Its place is free again: the client, allowed one connection, is served on a new one.
    EXPECT_EQ(200, status_of(ask("127.0.0.2")));
}

TEST_F(FrontDoorTest, StopWaitsForAnswersHandedOn) {
    FrontSettings s;
    start(s);
    auto handed = connect("127.0.0.2");
    handed.send("GET /handed-on HTTP/1.1\r\nHost: x\r\n\r\n");
    {
        std::unique_lock lock(mutex_);
        ASSERT_TRUE(changed_.wait_for(lock, 5s, [this] { return !late_.empty(); }));
    }
    std::thread stopper([this] { front_->stop(); });
    std::this_thread::sleep_for(100ms);
    send_handed_on();  // while stop() waits for it; must neither hang nor crash
    stopper.join();
    EXPECT_FALSE(front_->running());
}

TEST_F(FrontDoorTest, StopEndsATransferThatTheClientStoppedReading) {
    FrontSettings s;
    start(s);
    std::atomic<bool> writing{false};
    front_->stop();
    front_ = std::make_unique<HttpFront>(s, [&](IncomingRequest&, Connection& c) {
        writing = true;
        const std::string chunk(1 << 20, 'x');
        c.send_all("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n");
        for (int i = 0; i < 1024; ++i) {
            c.send_all(chunk);  // the client reads nothing: this blocks until stop()
        }
        return false;
    });
    front_->start();
    auto c = connect("127.0.0.2");
    c.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
    while (!writing) {
        std::this_thread::sleep_for(10ms);
    }
    std::this_thread::sleep_for(200ms);
    const auto start_time = Clock::now();
    front_->stop();
    EXPECT_LT(seconds_since(start_time), 2.0);
}

}  // namespace
}  // namespace es::net::test
