// HttpFront::stop() drains: real sockets on loopback against a running front door. A transfer in
// progress must end whole, a new connect must be refused at once (a load balancer then tries the
// other instance), an idle keep-alive connection must close at once, and what still runs at the
// drain deadline must be cut so that stop() returns in time.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "net/http_front.hpp"
#include "raw_client.hpp"

namespace es::net::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kBigBody = 8 * 1024 * 1024;

// Byte i of the big body: a pattern that shows a lost or repeated piece, not only a short one.
char body_byte(std::size_t i) {
    return static_cast<char>('a' + (i * 7 + i / 4096) % 26);
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A client with a small receive buffer, so that the server's writes of a big body block on it
// and the transfer lasts as long as the client makes it last.
class SlowReader {
  public:
    explicit SlowReader(std::uint16_t port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int small = 16 * 1024;
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        if (::connect(fd_, reinterpret_cast<const sockaddr*>(&to), sizeof to) != 0) {
            const int e = errno;
            ::close(fd_);
            throw std::runtime_error(std::string("connect: ") + std::strerror(e));
        }
    }
    ~SlowReader() { ::close(fd_); }
    SlowReader(const SlowReader&) = delete;
    SlowReader& operator=(const SlowReader&) = delete;

    void send(const std::string& bytes) {
        ASSERT_EQ(static_cast<ssize_t>(bytes.size()),
                  ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL));
    }
    // Reads at most `step` bytes every `pause` until the server closes or `wait` passed.
    std::string read_all(std::size_t step, std::chrono::milliseconds pause,
                         std::chrono::seconds wait) {
        std::string in;
        std::string buffer(step, '\0');
        const auto until = Clock::now() + wait;
        while (Clock::now() < until) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) {
                continue;
            }
            const ssize_t n = ::recv(fd_, buffer.data(), step, 0);
            if (n <= 0) {
                closed_ = true;
                break;
            }
            in.append(buffer.data(), static_cast<std::size_t>(n));
            std::this_thread::sleep_for(pause);
        }
        return in;
    }
    bool closed() const { return closed_; }

  private:
    int fd_ = -1;
    bool closed_ = false;
};

class DrainTest : public ::testing::Test {
  protected:
    void TearDown() override {
        release();
        if (front_) {
            front_->stop();
        }
    }

    // "/big" answers kBigBody bytes; "/hold" waits for release(); "/endless" writes until the
    // connection fails; anything else a short body.
    void start(std::chrono::milliseconds drain) {
        FrontSettings s;
        s.listen_address = "127.0.0.1";
        s.port = 0;
        s.drain_timeout = drain;
        front_ = std::make_unique<HttpFront>(
            std::move(s), [this](IncomingRequest& r, Connection& c) { return answer(r, c); });
        front_->start();
        port_ = front_->port();
    }

