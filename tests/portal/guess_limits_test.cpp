// Guess limits as a flood meets them: every guess is reserved before it is checked, so guesses sent
// in parallel get no more checks than sent one by one; a full Argon2 queue answers like the
// throttle; and guesses spread over many addresses are limited share-wide without delaying an
// address that has not failed.
#include <functional>
#include <thread>

#include "domain/audit_entry.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

// Runs send(i) for i in [0, n) at once, each on its own thread and connection.
std::vector<HttpResponse> all_at_once(int n, const std::function<HttpResponse(int)>& send) {
    std::vector<HttpResponse> answers(static_cast<std::size_t>(n));
    std::vector<std::thread> pool;
    std::atomic<bool> go{false};
    for (int i = 0; i < n; ++i) {
        pool.emplace_back([&, i] {
            while (!go) {
                std::this_thread::yield();
            }
            answers[static_cast<std::size_t>(i)] = send(i);
        });
    }
    go = true;
    for (auto& t : pool) {
        t.join();
    }
    return answers;
}

class GuessLimitsTest : public PortalTest {
  protected:
    CreatedShare password_share() {
        return create_share(
            {.protection = domain::Protection::Password, .password = "correct horse"});
    }
    int free_tries() const { return settings_.portal.guesses.free_per_address; }
    int events(const CreatedShare& share, const std::string& outcome) {
        int n = 0;
        for (const auto& e : access_events(share)) {
            n += e.outcome == outcome ? 1 : 0;
        }
        return n;
    }
    // The share's password replaced by one whose hash takes `iterations` Argon2 passes to check.
    void slow_password(const CreatedShare& share, const std::string& password, int iterations) {
        config::Argon2Settings slow;
        slow.memory_kib = 8 * 1024;
        slow.iterations = static_cast<std::uint32_t>(iterations);
        slow.max_in_flight = 1;
        domain::AuditEntry audit{0,    "org-1",           "case-1",         share.id,
                                 "u1", domain::now_utc(), "share.password", "{}"};
        ASSERT_TRUE(store_->shares().change_protection(
            "org-1", share.id, crypto::PasswordHasher(slow).hash(password),
            box_->seal(password, "password:" + share.id), domain::Protection::Password,
            domain::CodeChannel::None, audit));
    }
};

TEST_F(GuessLimitsTest, FiftyParallelWrongPasswordsFromOneAddressGetOnlyTheFreeTriesChecked) {
    const auto share = password_share();
    Browser b(port());
    b.ip = "198.51.100.9";
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    const auto checks_before = hasher_->verifications();
    const auto answers = all_at_once(50, [&](int i) {
        Browser same = b;  // same cookies and address, a connection of its own
        return same.post(share.path() + "/password",
                         {{"csrf", csrf}, {"password", "wrong-" + std::to_string(i)}});
    });
    int checked = 0;
    int throttled = 0;
    for (const auto& r : answers) {
        if (r.status == 403) {
            ++checked;
        } else if (r.status == 429) {
            ++throttled;
            EXPECT_TRUE(r.has("Retry-After"));
        } else {
            ADD_FAILURE() << "status " << r.status;
        }
    }
    EXPECT_EQ(free_tries(), checked);
    EXPECT_EQ(50 - free_tries(), throttled);
    EXPECT_EQ(static_cast<std::uint64_t>(free_tries()), hasher_->verifications() - checks_before)
        << "Argon2 ran for the free tries only";
    EXPECT_EQ(free_tries(), events(share, "wrong_password"));
}

TEST_F(GuessLimitsTest, FiftyParallelWrongCodesFromOneAddressGetOnlyTheFreeTriesChecked) {
    const auto share = create_share({.protection = domain::Protection::Code,
                                     .phone = "+41791234567",
                                     .email = "max.muster@example.org"});
    Browser b(port());
    b.ip = "198.51.100.9";
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    ASSERT_EQ(303, b.post(share.path() + "/code/send", {{"csrf", csrf}}).status);
    const auto answers = all_at_once(50, [&](int i) {
        Browser same = b;
        // Never a 6-digit code, so never the right one.
        return same.post(share.path() + "/code", {{"csrf", csrf}, {"code", std::to_string(i)}});
    });
    int checked = 0;
    int throttled = 0;
    for (const auto& r : answers) {
        checked += r.status == 403 ? 1 : 0;
        throttled += r.status == 429 && r.has("Retry-After") ? 1 : 0;
    }
    EXPECT_EQ(free_tries(), checked);
    EXPECT_EQ(50 - free_tries(), throttled);
    EXPECT_EQ(free_tries(), events(share, "wrong_code"));
}

