// Scanning for links is slowed per client address, in a way that tells the scanner nothing: once
// a client has earned too many dead-link answers, it gets the same 429 for live and dead links;
// live links never count; other clients are not affected.
#include <thread>

#include "crypto/token.hpp"
#include "portal/dead_link_throttle.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

using namespace std::chrono_literals;

TEST(DeadLinkThrottle, EmptyBucketRefusesUntilItRefills) {
    DeadLinkThrottle t(3, 60);  // one answer back per second
    const auto t0 = DeadLinkThrottle::Clock::time_point{} + 1h;
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(t.refusal("ip:a", t0)) << i;
        t.count("ip:a", t0);
    }
    ASSERT_TRUE(t.refusal("ip:a", t0));
    EXPECT_EQ(1s, *t.refusal("ip:a", t0));
    EXPECT_FALSE(t.refusal("ip:b", t0)) << "another client";
    EXPECT_FALSE(t.refusal("ip:a", t0 + 1s)) << "one answer came back";
    t.count("ip:a", t0 + 1s);
    EXPECT_TRUE(t.refusal("ip:a", t0 + 1s));
}

TEST(DeadLinkThrottle, KeepsAtMostMaxClientsAndForgetsRefilledOnesFirst) {
    DeadLinkThrottle t(2, 60, 10);
    const auto t0 = DeadLinkThrottle::Clock::time_point{} + 1h;
    t.count("ip:scanner", t0);
    t.count("ip:scanner", t0);
    for (int i = 0; i < 8; ++i) {
        t.count("ip:" + std::to_string(i), t0);
    }
    // A second later the one-off clients have refilled; the scanner goes on; a flood of new
    // clients then evicts the refilled ones, not the scanner.
    const auto later = t0 + 1s;
    t.count("ip:scanner", later);
    for (int i = 100; i < 105; ++i) {
        t.count("ip:" + std::to_string(i), later);
    }
    EXPECT_TRUE(t.refusal("ip:scanner", later));
}

class DeadLinkThrottleTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        s.portal.dead_link_burst = 5;
        s.portal.dead_links_per_minute = 60;
    }
    static HttpResponse get_from(std::uint16_t port, const std::string& ip,
                                 const std::string& path) {
        return http_request(port, "GET", path, {{"X-Forwarded-For", ip}});
    }
    // Spends the client's whole allowance on unknown links.
    void scan(const std::string& ip) {
        for (int i = 0; i < 5; ++i) {
            ASSERT_EQ(404, get_from(port(), ip, "/s/" + crypto::new_token()).status) << i;
        }
    }
};

TEST_F(DeadLinkThrottleTest, AScannerGetsTheSame429ForLiveAndDeadLinksAndNobodyElseDoes) {
    const auto live = create_share();
    scan("192.0.2.10");
    const auto dead = get_from(port(), "192.0.2.10", "/s/" + crypto::new_token());
    const auto alive = get_from(port(), "192.0.2.10", live.path());
    EXPECT_EQ(429, dead.status);
    EXPECT_EQ(dead.status, alive.status);
    EXPECT_EQ(dead.comparable_headers(), alive.comparable_headers());
    EXPECT_EQ(dead.body, alive.body);
    EXPECT_EQ("1", dead.header("Retry-After"));
    EXPECT_TRUE(dead.all("Set-Cookie").empty());
    EXPECT_EQ(std::string::npos, alive.body.find("hello.txt"));
    // Another client is not slowed down by the scanner.
    EXPECT_EQ(200, get_from(port(), "192.0.2.11", live.path()).status);
    EXPECT_EQ(404, get_from(port(), "192.0.2.11", "/s/" + crypto::new_token()).status);
}

TEST_F(DeadLinkThrottleTest, AnIpv6SlashSixtyFourIsOneClient) {
    scan("2001:db8:1:2::a");
    EXPECT_EQ(429, get_from(port(), "2001:db8:1:2::b", "/s/" + crypto::new_token()).status);
    EXPECT_EQ(404, get_from(port(), "2001:db8:1:3::a", "/s/" + crypto::new_token()).status);
}

