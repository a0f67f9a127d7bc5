// Slow clients against the running portal: a request trickling in byte by byte is cut at the
// header deadline, a client that is slow to *read* a download is not, and hundreds of idle or
// trickling connections, from one address or from many, cost no worker thread: a recipient is
// answered at once while they stay open.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <thread>
#include <vector>

#include "portal_fixture.hpp"
#include "raw_client.hpp"
#include "stalled_reader.hpp"

namespace es::portal::test {
namespace {

using Clock = std::chrono::steady_clock;

class SlowClientTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override { s.portal.header_timeout_seconds = 2; }
    Poco::Net::StreamSocket connect() {
        Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port()));
        s.setReceiveTimeout(Poco::Timespan(15, 0));
        return s;
    }
    // Sends `bytes` one at a time every `gap` until the server closes; returns the seconds from
    // the first byte to the close, or -1 when everything was sent without the server closing.
    static double trickle(Poco::Net::StreamSocket& s, const std::string& bytes,
                          std::chrono::milliseconds gap) {
        const auto start = Clock::now();
        for (char c : bytes) {
            try {
                s.sendBytes(&c, 1);
            } catch (const Poco::Exception&) {
                break;  // reset by the server
            }
            s.setReceiveTimeout(Poco::Timespan(0, 1000 * static_cast<int>(gap.count())));
            char buf[512];
            try {
                if (s.receiveBytes(buf, sizeof buf) <= 0) {
                    return std::chrono::duration<double>(Clock::now() - start).count();
                }
            } catch (const Poco::TimeoutException&) {
                continue;  // still open: the next byte
            } catch (const Poco::Exception&) {
                return std::chrono::duration<double>(Clock::now() - start).count();
            }
        }
        return -1;
    }
};

TEST_F(SlowClientTest, RequestHeadTricklingInIsCutAtTheDeadline) {
    const auto share = create_share();
    auto s = connect();
    std::string head = "GET " + share.path() + " HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 40; ++i) {
        head += "X-Slow-" + std::to_string(i) + ": y\r\n";
    }
    // 300 ms per byte: every single read is far inside the 10 s receive timeout.
    const double closed_after = trickle(s, head, std::chrono::milliseconds(300));
    ASSERT_GT(closed_after, 0) << "the server kept reading a request for the whole trickle";
    // The deadline runs from the first byte for the whole head: each byte came well in time.
    EXPECT_GE(closed_after, 1.5);
    EXPECT_LT(closed_after, 4.0);
}

TEST_F(SlowClientTest, IdleNewConnectionIsCutAtTheDeadline) {
    auto s = connect();
    const auto start = Clock::now();
    char buf[64];
    int n = -2;
    try {
        n = s.receiveBytes(buf, sizeof buf);
    } catch (const Poco::Exception&) {
        n = -1;
    }
    const double after = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_LE(n, 0);
    EXPECT_LT(after, 4.0);
}

