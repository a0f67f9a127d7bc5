// GET /ready and the portal's drain on stop, against the running portal: a load balancer's
// health check gets 200 and is never throttled; on stop() a download in progress ends whole,
// new connections are refused, and a request still arriving on an open connection hears
// "draining" from /ready and "Connection: close".
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>

#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "crypto/token.hpp"
#include "portal_fixture.hpp"
#include "raw_client.hpp"
#include "zip_test_support.hpp"

namespace es::portal::test {
namespace {

using namespace std::chrono_literals;

// Appends what the peer sends until it closes the connection (or the receive timeout).
void read_until_closed(Poco::Net::StreamSocket& s, std::string& got) {
    std::vector<char> buf(1 << 16);
    for (;;) {
        const int n = s.receiveBytes(buf.data(), static_cast<int>(buf.size()));
        if (n <= 0) {
            return;
        }
        got.append(buf.data(), static_cast<std::size_t>(n));
    }
}

// Asks for `target` on `s` (connected, reading slowly: a small receive buffer) and receives the
// first MiB of the answer into `got`.
void begin_download(Poco::Net::StreamSocket& s, const std::string& target, std::string& got) {
    s.setReceiveBufferSize(64 * 1024);
    s.setReceiveTimeout(Poco::Timespan(20, 0));
    const std::string req = "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
    s.sendBytes(req.data(), static_cast<int>(req.size()));
    std::vector<char> buf(1 << 16);
    while (got.size() < (1u << 20)) {
        const int n = s.receiveBytes(buf.data(), static_cast<int>(buf.size()));
        ASSERT_GT(n, 0);
        got.append(buf.data(), static_cast<std::size_t>(n));
    }
}

class ReadyTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        s.portal.dead_link_burst = 5;
        s.portal.dead_links_per_minute = 1;
        s.portal.drain_seconds = 20;
    }
};

TEST_F(ReadyTest, ReadyAnswers200WithJsonNotStored) {
    const auto r = http_request(port(), "GET", "/ready");
    EXPECT_EQ(200, r.status);
    EXPECT_EQ("no-store", r.header("Cache-Control"));
    EXPECT_EQ("application/json; charset=utf-8", r.header("Content-Type"));
    EXPECT_EQ("{\"status\":\"ready\"}\n", r.body);
    const auto head = http_request(port(), "HEAD", "/ready");
    EXPECT_EQ(200, head.status);
    EXPECT_TRUE(head.body.empty());
    EXPECT_TRUE(host_.log_lines().empty()) << "a health check wrote to the host's log";
}

TEST_F(ReadyTest, ABalancerThatIsThrottledForDeadLinksStillGetsReady) {
    const std::string balancer = "192.0.2.50";
    for (int i = 0; i < 5; ++i) {
        http_request(port(), "GET", "/s/" + crypto::new_token(), {{"X-Forwarded-For", balancer}});
    }
    ASSERT_EQ(429, http_request(port(), "GET", "/s/" + crypto::new_token(),
                                {{"X-Forwarded-For", balancer}})
                       .status);
    for (int i = 0; i < 50; ++i) {
        ASSERT_EQ(200,
                  http_request(port(), "GET", "/ready", {{"X-Forwarded-For", balancer}}).status)
            << "health check " << i;
    }
}

TEST_F(ReadyTest, OtherMethodsOnReadyAreTheDeadLinkAnswer) {
    EXPECT_EQ(404, http_request(port(), "POST", "/ready", {}, "x=1").status);
}

TEST_F(ReadyTest, StopLetsADownloadInProgressEndWholeAndRefusesNewcomers) {
    const std::uint64_t big_size = put_big_case();
    const auto share = create_share();
    Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port()));
    std::string got;
    ASSERT_NO_FATAL_FAILURE(begin_download(s, share.path() + "/files/big", got));
    // A second connection, open before the stop, whose request comes during the drain.
    net::test::RawClient later("127.0.0.1", port());
    const std::uint16_t portal_port = port();
    auto stopped = std::async(std::launch::async, [this] { portal_->stop(); });
    // New connections are refused once the drain began.
    bool refused = false;
    for (int i = 0; i < 200 && !refused; ++i) {
        try {
            net::test::RawClient probe("127.0.0.1", portal_port);
            std::this_thread::sleep_for(10ms);
        } catch (const std::runtime_error&) {
            refused = true;
        }
    }
    EXPECT_TRUE(refused) << "the portal still accepted connections while draining";
    later.send("GET /ready HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string ready = later.read_response(5s);
    EXPECT_EQ(503, net::test::status_of(ready));
    EXPECT_EQ("close", Poco::toLower(net::test::header_of(ready, "Connection")));
    EXPECT_NE(std::string::npos, ready.find("\"code\":\"draining\"")) << ready;
    EXPECT_EQ(std::future_status::timeout, stopped.wait_for(0ms))
        << "stop() returned before the download ended";
    read_until_closed(s, got);
    const auto head_end = got.find("\r\n\r\n");
    ASSERT_NE(std::string::npos, head_end);
    const std::string body = got.substr(head_end + 4);
    ASSERT_EQ(big_size, body.size()) << "the download was cut by the stop";
    EXPECT_EQ(std::string::npos, body.find_first_not_of('x'));
    EXPECT_EQ(std::future_status::ready, stopped.wait_for(5s));
    const auto lines = host_.log_lines();
    bool began = false;
    bool ended = false;
    for (const auto& l : lines) {
        began = began || l.find("portal: draining") != std::string::npos;
        ended = ended || l.find(
                             "portal: drained: 1 request(s) were in progress, 0 connection(s) "
                             "cut") != std::string::npos;
    }
    EXPECT_TRUE(began && ended) << "log lines: " << lines.size();
}

TEST_F(ReadyTest, StopLetsAZipInProgressEndWhole) {
    put_big_case();
    const auto share = create_share();
    Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port()));
    std::string got;
    ASSERT_NO_FATAL_FAILURE(begin_download(s, share.path() + "/all.zip", got));
    auto stopped = std::async(std::launch::async, [this] { portal_->stop(); });
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(std::future_status::timeout, stopped.wait_for(0ms))
        << "stop() returned before the zip ended";
    read_until_closed(s, got);
    EXPECT_EQ(std::future_status::ready, stopped.wait_for(5s));
    const auto head_end = got.find("\r\n\r\n");
    ASSERT_NE(std::string::npos, head_end);
    const std::string length = net::test::header_of(got.substr(0, head_end + 4), "Content-Length");
    ASSERT_FALSE(length.empty());
    ASSERT_EQ(std::stoull(length), got.size() - head_end - 4) << "the zip was cut by the stop";
    const std::string path = dir_ + "/drained.zip";
    std::ofstream(path, std::ios::binary) << got.substr(head_end + 4);
    EXPECT_NE(std::string::npos, shell("unzip -t " + path + " 2>&1").find("No errors detected"));
}

}  // namespace
}  // namespace es::portal::test
