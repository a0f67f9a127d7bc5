// The sample host's port under a slow-client attack: connections that begin a request and never
// finish it. With a thread per connection, 40 of them took all 16 threads; behind the front door
// they cost no thread, and past the per-client limit they get the API's JSON error with
// Retry-After.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "raw_client.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

using namespace std::chrono_literals;
using es::net::test::RawClient;
using Clock = std::chrono::steady_clock;

class SlowClientTest : public ::testing::Test {
  protected:
    void SetUp() override {
        es::net::test::raise_descriptor_limit();
        TestHost::Options o;
        o.cases_per_organisation = 5;
        o.header_timeout_seconds = 3;
        host_ = std::make_unique<TestHost>(o);
    }
    std::vector<RawClient> stall(const std::string& from, int n) {
        std::vector<RawClient> out;
        for (int i = 0; i < n; ++i) {
            out.emplace_back("127.0.0.1", static_cast<std::uint16_t>(host_->port()), from);
            out.back().send("GET / HTTP/1.1\r\n");
        }
        return out;
    }
    double seconds_for_index_page() {
        const auto start = Clock::now();
        EXPECT_EQ(200, host_->client().get("/").status);
        return std::chrono::duration<double>(Clock::now() - start).count();
    }
    std::unique_ptr<TestHost> host_;
};

TEST_F(SlowClientTest, StalledConnectionsFromOneAddressDoNotStopTheHost) {
    auto flood = stall("127.0.0.2", 200);
    EXPECT_LT(seconds_for_index_page(), 0.5);
}

// The address's places are held by keep-alive connections (idle for up to 15 s), so one more
// connection stays parked unread until its header deadline (3 s here) and is then told, in the
// API's JSON, when to come back.
TEST_F(SlowClientTest, AConnectionOverItsAddressLimitGetsAJsonBusyErrorAtItsHeaderDeadline) {
    std::vector<RawClient> held;
    for (int i = 0; i < 32; ++i) {  // connections.max_connections_per_client's default
        held.emplace_back("127.0.0.1", static_cast<std::uint16_t>(host_->port()), "127.0.0.2");
        held.back().send("GET /api/me HTTP/1.1\r\nHost: x\r\n\r\n");
        ASSERT_EQ(401, es::net::test::status_of(held.back().read_response(2s)));
    }
    const auto start = Clock::now();
    RawClient extra("127.0.0.1", static_cast<std::uint16_t>(host_->port()), "127.0.0.2");
    extra.send("GET /api/me HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string refused = extra.read_until_close(8s);
    EXPECT_GT(std::chrono::duration<double>(Clock::now() - start).count(), 2.5);
    EXPECT_EQ(503, es::net::test::status_of(refused)) << refused;
    EXPECT_FALSE(es::net::test::header_of(refused, "Retry-After").empty());
    EXPECT_NE(std::string::npos, refused.find("{\"error\":{\"code\":\"busy\""));
    // Another address is served meanwhile and after.
    EXPECT_LT(seconds_for_index_page(), 0.5);
}

TEST_F(SlowClientTest, StalledConnectionsFromManyAddressesDoNotStopTheHost) {
    std::vector<RawClient> flood;
    for (int a = 0; a < 20; ++a) {
        for (auto& c : stall("127.0.2." + std::to_string(a + 1), 10)) {
            flood.push_back(std::move(c));
        }
    }
    EXPECT_LT(seconds_for_index_page(), 0.5);
    EXPECT_GE(host_->app().connection_counters().open, 200u);
}

TEST_F(SlowClientTest, OversizedBodyGetsAJsonError) {
    RawClient c("127.0.0.1", static_cast<std::uint16_t>(host_->port()), "127.0.0.3");
    c.send(
        "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 2000000\r\n\r\n");
    const std::string refused = c.read_until_close(3s);
    EXPECT_EQ(413, es::net::test::status_of(refused)) << refused;
    EXPECT_EQ("application/json; charset=utf-8", es::net::test::header_of(refused, "Content-Type"));
    EXPECT_NE(std::string::npos, refused.find("\"code\":\"body_too_large\""));
}

}  // namespace
}  // namespace host::test
