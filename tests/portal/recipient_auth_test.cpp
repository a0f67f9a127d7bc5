// Password, session cookie, CSRF and throttling as a recipient's browser meets them.
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "crypto/token.hpp"
#include "domain/audit_entry.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class RecipientAuthTest : public PortalTest {
  protected:
    CreatedShare protected_share() {
        return create_share(
            {.protection = domain::Protection::Password, .password = "correct horse"});
    }
    int free_tries() const { return settings_.portal.guesses.free_per_address; }
};

TEST_F(RecipientAuthTest, PasswordFormComesFirstAndShowsNoContent) {
    const auto share = protected_share();
    Browser b(port());
    const auto page = b.get(share.path());
    EXPECT_EQ(200, page.status);
    EXPECT_NE(std::string::npos, page.body.find("name=\"password\""));
    EXPECT_EQ(std::string::npos, page.body.find("hello.txt"));
    EXPECT_EQ(303, b.get(share.path() + "/files/a1").status);
    EXPECT_EQ(303, b.get(share.path() + "/all.zip").status);
}

TEST_F(RecipientAuthTest, RightPasswordGivesAHostOnlyStrictHttpOnlySessionCookie) {
    const auto share = protected_share();
    Browser b(port());
    const auto page = b.get(share.path());
    const auto r = b.post(share.path() + "/password",
                          {{"csrf", Browser::csrf_of(page.body)}, {"password", "correct horse"}});
    ASSERT_EQ(303, r.status);
    bool found = false;
    for (const auto& c : r.all("Set-Cookie")) {
        if (c.rfind("es_session_", 0) == 0) {
            found = true;
            EXPECT_NE(std::string::npos, c.find("HttpOnly"));
            EXPECT_NE(std::string::npos, c.find("SameSite=Strict"));
            EXPECT_NE(std::string::npos, c.find("Path=/"));
            EXPECT_EQ(std::string::npos, c.find("Domain"));
        }
    }
    EXPECT_TRUE(found);
    const auto content = b.get(share.path());
    EXPECT_NE(std::string::npos, content.body.find("hello.txt"));
    EXPECT_EQ(a1_content_, b.get(share.path() + "/files/a1").body);
}

TEST_F(RecipientAuthTest, WrongPasswordIsRefusedAndLogged) {
    const auto share = protected_share();
    Browser b(port());
    const auto page = b.get(share.path());
    const auto r = b.post(share.path() + "/password",
                          {{"csrf", Browser::csrf_of(page.body)}, {"password", "wrong"}});
    EXPECT_EQ(403, r.status);
    EXPECT_EQ(std::string::npos, b.get(share.path()).body.find("hello.txt"));
    bool logged = false;
    for (const auto& e : access_events(share)) {
        logged |= e.action == "password" && e.outcome == "wrong_password";
    }
    EXPECT_TRUE(logged);
}

TEST_F(RecipientAuthTest, MissingOrWrongCsrfTokenIsRefused) {
    const auto share = protected_share();
    Browser b(port());
    const auto page = b.get(share.path());
    EXPECT_EQ(403, b.post(share.path() + "/password", {{"password", "correct horse"}}).status);
    EXPECT_EQ(403, b.post(share.path() + "/password",
                          {{"csrf", "AAAA" + Browser::csrf_of(page.body).substr(4)},
                           {"password", "correct horse"}})
                       .status);
    Browser other(port());  // a token without the cookie it is bound to
    EXPECT_EQ(403, other
                       .post(share.path() + "/password",
                             {{"csrf", Browser::csrf_of(page.body)}, {"password", "correct horse"}})
                       .status);
    EXPECT_EQ(std::string::npos, b.get(share.path()).body.find("hello.txt"));
}

TEST_F(RecipientAuthTest, SessionCookieOfOneShareDoesNotOpenAnother) {
    const auto first = protected_share();
    const auto second = protected_share();
    Browser b(port());
    sign_in(b, first, "correct horse");
    const std::string first_name = "es_session_" + crypto::token_hash(first.token).substr(0, 12);
    ASSERT_EQ(1u, b.cookies.count(first_name));
    // The first share's session presented under the second share's cookie name.
    b.cookies["es_session_" + crypto::token_hash(second.token).substr(0, 12)] =
        b.cookies[first_name];
    EXPECT_NE(std::string::npos, b.get(second.path()).body.find("name=\"password\""));
    EXPECT_EQ(303, b.get(second.path() + "/files/a1").status);
    EXPECT_NE(std::string::npos, b.get(first.path()).body.find("hello.txt"));
}

TEST_F(RecipientAuthTest, PasswordChangeEndsTheSession) {
    const auto share = protected_share();
    Browser b(port());
    sign_in(b, share, "correct horse");
    ASSERT_NE(std::string::npos, b.get(share.path()).body.find("hello.txt"));
    ASSERT_TRUE(store_->shares().change_protection(
        "org-1", share.id, hasher_->hash("new one"), box_->seal("new one", "password:" + share.id),
        domain::Protection::Password, domain::CodeChannel::None,
        owner_audit(share.id, "share.password")));
    EXPECT_NE(std::string::npos, b.get(share.path()).body.find("name=\"password\""));
    EXPECT_EQ(303, b.get(share.path() + "/files/a1").status);
}

TEST_F(RecipientAuthTest, ExpiryWhileTheSessionIsOpenEndsAccess) {
    const auto share = create_share({.protection = domain::Protection::Password,
                                     .password = "correct horse",
                                     .lifetime = std::chrono::seconds(3)});
    Browser b(port());
    sign_in(b, share, "correct horse");
    EXPECT_EQ(200, b.get(share.path() + "/files/a1").status);
    std::this_thread::sleep_for(std::chrono::milliseconds(3200));
    EXPECT_EQ(404, b.get(share.path()).status);
    EXPECT_EQ(404, b.get(share.path() + "/files/a1").status);
}