TEST_F(DeadLinkThrottleTest, LiveLinksDoNotSpendTheAllowance) {
    const auto live = create_share();
    for (int i = 0; i < 30; ++i) {
        ASSERT_EQ(200, get_from(port(), "192.0.2.12", live.path()).status) << i;
        ASSERT_EQ(200, get_from(port(), "192.0.2.12", live.path() + "/files/a1").status) << i;
    }
    scan("192.0.2.12");  // the whole allowance is still there...
    EXPECT_EQ(429, get_from(port(), "192.0.2.12", "/s/" + crypto::new_token()).status)
        << "...and no more";
}

TEST_F(DeadLinkThrottleTest, TheAllowanceComesBack) {
    scan("192.0.2.13");
    ASSERT_EQ(429, get_from(port(), "192.0.2.13", "/s/" + crypto::new_token()).status);
    std::this_thread::sleep_for(1200ms);
    EXPECT_EQ(404, get_from(port(), "192.0.2.13", "/s/" + crypto::new_token()).status);
}

// A browser asks for /favicon.ico with the pages a recipient opens, and crawlers for /robots.txt:
// neither is a dead link, so reading a link page after page never throttles its reader.
TEST_F(DeadLinkThrottleTest, TheBrowsersOwnRequestsForAnIconAndRobotsTxtAreNoDeadLinks) {
    const auto live = create_share();
    for (int i = 0; i < 3 * 5; ++i) {
        const auto icon = get_from(port(), "192.0.2.30", "/favicon.ico");
        ASSERT_EQ(200, icon.status) << i;
        EXPECT_EQ("image/svg+xml", icon.header("Content-Type"));
        EXPECT_EQ(std::string::npos, icon.body.find("<script"));
        ASSERT_EQ(200, get_from(port(), "192.0.2.30", live.path()).status) << i;
    }
    const auto robots = get_from(port(), "192.0.2.30", "/robots.txt");
    EXPECT_EQ(200, robots.status);
    EXPECT_EQ("User-agent: *\nDisallow: /\n", robots.body);
    // Still a dead link: anything else at the top, and the icon under another name.
    EXPECT_EQ(404, get_from(port(), "192.0.2.31", "/favicon.png").status);
}

// A page of another site that the recipient has open makes their browser ask for random /s/
// paths, as images, scripts, frames or fetches (Fetch Metadata says so). None of that may spend the
// recipient's allowance, or any web page could lock them out of their own link; such requests get
// the dead link's answer without a lookup, also for a live link.
TEST_F(DeadLinkThrottleTest, RequestsAnotherSitesPageMakesNeitherCountNorReachALink) {
    const auto live = create_share();
    const std::string me = "192.0.2.40";
    const auto dead_page = get_from(port(), "192.0.2.41", "/s/" + crypto::new_token());
    ASSERT_EQ(404, dead_page.status);
    const std::vector<Headers> foreign = {
        {{"Sec-Fetch-Site", "cross-site"},
         {"Sec-Fetch-Mode", "no-cors"},
         {"Sec-Fetch-Dest", "image"}},
        {{"Sec-Fetch-Site", "cross-site"},
         {"Sec-Fetch-Mode", "navigate"},
         {"Sec-Fetch-Dest", "iframe"}},
        {{"Sec-Fetch-Site", "same-site"}, {"Sec-Fetch-Mode", "cors"}, {"Sec-Fetch-Dest", "empty"}},
    };
    for (int i = 0; i < 20; ++i) {
        for (auto headers : foreign) {
            headers.push_back({"X-Forwarded-For", me});
            ASSERT_EQ(404,
                      http_request(port(), "GET", "/s/" + crypto::new_token(), headers).status);
            const auto on_live = http_request(port(), "GET", live.path(), headers);
            ASSERT_EQ(404, on_live.status) << "a live link is not served into another site";
            EXPECT_EQ(dead_page.body, on_live.body);
        }
    }
    // 120 such requests later, the recipient opens the link from the e-mail: a cross-site
    // navigation to a document, served as always.
    const auto opened = http_request(port(), "GET", live.path(),
                                     {{"X-Forwarded-For", me},
                                      {"Sec-Fetch-Site", "cross-site"},
                                      {"Sec-Fetch-Mode", "navigate"},
                                      {"Sec-Fetch-Dest", "document"}});
    EXPECT_EQ(200, opened.status);
    // The allowance is whole: a scan from this address is still throttled after five.
    scan(me);
    EXPECT_EQ(429, get_from(port(), me, "/s/" + crypto::new_token()).status);
}

}  // namespace
}  // namespace es::portal::test