TEST_F(SlowClientTest, SlowReaderOfADownloadIsNotCutByTheRequestDeadline) {
    const auto share = create_share();
    auto s = connect();
    s.setReceiveBufferSize(4096);  // the server's writes block while we read slowly
    const std::string request =
        "GET " + share.path() + "/files/a3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    s.sendBytes(request.data(), static_cast<int>(request.size()));
    std::string got;
    char buf[16 * 1024];
    const auto start = Clock::now();
    for (;;) {
        const int n = s.receiveBytes(buf, sizeof buf);
        if (n <= 0) {
            break;
        }
        got.append(buf, static_cast<std::size_t>(n));
        // Read slowly for 3 s, beyond the 2 s request deadline, then take the rest at once.
        if (Clock::now() - start < std::chrono::seconds(3)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    const double took = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_GT(took, 2.5);
    const auto body_at = got.find("\r\n\r\n");
    ASSERT_NE(std::string::npos, body_at);
    EXPECT_EQ(0u, got.rfind("HTTP/1.1 200", 0));
    EXPECT_EQ(a3_content_, got.substr(body_at + 4));
}

TEST_F(SlowClientTest, KeepAliveRequestsEachGetTheirOwnDeadline) {
    const auto share = create_share();
    auto s = connect();
    const std::string request = "GET " + share.path() + " HTTP/1.1\r\nHost: x\r\n\r\n";
    // Five requests on one connection over ~3 s: the connection outlives one deadline because
    // every request arrived quickly.
    for (int i = 0; i < 5; ++i) {
        s.sendBytes(request.data(), static_cast<int>(request.size()));
        std::string got;
        char buf[16 * 1024];
        while (got.find("</html>") == std::string::npos) {
            const int n = s.receiveBytes(buf, sizeof buf);
            ASSERT_GT(n, 0) << "connection closed during request " << i;
            got.append(buf, static_cast<std::size_t>(n));
        }
        EXPECT_EQ(0u, got.rfind("HTTP/1.1 200", 0));
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
    }
}

// A slow-client flood: ~620 connections from one address, each with a started request that never
// ends. Only max_connections_per_client of them are read (and they hold no thread); the rest are
// parked unread and told 503 + Retry-After with the portal's security headers at their header
// deadline. The recipient is answered at once.
class SlowFloodTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        s.portal.max_threads = 4;  // few workers: any held by a slow client would show
        s.portal.header_timeout_seconds = 4;
    }
    void SetUp() override {
        net::test::raise_descriptor_limit();
        PortalTest::SetUp();
    }
    // Connections from `from` that each began a request and stopped.
    std::vector<net::test::RawClient> stall(const std::string& from, int n) {
        std::vector<net::test::RawClient> out;
        for (int i = 0; i < n; ++i) {
            out.emplace_back("127.0.0.1", port(), from);
            out.back().send("GET / HTTP/1.1\r\n");
        }
        return out;
    }
    double page_seconds(const CreatedShare& share) {
        const auto start = Clock::now();
        const auto page = http_request(port(), "GET", share.path());
        EXPECT_EQ(200, page.status);
        return std::chrono::duration<double>(Clock::now() - start).count();
    }
};

TEST_F(SlowFloodTest, SlowConnectionsFromOneAddressDoNotDelayARecipient) {
    const auto share = create_share();
    auto flood = stall("127.0.0.2", 620);
    EXPECT_LT(page_seconds(share), 0.5);
    const std::uint64_t limit = settings_.portal.max_connections_per_client;
    auto counters = portal_->connection_counters();
    EXPECT_EQ(620u - limit, counters.parked_now);
    EXPECT_EQ(0u, counters.refused_client) << "parked, not answered before their deadline";
    // At their header deadlines the held ones are closed, and each freed place is given to a
    // parked connection whose own deadline has not passed; the rest are told 503.
    std::this_thread::sleep_for(std::chrono::seconds(settings_.portal.header_timeout_seconds + 2));
    counters = portal_->connection_counters();
    EXPECT_EQ(0u, counters.parked_now);
    EXPECT_EQ(620u - limit, counters.refused_client + counters.promoted);
    EXPECT_GE(counters.refused_client, 1u);
    EXPECT_GE(counters.timed_out, limit);
}

