// The portal on IPv6 ("[::]", dual stack), with its per-client limits counted per /64. The test
// runs in a network namespace of its own (its main() creates it; root is needed, as in CI), where
// the loopback interface carries three addresses of fd00:1::/64 and one of fd00:2::/64: clients
// of one /64 share one limit whatever address they use, another /64 is another client, and IPv4
// clients reach the same listener.
#include <gtest/gtest.h>
#include <sched.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "portal_fixture.hpp"
#include "raw_client.hpp"

namespace es::portal::test {
namespace {

using namespace std::chrono_literals;
using net::test::RawClient;
using net::test::status_of;

class Ipv6PortalTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        s.portal.listen_address = "[::]";
        s.portal.max_connections_per_client = 2;
        s.portal.header_timeout_seconds = 2;  // a connection over the limit waits this long
        s.portal.trusted_proxies = {};
    }
    RawClient connect(const std::string& from) {
        return from.find(':') != std::string::npos ? RawClient("::1", port(), from)
                                                   : RawClient("127.0.0.1", port(), from);
    }
    static std::string page(RawClient& c, const std::string& path) {
        c.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        return c.read_response(4s);
    }
};

TEST_F(Ipv6PortalTest, AddressesOfOneSlash64ShareOneLimit) {
    const auto share = create_share();
    // Two keep-alive connections of fd00:1::/64 after a page each: they hold its places for
    // longer than the header deadline.
    auto a = connect("fd00:1::1");
    auto b = connect("fd00:1::2");
    ASSERT_EQ(200, status_of(page(a, share.path())));
    ASSERT_EQ(200, status_of(page(b, share.path())));
    auto c = connect("fd00:1::3");  // the third connection of fd00:1::/64, parked
    const std::string refused = page(c, share.path());
    EXPECT_EQ(503, status_of(refused)) << refused;
    EXPECT_FALSE(net::test::header_of(refused, "Retry-After").empty());
    // Another /64 and an IPv4 client on the same dual-stack listener are served.
    auto other = connect("fd00:2::1");
    EXPECT_EQ(200, status_of(page(other, share.path())));
    auto v4 = connect("127.0.0.5");
    EXPECT_EQ(200, status_of(page(v4, share.path())));
    // The two held connections of fd00:1::/64 still work.
    a.send("GET " + share.path() + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(200, status_of(a.read_response(3s)));
}

TEST_F(Ipv6PortalTest, ClosingAConnectionGivesItsPlaceBack) {
    const auto share = create_share();
    {
        auto a = connect("fd00:1::1");
        auto b = connect("fd00:1::2");
        ASSERT_EQ(200, status_of(page(a, share.path())));
        ASSERT_EQ(200, status_of(page(b, share.path())));
        auto c = connect("fd00:1::3");
        EXPECT_EQ(503, status_of(page(c, share.path())));
    }
    std::this_thread::sleep_for(200ms);  // the portal notices the closes
    auto d = connect("fd00:1::3");
    EXPECT_EQ(200, status_of(page(d, share.path())));
}

TEST_F(Ipv6PortalTest, TheAccessLogShowsTheIpv6Client) {
    const auto share = create_share();
    auto a = connect("fd00:2::7");
    EXPECT_EQ(200, status_of(page(a, share.path())));
    bool seen = false;
    for (const auto& e : access_events(share)) {
        seen = seen || e.client_ip == "fd00:2::7";
    }
    EXPECT_TRUE(seen);
}

int run(const char* command) {
    const int rc = std::system(command);
    if (rc != 0) {
        std::fprintf(stderr, "ipv6_namespace_test: '%s' failed (%d)\n", command, rc);
    }
    return rc;
}

}  // namespace
}  // namespace es::portal::test

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    if (::testing::GTEST_FLAG(list_tests)) {
        return RUN_ALL_TESTS();  // test discovery at build time: no namespace needed
    }
    if (::unshare(CLONE_NEWNET) != 0) {
        std::fprintf(stderr,
                     "ipv6_namespace_test: cannot create a network namespace (%s); the test runs "
                     "as root, as in CI\n",
                     std::strerror(errno));
        return 1;
    }
    using es::portal::test::run;
    if (run("ip link set lo up") != 0 || run("ip -6 addr add fd00:1::1/64 dev lo nodad") != 0 ||
        run("ip -6 addr add fd00:1::2/64 dev lo nodad") != 0 ||
        run("ip -6 addr add fd00:1::3/64 dev lo nodad") != 0 ||
        run("ip -6 addr add fd00:2::1/64 dev lo nodad") != 0 ||
        run("ip -6 addr add fd00:2::7/64 dev lo nodad") != 0) {
        return 1;
    }
    return RUN_ALL_TESTS();
}