    bool answer(IncomingRequest& r, Connection& c) {
        const std::string& uri = r.head->getURI();
        const std::string close = r.may_keep_alive ? "" : "Connection: close\r\n";
        if (uri == "/big") {
            c.send_all("HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(kBigBody) + "\r\n" +
                       close + "\r\n");
            std::string chunk(64 * 1024, '\0');
            for (std::size_t sent = 0; sent < kBigBody; sent += chunk.size()) {
                for (std::size_t i = 0; i < chunk.size(); ++i) {
                    chunk[i] = body_byte(sent + i);
                }
                ++chunks_;
                c.send_all(chunk);
            }
            return r.may_keep_alive;
        }
        if (uri == "/endless") {
            c.send_all("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n");
            const std::string chunk(1 << 20, 'x');
            for (;;) {
                ++chunks_;
                c.send_all(chunk);  // throws once the connection is cut
            }
        }
        if (uri == "/hold") {
            std::unique_lock lock(mutex_);
            ++holding_;
            changed_.notify_all();
            changed_.wait(lock, [this] { return released_; });
        }
        c.send_all("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + close + "\r\nok");
        return r.may_keep_alive;
    }

    void wait_for_holding(int n) {
        std::unique_lock lock(mutex_);
        ASSERT_TRUE(changed_.wait_for(lock, 5s, [&] { return holding_ >= n; }));
    }
    void release() {
        std::lock_guard lock(mutex_);
        released_ = true;
        changed_.notify_all();
    }
    void wait_for_chunks(int n) {
        const auto until = Clock::now() + 5s;
        while (chunks_ < n && Clock::now() < until) {
            std::this_thread::sleep_for(10ms);
        }
        ASSERT_GE(chunks_.load(), n) << "the handler did not start writing";
    }

    // Whether a connect to the front door is refused now.
    bool connect_refused() {
        try {
            RawClient c("127.0.0.1", port_);
            return false;
        } catch (const std::runtime_error&) {
            return true;
        }
    }

    std::future<DrainOutcome> stop_in_background() {
        return std::async(std::launch::async, [this] { return front_->stop(); });
    }

    std::unique_ptr<HttpFront> front_;
    std::uint16_t port_ = 0;
    std::atomic<int> chunks_{0};
    std::mutex mutex_;
    std::condition_variable changed_;
    int holding_ = 0;
    bool released_ = false;
};

TEST_F(DrainTest, DownloadInProgressEndsWholeAfterStop) {
    start(20s);
    SlowReader reader(front_->port());
    reader.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
    wait_for_chunks(2);
    const auto stopping = Clock::now();
    auto stopped = stop_in_background();
    // About 8 MiB at 64 KiB per 5 ms: the transfer goes on for a second or more after stop().
    const std::string got = reader.read_all(64 * 1024, 5ms, 30s);
    const auto outcome = stopped.get();
    const std::string::size_type head_end = got.find("\r\n\r\n");
    ASSERT_NE(std::string::npos, head_end) << "no answer at all";
    const std::string body = got.substr(head_end + 4);
    ASSERT_EQ(kBigBody, body.size()) << "the transfer was cut";
    for (std::size_t i = 0; i < body.size(); ++i) {
        ASSERT_EQ(body_byte(i), body[i]) << "at byte " << i;
    }
    EXPECT_TRUE(reader.closed()) << "the connection stays open after the drain";
    EXPECT_EQ(1U, outcome.in_flight);
    EXPECT_EQ(0U, outcome.cut);
    EXPECT_GT(seconds_since(stopping), 0.5) << "stop() did not wait for the transfer";
}

TEST_F(DrainTest, NewConnectionsAreRefusedAsSoonAsTheDrainBegins) {
    start(20s);
    ASSERT_FALSE(connect_refused());
    RawClient held("127.0.0.1", front_->port());
    held.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    wait_for_holding(1);
    auto stopped = stop_in_background();
    const auto until = Clock::now() + 2s;
    bool refused = false;
    while (!refused && Clock::now() < until) {
        refused = connect_refused();
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_TRUE(refused) << "a new connection was accepted while draining";
    EXPECT_EQ(std::future_status::timeout, stopped.wait_for(0ms)) << "stop() did not wait";
    release();
    // The held request's answer still comes, and says the connection ends.
    const std::string answer = held.read_response(5s);
    EXPECT_EQ(200, status_of(answer));
    EXPECT_TRUE(held.closed_within(2s));
    EXPECT_EQ(std::future_status::ready, stopped.wait_for(5s));
}

TEST_F(DrainTest, IdleKeepAliveConnectionClosesAtOnce) {
    start(20s);
    RawClient idle("127.0.0.1", front_->port());
    idle.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(200, status_of(idle.read_response(2s)));
    RawClient held("127.0.0.1", front_->port());
    held.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    wait_for_holding(1);
    auto stopped = stop_in_background();
    // The idle timeout is 15 s; the drain must not wait for it.
    EXPECT_TRUE(idle.closed_within(1s));
    release();
    EXPECT_EQ(200, status_of(held.read_response(5s)));
    EXPECT_EQ(std::future_status::ready, stopped.wait_for(5s));
}

TEST_F(DrainTest, ARequestOnAConnectionAcceptedBeforeTheDrainIsAnsweredWithClose) {
    start(20s);
    RawClient held("127.0.0.1", front_->port());
    held.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    wait_for_holding(1);
    RawClient late("127.0.0.1", front_->port());  // connected, request not yet sent
    std::this_thread::sleep_for(100ms);           // the loop has accepted it
    auto stopped = stop_in_background();
    while (!connect_refused()) {
        std::this_thread::sleep_for(10ms);
    }
    late.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string answer = late.read_response(2s);
    EXPECT_EQ(200, status_of(answer));
    EXPECT_EQ("close", header_of(answer, "Connection"));
    EXPECT_TRUE(late.closed_within(2s));
    release();
    EXPECT_EQ(std::future_status::ready, stopped.wait_for(5s));
}

TEST_F(DrainTest, WhatStillRunsAtTheDeadlineIsCutAndStopReturnsInTime) {
    start(1s);
    SlowReader stalled(front_->port());  // reads nothing: the handler blocks in its writes
    stalled.send("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n");
    wait_for_chunks(1);
    std::this_thread::sleep_for(100ms);
    const auto stopping = Clock::now();
    const DrainOutcome outcome = front_->stop();
    const double took = seconds_since(stopping);
    EXPECT_GE(took, 0.9) << "cut before the deadline";
    EXPECT_LT(took, 2.5) << "stop() overran the deadline";
    EXPECT_EQ(1U, outcome.in_flight);
    EXPECT_EQ(1U, outcome.cut);
}

TEST_F(DrainTest, WithNothingInProgressStopReturnsAtOnce) {
    start(20s);
    RawClient idle("127.0.0.1", front_->port());
    idle.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(200, status_of(idle.read_response(2s)));
    std::this_thread::sleep_for(100ms);  // the worker has given the connection back
    const auto stopping = Clock::now();
    const DrainOutcome outcome = front_->stop();
    EXPECT_LT(seconds_since(stopping), 1.0);
    EXPECT_EQ(0U, outcome.in_flight);
    EXPECT_EQ(0U, outcome.cut);
}

}  // namespace
}  // namespace es::net::test