// A connection over its address's limit while the address's places are held by keep-alive
// connections (which may idle for keep_alive_timeout_seconds): parked until its header deadline,
// then told 503 + Retry-After with the portal's security headers.
TEST_F(SlowFloodTest, AConnectionOverItsAddressLimitIsToldToComeBackAtItsHeaderDeadline) {
    std::vector<net::test::RawClient> held;
    for (int i = 0; i < settings_.portal.max_connections_per_client; ++i) {
        held.emplace_back("127.0.0.1", port(), "127.0.0.2");
        held.back().send("GET /assets/portal.css HTTP/1.1\r\nHost: x\r\n\r\n");
        ASSERT_EQ(200, net::test::status_of(held.back().read_response(std::chrono::seconds(2))));
    }
    const auto start = Clock::now();
    auto extra = net::test::RawClient("127.0.0.1", port(), "127.0.0.2");
    extra.send("GET /assets/portal.css HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string refused = extra.read_until_close(std::chrono::seconds(8));
    EXPECT_GT(std::chrono::duration<double>(Clock::now() - start).count(),
              settings_.portal.header_timeout_seconds - 0.5);
    EXPECT_EQ(503, net::test::status_of(refused)) << refused;
    EXPECT_EQ(std::to_string(settings_.portal.retry_after_seconds),
              net::test::header_of(refused, "Retry-After"));
    EXPECT_EQ("nosniff", net::test::header_of(refused, "X-Content-Type-Options"));
    EXPECT_EQ(1u, portal_->connection_counters().refused_client);
}

TEST_F(SlowFloodTest, SlowConnectionsFromManyAddressesDoNotDelayARecipient) {
    const auto share = create_share();
    std::vector<net::test::RawClient> flood;
    for (int a = 0; a < 40; ++a) {
        auto some = stall("127.0.1." + std::to_string(a + 1), 10);
        for (auto& c : some) {
            flood.push_back(std::move(c));
        }
    }
    EXPECT_LT(page_seconds(share), 0.5);
    EXPECT_GE(portal_->connection_counters().open, 400u);
    // A stalled client that completes its request is served as well.
    flood[123].send("Host: x\r\n\r\n");
    EXPECT_EQ(404, net::test::status_of(flood[123].read_response(std::chrono::seconds(3))));
}

// Slow *readers* from many addresses: each address stays within its own limit of requests in
// progress, but together they would hold every worker with downloads they read a byte at a time,
// and nobody else would be answered. Downloads take transfer slots (portal.max_transfers), fewer
// than the workers: the others are told 503 + Retry-After at once, and pages are still served.
class SlowReaderFloodTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        s.portal.max_threads = 6;
        s.portal.max_transfers = 2;
    }
    std::size_t downloads_logged(const CreatedShare& share) {
        std::size_t n = 0;
        for (const auto& e : access_events(share)) {
            n += e.action == "download" && e.outcome == "ok" ? 1 : 0;
        }
        return n;
    }
};

TEST_F(SlowReaderFloodTest, SlowDownloadsFromManyAddressesLeaveWorkersForThePages) {
    put_big_case();
    const auto share = create_share();
    const std::string file = share.path() + "/files/big";
    // As many stalled downloads as there are workers, each from an address of its own.
    std::vector<net::test::StalledReader> readers;
    for (int i = 0; i < settings_.portal.max_threads; ++i) {
        readers.emplace_back(port(), "127.0.3." + std::to_string(i + 1),
                             "GET " + file + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    const auto until = Clock::now() + std::chrono::seconds(10);
    while (downloads_logged(share) < 2 && Clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(2u, downloads_logged(share)) << "two downloads hold the two transfer slots";
    // The other four were refused at once, with a time to come back.
    int refused = 0;
    int sending = 0;
    for (const auto& reader : readers) {
        const int status = reader.status_within(std::chrono::seconds(3));
        refused += status == 503 ? 1 : 0;
        sending += status == 200 ? 1 : 0;
    }
    EXPECT_EQ(2, sending);
    EXPECT_EQ(settings_.portal.max_threads - 2, refused);
    // A recipient's pages are answered at once while the two stalled transfers go on.
    for (int i = 0; i < 5; ++i) {
        const auto start = Clock::now();
        const auto page = http_request(port(), "GET", share.path());
        EXPECT_EQ(200, page.status);
        EXPECT_LT(Clock::now() - start, std::chrono::seconds(2)) << "page " << i;
    }
    const auto busy = http_request(port(), "GET", file);
    EXPECT_EQ(503, busy.status);
    EXPECT_EQ(std::to_string(settings_.portal.retry_after_seconds), busy.header("Retry-After"));
    EXPECT_EQ("", busy.header("Content-Disposition")) << "nothing of the refused file's answer";
    // A reader that gives up frees its slot: the next download is served.
    for (auto& reader : readers) {
        reader.close();
    }
    int status = 0;
    for (const auto stop = Clock::now() + std::chrono::seconds(10);
         status != 200 && Clock::now() < stop;) {
        status = http_request(port(), "GET", file).status;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(200, status);
}

}  // namespace
}  // namespace es::portal::test
