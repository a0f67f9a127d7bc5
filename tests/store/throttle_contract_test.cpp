// The portal's counters against each backend: a guess reserved before it is checked (parallel
// guesses count one by one and stop at the first block), code-send budgets counted all or none,
// one-time codes that belong to the browser that asked for them, and the owner's reset of a
// share's counters.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "crypto/one_time_code.hpp"
#include "domain/throttle_key.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

using namespace std::chrono_literals;
using store::CodeCheck;
using store::ThrottleRepository;

const std::string kBrowserA(64, 'a');
const std::string kBrowserB(64, 'b');

// The portal's rule in small: free tries, then the client is blocked for a minute.
ThrottleRepository::BlockRule block_after(int free) {
    return [free](const ThrottleRepository::Counts& c) {
        return c.own >= free ? std::chrono::milliseconds(60000) : std::chrono::milliseconds(0);
    };
}

template <class B>
class ThrottleContract : public ShareWorld<B> {
  protected:
    domain::AuditEntry audit_of(const domain::Share& share) const {
        return domain::AuditEntry{0,  share.organisation_id,  share.case_id, share.id, "alice",
                                  {}, "share.reset_counters", "{}"};
    }
};

TYPED_TEST_SUITE(ThrottleContract, Backends, BackendNames);

TYPED_TEST(ThrottleContract, FiftyParallelReservationsOfOneClientGetExactlyItsFreeTries) {
    auto& throttle = this->store->throttle();
    std::atomic<int> granted{0};
    std::atomic<int> refused_with_wait{0};
    std::mutex mutex;
    std::set<int> counts_seen;
    in_parallel(50, [&](int) {
        const auto r = throttle.reserve("share:s1:password:ip:198.51.100.1", "share:s1:password",
                                        3600s, block_after(5));
        if (r.granted) {
            ++granted;
            std::lock_guard lock(mutex);
            counts_seen.insert(r.counts.own);
        } else if (r.wait > 50s) {
            ++refused_with_wait;
        }
    });
    EXPECT_EQ(granted.load(), 5) << "each reservation saw the others: no sixth try got through";
    EXPECT_EQ(refused_with_wait.load(), 45) << "the rest were told how long to wait";
    EXPECT_EQ(counts_seen, (std::set<int>{1, 2, 3, 4, 5})) << "each counted one by one";
    // Refused reservations counted nothing, not even on the share.
    const auto next = throttle.reserve("share:s1:password:ip:198.51.100.2", "share:s1:password",
                                       3600s, block_after(5));
    ASSERT_TRUE(next.granted) << "another client is not blocked by the first one";
    EXPECT_EQ(next.counts.own, 1);
    EXPECT_EQ(next.counts.shared, 6);
    EXPECT_GT(next.counts.shared_window_left, 3500s);
}

TYPED_TEST(ThrottleContract, ABlockOutlivesNothingButItsTimeAndResetLiftsIt) {
    auto& throttle = this->store->throttle();
    const std::string own = "share:s1:code:ip:198.51.100.1";
    for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(throttle.reserve(own, "share:s1:code", 3600s, block_after(2)).granted);
    }
    EXPECT_FALSE(throttle.reserve(own, "share:s1:code", 3600s, block_after(2)).granted);
    this->backend->exec("UPDATE throttle SET next_allowed_at = next_allowed_at - 60001");
    const auto after = throttle.reserve(own, "share:s1:code", 3600s, block_after(2));
    ASSERT_TRUE(after.granted) << "the block ended";
    EXPECT_EQ(after.counts.own, 3) << "the count did not: the window is an hour";
    throttle.reset(own);
    const auto fresh = throttle.reserve(own, "share:s1:code", 3600s, block_after(2));
    ASSERT_TRUE(fresh.granted);
    EXPECT_EQ(fresh.counts.own, 1);
    EXPECT_EQ(fresh.counts.shared, 4) << "a client's reset leaves the share's count";
    // An hour after its start the window restarts.
    this->backend->exec("UPDATE throttle SET window_start = window_start - 3600000");
    const auto next_hour = throttle.reserve(own, "share:s1:code", 3600s, block_after(2));
    EXPECT_EQ(next_hour.counts.own, 1);
    EXPECT_EQ(next_hour.counts.shared, 1);
}

