// The purges the maintenance job runs, against each backend: what is past its retention goes,
// what is not stays, and the count says how many went. (The access-log purge is covered in
// portal_contract_test.cpp.)
#include <gtest/gtest.h>

#include "crypto/one_time_code.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

using namespace std::chrono_literals;

template <class B>
class RetentionContract : public ShareWorld<B> {
  protected:
    domain::Share make_share() { return this->service->create(this->alice, this->request()).share; }
};

TYPED_TEST_SUITE(RetentionContract, Backends, BackendNames);

TYPED_TEST(RetentionContract, CodePurgeRemovesOnlyCodesExpiredMoreThanADayAgo) {
    const auto a = this->make_share();
    const auto b = this->make_share();
    const auto c = this->make_share();
    auto& codes = this->store->codes();
    codes.issue(a.id, std::string(64, 'b'), crypto::code_digest(a.id, "111111"), 10min);
    codes.issue(b.id, std::string(64, 'b'), crypto::code_digest(b.id, "222222"), 10min);
    codes.issue(c.id, std::string(64, 'b'), crypto::code_digest(c.id, "333333"), 10min);
    // a's code ended 25 hours ago, b's 23 hours ago, c's is live.
    this->backend->exec(
        "UPDATE one_time_codes SET expires_at = expires_at - 90600000 WHERE "
        "share_id = '" +
        a.id + "'");
    this->backend->exec(
        "UPDATE one_time_codes SET expires_at = expires_at - 83400000 WHERE "
        "share_id = '" +
        b.id + "'");
    EXPECT_EQ(codes.purge_expired(), 1);
    EXPECT_EQ(this->backend->count("one_time_codes"), 2);
    EXPECT_EQ(codes.purge_expired(), 0);
    EXPECT_EQ(codes.verify(c.id, std::string(64, 'b'), crypto::code_digest(c.id, "333333"), 5),
              store::CodeCheck::Verified);
}

TYPED_TEST(RetentionContract, SessionPurgeRemovesOnlySessionsIdleLongerThanTheLimit) {
    const auto share = this->make_share();
    auto& sessions = this->store->sessions();
    sessions.create({"idle", share.id, {}, {}, 0, false, false});
    sessions.create({"recent", share.id, {}, {}, 0, false, false});
    this->backend->exec(
        "UPDATE portal_sessions SET last_seen_at = last_seen_at - 3700000 WHERE session_hash = "
        "'idle'");
    this->backend->exec(
        "UPDATE portal_sessions SET last_seen_at = last_seen_at - 3500000 WHERE session_hash = "
        "'recent'");
    EXPECT_EQ(sessions.purge_idle(60min), 1);
    EXPECT_EQ(sessions.purge_idle(60min), 0);
    EXPECT_FALSE(sessions.find_valid("idle", 60min));
    EXPECT_TRUE(sessions.find_valid("recent", 60min));
}

TYPED_TEST(RetentionContract, ThrottlePurgeRemovesOnlyOldRowsThatBlockNothing) {
    auto& throttle = this->store->throttle();
    ASSERT_TRUE(throttle.try_hit("old", 3600s, 5));
    ASSERT_TRUE(throttle.try_hit("fresh", 3600s, 5));
    throttle.block_for("old-but-blocking", 7200s);
    // Two of them untouched for 25 hours; the blocking one still blocks for an hour after that.
    this->backend->exec(
        "UPDATE throttle SET updated_at = updated_at - 90000000, window_start = "
        "window_start - 90000000 WHERE throttle_key IN ('old', "
        "'old-but-blocking')");
    EXPECT_EQ(throttle.purge_older_than(24h), 1);
    EXPECT_EQ(throttle.purge_older_than(24h), 0);
    EXPECT_EQ(this->backend->count("throttle"), 2);
    EXPECT_TRUE(throttle.blocked_for("old-but-blocking"));
}

TYPED_TEST(RetentionContract, AccessLogPurgeCountsWhatItRemoved) {
    const auto a = this->make_share();
    auto& log = this->store->access_log();
    const auto now = this->store->database_now();
    for (int i = 0; i < 3; ++i) {
        log.append({0, a.id, "org-a", "case-1", now - std::chrono::hours(24 * 31), "::1", "",
                    "view", "", "ok"});
    }
    log.append({0, a.id, "org-a", "case-1", now - std::chrono::hours(24 * 29), "::1", "", "view",
                "", "ok"});
    EXPECT_EQ(log.purge_older_than(30, 1000), 3);
    EXPECT_EQ(log.purge_older_than(30, 1000), 0);
    EXPECT_EQ(this->backend->count("access_events"), 1);
}

TYPED_TEST(RetentionContract, AccessLogPurgeDeletesInBatchesOldestFirst) {
    const auto a = this->make_share();
    auto& log = this->store->access_log();
    const auto now = this->store->database_now();
    for (int days : {50, 40, 35, 10}) {
        log.append({0, a.id, "org-a", "case-1", now - std::chrono::hours(24 * days), "::1", "",
                    "view", std::to_string(days), "ok"});
    }
    EXPECT_EQ(log.purge_older_than(30, 2), 2);
    auto left = log.for_share("org-a", a.id, {});
    ASSERT_EQ(left.size(), 2u);
    EXPECT_EQ(left[0].item_id, "10");
    EXPECT_EQ(left[1].item_id, "35");
    EXPECT_EQ(log.purge_older_than(30, 2), 1);
    EXPECT_EQ(log.purge_older_than(30, 2), 0);
    EXPECT_EQ(this->backend->count("access_events"), 1);
}

}  // namespace
}  // namespace es::test