TEST_F(RecipientAuthTest, RevocationEndsAnOpenSession) {
    const auto share = protected_share();
    Browser b(port());
    sign_in(b, share, "correct horse");
    revoke(share);
    EXPECT_EQ(404, b.get(share.path()).status);
}

TEST_F(RecipientAuthTest, FailuresBeyondTheFreeOnesAreDelayedAndTheDelayEnds) {
    const auto share = protected_share();
    Browser b(port());
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    for (int i = 0; i < free_tries(); ++i) {
        ASSERT_EQ(403,
                  b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}}).status)
            << i;
    }
    // The last free try started the first delay (2 s): right after it even the right password
    // waits, and the answer says for how long.
    const auto throttled =
        b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "correct horse"}});
    EXPECT_EQ(429, throttled.status);
    EXPECT_EQ("2", throttled.header("Retry-After"));
    // Not a lockout: once the delay has passed, the right password works.
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    EXPECT_EQ(
        303,
        b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "correct horse"}}).status);
    int throttled_events = 0;
    for (const auto& e : access_events(share)) {
        throttled_events += e.outcome == "throttled";
    }
    EXPECT_GE(throttled_events, 1) << "lockouts appear in the owner's access log";
}

TEST_F(RecipientAuthTest, DelayGrowsWithFurtherFailures) {
    const auto share = protected_share();
    Browser b(port());
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    for (int i = 0; i < free_tries(); ++i) {
        b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    EXPECT_EQ(403, b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}}).status)
        << "the first delay (2 s) is over";
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    const auto still = b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}});
    EXPECT_EQ(429, still.status) << "the second delay (4 s) is longer than the first (2 s)";
    EXPECT_EQ("2", still.header("Retry-After"));
}

TEST_F(RecipientAuthTest, ThrottledGuessIsAnsweredOnlyAfterAPause) {
    // A flood of guesses from a throttled client must cost sleeping threads, not the CPU the link
    // page needs: its 429 comes after portal.throttled_answer_delay_ms (1 s by default).
    ASSERT_EQ(1000, settings_.portal.throttled_answer_delay_ms);
    const auto share = protected_share();
    Browser b(port());
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    for (int i = 0; i < free_tries(); ++i) {
        b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}});
    }
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(429, b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}}).status);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_GE(took, std::chrono::milliseconds(950));
    EXPECT_LT(took, std::chrono::milliseconds(1900)) << "the pause is bounded by the setting";
}

// The pause before a throttled answer is a timer in the front door: with two workers, twenty
// throttled guesses waiting for their 429 leave both free for a recipient's page.
class FewWorkersAuthTest : public RecipientAuthTest {
  protected:
    void configure(config::Settings& s) override { s.portal.max_threads = 2; }
};

TEST_F(FewWorkersAuthTest, ThrottledAnswersWaitWithoutHoldingAWorker) {
    const auto share = protected_share();
    Browser attacker(port());
    attacker.ip = "198.51.100.9";
    const std::string csrf = Browser::csrf_of(attacker.get(share.path()).body);
    for (int i = 0; i < free_tries(); ++i) {
        attacker.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}});
    }
    std::vector<std::thread> flood;
    std::atomic<int> throttled{0};
    for (int i = 0; i < 20; ++i) {
        flood.emplace_back([&, copy = attacker]() mutable {
            if (copy.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}})
                    .status == 429) {
                ++throttled;
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // all of them are waiting now
    const auto start = std::chrono::steady_clock::now();
    const auto page = Browser(port()).get(share.path());
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(200, page.status);
    EXPECT_LT(took, std::chrono::milliseconds(500)) << "a worker waited out a throttled answer";
    for (auto& t : flood) {
        t.join();
    }
    EXPECT_EQ(20, throttled.load());
}

TEST_F(RecipientAuthTest, OtherClientsAreNotDelayedByOneAttacker) {
    const auto share = protected_share();
    Browser attacker(port());
    attacker.ip = "198.51.100.1";
    const std::string csrf = Browser::csrf_of(attacker.get(share.path()).body);
    for (int i = 0; i < free_tries(); ++i) {
        attacker.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}});
    }
    EXPECT_EQ(
        429,
        attacker.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}}).status);
    Browser recipient(port());
    recipient.ip = "203.0.113.5";
    sign_in(recipient, share, "correct horse");
}

TEST_F(RecipientAuthTest, AccessLogRecordsClientAddressAndUserAgent) {
    const auto share = create_share();
    Browser b(port());
    b.ip = "203.0.113.77";
    b.get(share.path(), {{"User-Agent", "TestAgent/1.0"}});
    const auto events = access_events(share);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ("view", events.front().action);
    EXPECT_EQ("203.0.113.77", events.front().client_ip);
    EXPECT_EQ("TestAgent/1.0", events.front().user_agent);
}

TEST_F(RecipientAuthTest, LanguageFollowsAcceptLanguageAndTheSwitch) {
    const auto share = create_share();
    Browser b(port());
    const auto en = b.get(share.path(), {{"Accept-Language", "en-GB,en;q=0.9,de;q=0.5"}});
    EXPECT_NE(std::string::npos, en.body.find("<html lang=\"en\">"));
    const auto switched =
        b.post(share.path() + "/language", {{"csrf", Browser::csrf_of(en.body)}, {"lang", "de"}});
    EXPECT_EQ(303, switched.status);
    const auto de = b.get(share.path(), {{"Accept-Language", "en"}});
    EXPECT_NE(std::string::npos, de.body.find("<html lang=\"de\">"));
    EXPECT_NE(std::string::npos, de.body.find("Anhänge"));
}

}  // namespace
}  // namespace es::portal::test