TYPED_TEST(ThrottleContract, QuotasAreCountedAllOrNone) {
    auto& throttle = this->store->throttle();
    const std::vector<ThrottleRepository::Quota> quotas = {{"share:s1:code_send:ip:a", 2},
                                                           {"share:s1:code_send", 3}};
    EXPECT_FALSE(throttle.try_hit_all(quotas, 3600s).refused);
    EXPECT_FALSE(throttle.try_hit_all(quotas, 3600s).refused);
    const auto own_used_up = throttle.try_hit_all(quotas, 3600s);
    ASSERT_TRUE(own_used_up.refused);
    EXPECT_EQ(*own_used_up.refused, 0u);
    EXPECT_GT(own_used_up.retry_after, 3500s);
    EXPECT_LE(own_used_up.retry_after, 3600s);
    // The share's quota has one hit left: the refusal above did not take it.
    const std::vector<ThrottleRepository::Quota> other = {{"share:s1:code_send:ip:b", 2},
                                                          {"share:s1:code_send", 3}};
    EXPECT_FALSE(throttle.try_hit_all(other, 3600s).refused);
    const auto share_used_up = throttle.try_hit_all(other, 3600s);
    ASSERT_TRUE(share_used_up.refused);
    EXPECT_EQ(*share_used_up.refused, 1u);
    // ...and the second address's own hit was taken back with it: after a reset of the share's
    // key alone, it still has one left.
    throttle.reset("share:s1:code_send");
    EXPECT_FALSE(throttle.try_hit_all(other, 3600s).refused);
    EXPECT_TRUE(throttle.try_hit_all(other, 3600s).refused);
}

TYPED_TEST(ThrottleContract, ParallelQuotaHitsNeverExceedEitherLimit) {
    auto& throttle = this->store->throttle();
    std::atomic<int> counted{0};
    in_parallel(30, [&](int i) {
        const std::string client = "share:s1:code_send:ip:" + std::to_string(i % 6);
        if (!throttle.try_hit_all({{client, 3}, {"share:s1:code_send", 10}}, 3600s).refused) {
            ++counted;
        }
    });
    EXPECT_EQ(counted.load(), 10);
}

TYPED_TEST(ThrottleContract, ResetPrefixClearsExactlyTheSharesCountersAndIsAudited) {
    const auto share = this->service->create(this->alice, this->request()).share;
    auto& throttle = this->store->throttle();
    const std::string prefix = domain::share_throttle_prefix(share.id);
    EXPECT_TRUE(throttle.try_hit(prefix + "code_send", 3600s, 1));
    EXPECT_TRUE(throttle.try_hit(prefix + "code_send:ip:198.51.100.1", 3600s, 1));
    throttle.block_for(prefix + "password:ip:198.51.100.1", 600s);
    // Keys of a share whose id starts with this one's, and of no share at all, stay.
    EXPECT_TRUE(throttle.try_hit("share:" + share.id + "x:code_send", 3600s, 1));
    EXPECT_TRUE(throttle.try_hit("portal:preview_ticket:abc", 3600s, 1));
    const auto audits = this->backend->count("audit");
    EXPECT_EQ(throttle.reset_prefix(prefix, this->audit_of(share)), 3);
    EXPECT_EQ(this->backend->count("audit"), audits + 1);
    EXPECT_TRUE(throttle.try_hit(prefix + "code_send", 3600s, 1));
    EXPECT_FALSE(throttle.blocked_for(prefix + "password:ip:198.51.100.1"));
    EXPECT_FALSE(throttle.try_hit("share:" + share.id + "x:code_send", 3600s, 1));
    EXPECT_FALSE(throttle.try_hit("portal:preview_ticket:abc", 3600s, 1));
}