class BusyArgon2Test : public GuessLimitsTest {
  protected:
    void configure(config::Settings&) override { argon2_max_waiting_ = 1; }
};

TEST_F(BusyArgon2Test, FullArgon2QueueAnswersExactlyLikeTheThrottle) {
    const auto share = password_share();
    // Checks that take a while, so that parallel guesses find both slots and the queue taken.
    slow_password(share, "correct horse", 40);
    Browser b(port());
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    // The throttle's own answer, for comparison: an address past its free tries.
    b.ip = "198.51.100.200";
    for (int i = 0; i < free_tries(); ++i) {
        ASSERT_EQ(403,
                  b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}}).status);
    }
    const auto throttled = b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}});
    ASSERT_EQ(429, throttled.status);

    // Twenty addresses guess at once: two are checked, one waits, the rest find the queue full.
    const auto answers = all_at_once(20, [&](int i) {
        Browser same = b;
        same.ip = "198.51.100." + std::to_string(i + 1);
        return same.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}});
    });
    int busy = 0;
    for (const auto& r : answers) {
        EXPECT_NE(503, r.status);
        if (r.status != 429) {
            EXPECT_EQ(403, r.status);
            continue;
        }
        ++busy;
        EXPECT_EQ(throttled.body, r.body) << "the same page as the throttle's";
        EXPECT_TRUE(r.has("Retry-After"));
        auto names = [](const HttpResponse& x) {
            std::vector<std::string> out;
            for (const auto& [name, value] : x.comparable_headers()) {
                out.push_back(name);
            }
            return out;
        };
        EXPECT_EQ(names(throttled), names(r)) << "the same headers as the throttle's";
    }
    EXPECT_GE(busy, 10);
    EXPECT_EQ(busy, events(share, "busy"));
}

class ShareWideLimitTest : public GuessLimitsTest {
  protected:
    void configure(config::Settings& s) override { s.portal.guesses.share_tries_per_window = 8; }
};

TEST_F(ShareWideLimitTest, GuessesSpreadOverAddressesAreLimitedButAFreshAddressGetsIn) {
    const auto share = password_share();
    const std::string csrf_source = share.path();
    auto guess_from = [&](const std::string& ip, const std::string& password) {
        Browser b(port());
        b.ip = ip;
        const std::string csrf = Browser::csrf_of(b.get(csrf_source).body);
        return b.post(share.path() + "/password", {{"csrf", csrf}, {"password", password}});
    };
    // Twelve addresses, one wrong guess each: none of them is past its own free tries, and none
    // delays another.
    for (int i = 1; i <= 12; ++i) {
        EXPECT_EQ(403, guess_from("198.51.100." + std::to_string(i), "no").status) << i;
    }
    // Past the share's 8 tries, an address that fails waits until the share's hour is over.
    const auto late = guess_from("198.51.100.12", "no");
    EXPECT_EQ(429, late.status);
    EXPECT_GT(std::stoi(late.header("Retry-After")), 3000);
    // An address that has not failed is not delayed: the recipient gets in at once.
    EXPECT_EQ(303, guess_from("203.0.113.5", "correct horse").status);
}

TEST_F(ShareWideLimitTest, AnAddressThatFailedUnderTheShareLimitGetsInWithTheRightPassword) {
    const auto share = password_share();
    for (int i = 1; i <= 8; ++i) {
        Browser b(port());
        b.ip = "198.51.100." + std::to_string(i);
        const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
        b.post(share.path() + "/password", {{"csrf", csrf}, {"password", "no"}});
    }
    // The recipient's first try from a fresh address is a typo: now it waits, like any address
    // that fails while the share is being guessed at...
    Browser recipient(port());
    recipient.ip = "203.0.113.5";
    const std::string csrf = Browser::csrf_of(recipient.get(share.path()).body);
    EXPECT_EQ(
        403,
        recipient.post(share.path() + "/password", {{"csrf", csrf}, {"password", "typo"}}).status);
    EXPECT_EQ(
        429,
        recipient.post(share.path() + "/password", {{"csrf", csrf}, {"password", "correct horse"}})
            .status);
    // ...until the owner resets the share's counters (or the hour is over).
    domain::AuditEntry audit{
        0, "org-1", "case-1", share.id, "u1", domain::now_utc(), "share.reset_counters", "{}"};
    store_->throttle().reset_prefix("share:" + share.id + ":", audit);
    EXPECT_EQ(
        303,
        recipient.post(share.path() + "/password", {{"csrf", csrf}, {"password", "correct horse"}})
            .status);
}

}  // namespace
}  // namespace es::portal::test