TYPED_TEST(ThrottleContract, OwnerResetsCountersOnlyOfCasesTheyMayAccess) {
    const auto share = this->service->create(this->alice, this->request()).share;
    auto& throttle = this->store->throttle();
    const std::string key = domain::share_throttle_key(share.id, "code_send");
    EXPECT_TRUE(throttle.try_hit(key, 3600s, 1));
    EXPECT_FALSE(throttle.try_hit(key, 3600s, 1));
    const domain::Actor carol{"org-a", "carol", domain::Language::En};  // no access to case-1
    EXPECT_THROW(this->service->reset_counters(carol, share.id), domain::Error);
    EXPECT_THROW(this->service->reset_counters(this->zoe, share.id), domain::Error);
    EXPECT_FALSE(throttle.try_hit(key, 3600s, 1)) << "refused callers reset nothing";
    this->service->reset_counters(this->alice, share.id);
    EXPECT_TRUE(throttle.try_hit(key, 3600s, 1));
    bool audited = false;
    for (const auto& e : this->store->audit().for_share("org-a", share.id, {0, 50})) {
        audited |= e.action == "share.reset_counters" && e.actor == "alice";
    }
    EXPECT_TRUE(audited);
}

TYPED_TEST(ThrottleContract, ACodeBelongsToTheBrowserThatAskedForIt) {
    const auto share = this->service->create(this->alice, this->request()).share;
    auto& codes = this->store->codes();
    codes.issue(share.id, kBrowserB, crypto::code_digest(share.id, "222222"), 10min);
    codes.issue(share.id, kBrowserA, crypto::code_digest(share.id, "111111"), 10min);
    // A's guesses (B's code among them) try and spend only A's code.
    EXPECT_EQ(codes.verify(share.id, kBrowserA, crypto::code_digest(share.id, "222222"), 3),
              CodeCheck::Wrong);
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(codes.verify(share.id, kBrowserA, crypto::code_digest(share.id, "000000"), 3),
                  CodeCheck::Wrong);
    }
    EXPECT_EQ(codes.verify(share.id, kBrowserA, crypto::code_digest(share.id, "111111"), 3),
              CodeCheck::TriesExhausted);
    // A asking for new codes does not replace B's either.
    codes.issue(share.id, kBrowserA, crypto::code_digest(share.id, "333333"), 10min);
    EXPECT_EQ(codes.verify(share.id, kBrowserB, crypto::code_digest(share.id, "222222"), 3),
              CodeCheck::Verified);
    EXPECT_EQ(codes.verify(share.id, kBrowserA, crypto::code_digest(share.id, "333333"), 3),
              CodeCheck::Verified);
}

TYPED_TEST(ThrottleContract, UpgradeAddsTheBrowserToCodesAndOlderCodesMatchNoBrowser) {
    const auto share = this->service->create(this->alice, this->request()).share;
    // The database as migration 4 left it, with a code issued then.
    this->backend->exec(std::string(this->backend->name()) == "sqlite"
                            ? "DROP INDEX codes_by_browser"
                            : "ALTER TABLE one_time_codes DROP INDEX codes_by_browser");
    this->backend->exec("ALTER TABLE one_time_codes DROP COLUMN pre_session_hash");
    this->backend->exec("DELETE FROM schema_version WHERE version = 5");
    this->backend->exec(
        "INSERT INTO one_time_codes (share_id, code_digest, created_at, expires_at, tries, used) "
        "VALUES ('" +
        share.id + "', '" + crypto::code_digest(share.id, "444444") +
        "', 0, 99999999999999, 0, 0)");
    auto upgraded = this->backend->open();
    EXPECT_EQ(upgraded->schema_version(), this->store->schema_version());
    auto& codes = upgraded->codes();
    EXPECT_EQ(codes.verify(share.id, kBrowserA, crypto::code_digest(share.id, "444444"), 3),
              CodeCheck::NoLiveCode);
    codes.issue(share.id, kBrowserA, crypto::code_digest(share.id, "555555"), 10min);
    EXPECT_EQ(codes.verify(share.id, kBrowserA, crypto::code_digest(share.id, "555555"), 3),
              CodeCheck::Verified);
}

}  // namespace
}  // namespace es::test
