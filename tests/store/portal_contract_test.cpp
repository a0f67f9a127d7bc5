// What the portal and the notification worker rely on, against each backend: atomic counters,
// codes, sessions, throttles, the access log and the outbox.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "crypto/one_time_code.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

using store::CodeCheck;

// What the portal stores for a browser: a SHA-256 hex of its pre-session cookie.
const std::string kBrowser(64, 'b');
const std::string kOtherBrowser(64, 'c');

template <class B>
class PortalContract : public ShareWorld<B> {
  protected:
    domain::Share make_share(std::optional<std::int64_t> download_limit = std::nullopt) {
        auto r = this->request();
        r.download_limit = download_limit;
        return this->service->create(this->alice, r).share;
    }

    // The one-time codes of kBrowser, given in clear (digested here as the portal does).
    void issue_code(const domain::Share& share, const std::string& code) {
        this->store->codes().issue(share.id, kBrowser, crypto::code_digest(share.id, code),
                                   std::chrono::minutes(10));
    }
    CodeCheck verify_code(const domain::Share& share, const std::string& code, int max_tries) {
        return this->store->codes().verify(share.id, kBrowser, crypto::code_digest(share.id, code),
                                           max_tries);
    }
};

TYPED_TEST_SUITE(PortalContract, Backends, BackendNames);

// The portal reads a request's share, session and selection in one snapshot, and the session
// check may write (touching the session). With the write waiting for a second connection, 32
// threads on a pool of 8 (MariaDB) or 16 (SQLite) would each hold one and wait for another until
// the pool's timeout.
TYPED_TEST(PortalContract, SnapshotsThatWriteDoNotWaitForASecondConnection) {
    const auto share = this->make_share();
    const std::string hash = share.secrets.token_hash;
    std::atomic<int> failed{0};
    const auto started = std::chrono::steady_clock::now();
    in_parallel(32, [&](int t) {
        for (int i = 0; i < 10; ++i) {
            try {
                this->store->with_snapshot([&] {
                    const std::string id = "snap-" + std::to_string(t) + "-" + std::to_string(i);
                    if (!this->store->shares().find_live_by_token_hash(hash)) {
                        ++failed;
                    }
                    this->store->sessions().create(
                        {id, share.id, {}, {}, share.secrets.password_generation, true, false});
                    if (!this->store->sessions().find_valid(id, std::chrono::minutes(60))) {
                        ++failed;  // the read after a write starts a new snapshot that sees it
                    }
                });
            } catch (const domain::Error&) {
                ++failed;
            }
        }
    });
    EXPECT_EQ(failed.load(), 0);
    // The pool waits 10 s for a connection before failing; far below that, nothing waited for one.
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(9));
}

TYPED_TEST(PortalContract, ReadsInASnapshotSeeOneStateWhereTheBackendKeepsOne) {
    const auto share = this->make_share();
    const std::string hash = share.secrets.token_hash;
    bool before = false;
    bool during = false;
    this->store->with_snapshot([&] {
        before = this->store->shares().find_live_by_token_hash(hash).has_value();
        std::thread([&] { this->service->revoke(this->alice, share.id); }).join();
        during = this->store->shares().find_live_by_token_hash(hash).has_value();
    });
    EXPECT_TRUE(before);
    // SQLite holds one read transaction for the snapshot; MySQL only pins the connection (its
    // single statements need no transaction to start cheaply), so there the revocation shows.
    EXPECT_EQ(during, this->store->backend() == "sqlite");
    EXPECT_FALSE(this->store->shares().find_live_by_token_hash(hash).has_value());
}

TYPED_TEST(PortalContract, DownloadLimitOfOneGrantsExactlyOneOfFiftyConcurrentDownloads) {
    const auto share = this->make_share(1);
    const auto downloads =
        race(50, [&] { return this->store->shares().consume_download(share.id); });
    EXPECT_EQ(downloads.errors, 0);
    EXPECT_EQ(downloads.won, 1);
    EXPECT_EQ(this->store->shares().find("org-a", share.id)->downloads_used, 1);
}

TYPED_TEST(PortalContract, DownloadsWithoutLimitAreCountedAndRevokedSharesGrantNone) {
    const auto share = this->make_share();
    EXPECT_TRUE(this->store->shares().consume_download(share.id));
    EXPECT_TRUE(this->store->shares().consume_download(share.id));
    EXPECT_EQ(this->store->shares().find("org-a", share.id)->downloads_used, 2);
    this->service->revoke(this->alice, share.id);
    EXPECT_FALSE(this->store->shares().consume_download(share.id));
}

TYPED_TEST(PortalContract, ReleasedDownloadSlotCanBeReservedAgainAndCountNeverGoesBelowZero) {
    const auto share = this->make_share(1);
    auto& shares = this->store->shares();
    ASSERT_TRUE(shares.consume_download(share.id));
    ASSERT_FALSE(shares.consume_download(share.id));
    shares.release_download(share.id);
    EXPECT_EQ(shares.find("org-a", share.id)->downloads_used, 0);
    EXPECT_TRUE(shares.consume_download(share.id)) << "the released slot is free again";
    EXPECT_FALSE(shares.consume_download(share.id));
    // More releases than reservations, also concurrently: the count stops at zero.
    in_parallel(10, [&](int) { shares.release_download(share.id); });
    EXPECT_EQ(shares.find("org-a", share.id)->downloads_used, 0);
    shares.release_download("no-such-share");
}

// The download limit by delivered bytes: a counted download buys one file's worth.
TYPED_TEST(PortalContract, PaidDownloadsCountOncePerFilesWorthAndResumeFromTheCredit) {
    const auto share = this->make_share(2);
    auto& shares = this->store->shares();
    auto used = [&] { return shares.find("org-a", share.id)->downloads_used; };
    EXPECT_TRUE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 99));
    EXPECT_EQ(used(), 1);
    EXPECT_TRUE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 1)) << "from the credit";
    EXPECT_EQ(used(), 1);
    EXPECT_TRUE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 99));
    EXPECT_EQ(used(), 2);
    EXPECT_FALSE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 2)) << "limit reached";
    EXPECT_TRUE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 1)) << "the last byte";
    EXPECT_FALSE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 1));
    EXPECT_EQ(used(), 2);
}

TYPED_TEST(PortalContract, ParallelPaymentsNeverDeliverMoreThanTheyCounted) {
    const auto share = this->make_share(3);
    const auto payments = race(20, [&] {
        return this->store->shares().pay_download(share.id, "file:a1", "\"v1\"", 100, 60);
    });
    EXPECT_EQ(payments.errors, 0);
    // Three files' worth is 300 bytes: five payments of 60.
    EXPECT_EQ(payments.won, 5);
    EXPECT_EQ(this->store->shares().find("org-a", share.id)->downloads_used, 3);
}

TYPED_TEST(PortalContract, RefundsRestoreTheCreditAndAWholeFilesWorthGivesTheDownloadBack) {
    const auto share = this->make_share(1);
    auto& shares = this->store->shares();
    auto used = [&] { return shares.find("org-a", share.id)->downloads_used; };
    ASSERT_TRUE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 100));
    shares.refund_download(share.id, "file:a1", "\"v1\"", 100, 40);
    EXPECT_EQ(used(), 1);
    EXPECT_TRUE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 40)) << "resumed";
    EXPECT_FALSE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 1));
    shares.refund_download(share.id, "file:a1", "\"v1\"", 100, 100);
    EXPECT_EQ(used(), 0) << "nothing of it was delivered";
    // A credit is for one version of the file: a changed file starts from nothing.
    ASSERT_TRUE(shares.pay_download(share.id, "file:a1", "\"v1\"", 100, 50));
    EXPECT_FALSE(shares.pay_download(share.id, "file:a1", "\"v2\"", 100, 10));
    shares.refund_download(share.id, "file:a1", "\"v2\"", 100, 50);
    EXPECT_EQ(used(), 1) << "a refund for another version refunds nothing";
    // Without a limit, nothing is paid this way; a revoked share pays nothing at all.
    const auto open = this->make_share();
    EXPECT_FALSE(shares.pay_download(open.id, "file:a1", "\"v1\"", 100, 1));
    const auto limited = this->make_share(5);
    this->service->revoke(this->alice, limited.id);
    EXPECT_FALSE(shares.pay_download(limited.id, "file:a1", "\"v1\"", 100, 1));
}

TYPED_TEST(PortalContract, DownloadCreditsAppearOnADatabaseFromBeforeThem) {
    const auto share = this->make_share(1);
    // As if the database had been made before migration 6 existed.
    this->service.reset();
    this->store.reset();
    this->backend->exec("DROP TABLE download_credits");
    this->backend->exec("DELETE FROM schema_version WHERE version = 6");
    this->store = this->backend->open();
    EXPECT_TRUE(this->store->shares().pay_download(share.id, "file:a1", "\"v1\"", 100, 100));
    EXPECT_EQ(this->backend->count("download_credits"), 1);
}

TYPED_TEST(PortalContract, CodeVerifiesOnceAndWrongGuessesSpendTries) {
    const auto share = this->make_share();
    EXPECT_EQ(this->verify_code(share, "123456", 3), CodeCheck::NoLiveCode);
    this->issue_code(share, "123456");
    EXPECT_EQ(this->verify_code(share, "000000", 3), CodeCheck::Wrong);
    EXPECT_EQ(this->verify_code(share, "123456", 3), CodeCheck::Verified);
    EXPECT_EQ(this->verify_code(share, "123456", 3), CodeCheck::NoLiveCode);
}

TYPED_TEST(PortalContract, CodeTriesStayBoundedUnderConcurrentGuesses) {
    const auto share = this->make_share();
    this->issue_code(share, "424242");
    std::atomic<int> wrong{0};
    in_parallel(20, [&](int i) {
        if (this->verify_code(share, std::to_string(100000 + i), 5) == CodeCheck::Wrong) {
            ++wrong;
        }
    });
    EXPECT_EQ(wrong.load(), 5);
    // Even the right code is refused once the tries are spent.
    EXPECT_EQ(this->verify_code(share, "424242", 5), CodeCheck::TriesExhausted);
}

// A one-time code by SMS for the share, as the portal queues it.
domain::OutboxMessage code_message_for(const std::string& share_id) {
    domain::OutboxMessage m;
    m.organisation_id = "org-a";
    m.share_id = share_id;
    m.kind = "one_time_code";
    m.channel = "sms";
    m.recipient_address = "+41791234567";
    m.payload_json = R"({"sealed_code":"x"})";
    return m;
}

TYPED_TEST(PortalContract, IssueAndQueueStoresTheCodeAndItsPendingMessage) {
    const auto share = this->make_share();
    auto& codes = this->store->codes();
    codes.issue_and_queue(share.id, kBrowser, crypto::code_digest(share.id, "313131"),
                          std::chrono::minutes(10), code_message_for(share.id));
    const auto messages = this->store->outbox().for_share(share.id);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].kind, "one_time_code");
    EXPECT_EQ(messages[0].status, domain::OutboxMessage::Status::Pending);
    EXPECT_EQ(messages[0].payload_json, R"({"sealed_code":"x"})");
    EXPECT_EQ(this->verify_code(share, "313131", 5), CodeCheck::Verified);
}

TYPED_TEST(PortalContract, IssueAndQueueWritesNoCodeWhenTheOutboxInsertFails) {
    const auto share = this->make_share();
    auto& codes = this->store->codes();
    this->issue_code(share, "111111");
    const auto outbox_rows = this->backend->count("outbox");
    this->backend->fail_inserts_into("outbox");
    EXPECT_THROW(codes.issue_and_queue(share.id, kBrowser, crypto::code_digest(share.id, "222222"),
                                       std::chrono::minutes(10), code_message_for(share.id)),
                 domain::Error);
    EXPECT_EQ(this->backend->count("one_time_codes"), 1) << "the new code row was rolled back";
    EXPECT_EQ(this->backend->count("outbox"), outbox_rows);
    // The rollback also undid retiring the previous code: it still works, the new one never did.
    EXPECT_EQ(this->verify_code(share, "222222", 5), CodeCheck::Wrong);
    EXPECT_EQ(this->verify_code(share, "111111", 5), CodeCheck::Verified);
}

TYPED_TEST(PortalContract, NewCodeReplacesTheOldAndExpiredCodesAreDead) {
    const auto share = this->make_share();
    this->issue_code(share, "111111");
    this->issue_code(share, "222222");
    EXPECT_EQ(this->verify_code(share, "111111", 5), CodeCheck::Wrong);
    this->backend->exec("UPDATE one_time_codes SET expires_at = expires_at - 600000");
    EXPECT_EQ(this->verify_code(share, "222222", 5), CodeCheck::NoLiveCode);
}

TYPED_TEST(PortalContract, SessionLivesUntilThePasswordChangesOrTheShareIsRevoked) {
    const auto share = this->make_share();
    auto& sessions = this->store->sessions();
    sessions.create({"s1", share.id, {}, {}, share.secrets.password_generation, true, false});
    sessions.create({"s2", share.id, {}, {}, share.secrets.password_generation, true, false});
    auto found = sessions.find_valid("s1", std::chrono::minutes(60));
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->password_passed);
    EXPECT_FALSE(found->code_passed);
    sessions.mark_passed("s1", false, true);
    EXPECT_TRUE(sessions.find_valid("s1", std::chrono::minutes(60))->code_passed);

    this->service->change_protection(this->alice, share.id,
                                     {domain::Protection::Password, "brand new password"});
    EXPECT_FALSE(sessions.find_valid("s1", std::chrono::minutes(60)));
    sessions.create({"s3", share.id, {}, {}, share.secrets.password_generation + 1, true, false});
    EXPECT_TRUE(sessions.find_valid("s3", std::chrono::minutes(60)));
    this->service->revoke(this->alice, share.id);
    EXPECT_FALSE(sessions.find_valid("s3", std::chrono::minutes(60)));
}

TYPED_TEST(PortalContract, IdleSessionExpires) {
    const auto share = this->make_share();
    auto& sessions = this->store->sessions();
    sessions.create({"s1", share.id, {}, {}, 0, false, false});
    this->backend->exec("UPDATE portal_sessions SET last_seen_at = last_seen_at - 3600001");
    EXPECT_FALSE(sessions.find_valid("s1", std::chrono::minutes(60)));
    EXPECT_EQ(sessions.purge_idle(std::chrono::minutes(60)), 1);
}

TYPED_TEST(PortalContract, SessionLastSeenIsTouchedAtMostOncePerMinute) {
    const auto share = this->make_share();
    auto& sessions = this->store->sessions();
    sessions.create({"s1", share.id, {}, {}, 0, false, false});
    // Seen 30 s ago: the next views leave last seen as it is.
    this->backend->exec("UPDATE portal_sessions SET last_seen_at = last_seen_at - 30000");
    const auto first = sessions.find_valid("s1", std::chrono::minutes(60));
    ASSERT_TRUE(first);
    const auto second = sessions.find_valid("s1", std::chrono::minutes(60));
    ASSERT_TRUE(second);
    EXPECT_EQ(second->last_seen_at, first->last_seen_at) << "touched within the minute";
    // Seen more than a minute ago: this view touches it, to the database clock.
    this->backend->exec("UPDATE portal_sessions SET last_seen_at = last_seen_at - 31000");
    const auto stale = sessions.find_valid("s1", std::chrono::minutes(60));
    ASSERT_TRUE(stale);
    EXPECT_EQ(stale->last_seen_at, first->last_seen_at - std::chrono::milliseconds(31000));
    const auto touched = sessions.find_valid("s1", std::chrono::minutes(60));
    ASSERT_TRUE(touched);
    EXPECT_GE(touched->last_seen_at - stale->last_seen_at, std::chrono::milliseconds(61000));
}

TYPED_TEST(PortalContract, IdleExpiryCountsFromTheLastTouchSoItComesAtMostAMinuteEarly) {
    const auto share = this->make_share();
    auto& sessions = this->store->sessions();
    sessions.create({"s1", share.id, {}, {}, 0, false, false});
    // Touched 59 s ago: valid, and this view does not touch it (within the minute). So 2 s later
    // the 1-minute idle limit has passed since the last touch: expired, early but never late.
    this->backend->exec("UPDATE portal_sessions SET last_seen_at = last_seen_at - 59000");
    EXPECT_TRUE(sessions.find_valid("s1", std::chrono::minutes(1)));
    this->backend->exec("UPDATE portal_sessions SET last_seen_at = last_seen_at - 2000");
    EXPECT_FALSE(sessions.find_valid("s1", std::chrono::minutes(1)));
}

TYPED_TEST(PortalContract, ThrottleAllowsTheLimitPerWindowAcrossThreads) {
    auto& throttle = this->store->throttle();
    std::atomic<int> allowed{0};
    in_parallel(12, [&](int) {
        if (throttle.try_hit("share:x:code_send", std::chrono::seconds(3600), 5)) {
            ++allowed;
        }
    });
    EXPECT_EQ(allowed.load(), 5);
    this->backend->exec("UPDATE throttle SET window_start = window_start - 3600000");
    EXPECT_TRUE(throttle.try_hit("share:x:code_send", std::chrono::seconds(3600), 5));
    EXPECT_TRUE(throttle.try_hit("other", std::chrono::seconds(3600), 5));
}

TYPED_TEST(PortalContract, BlockedKeyReportsTheRemainingTime) {
    auto& throttle = this->store->throttle();
    EXPECT_FALSE(throttle.blocked_for("ip:198.51.100.1"));
    throttle.block_for("ip:198.51.100.1", std::chrono::seconds(30));
    auto left = throttle.blocked_for("ip:198.51.100.1");
    ASSERT_TRUE(left);
    EXPECT_GT(*left, std::chrono::seconds(25));
    EXPECT_LE(*left, std::chrono::seconds(30));
    throttle.reset("ip:198.51.100.1");
    EXPECT_FALSE(throttle.blocked_for("ip:198.51.100.1"));
}

// "Last access" is the recipient's: the owner's own visits to the link ("owner_" actions) are in
// the log, marked as the owner's, but do not count as the link being used.
TYPED_TEST(PortalContract, LastAccessIsTheRecipientsNotTheOwnersOwnVisit) {
    const auto share = this->make_share();
    auto& log = this->store->access_log();
    const auto t0 = domain::now_utc() - std::chrono::hours(1);
    log.append({0, share.id, "org-a", "case-1", t0, "203.0.113.9", "UA", "owner_view", "", "ok"});
    EXPECT_FALSE(this->service->list(this->alice, "case-1")[0].last_access);
    log.append({0, share.id, "org-a", "case-1", t0 + std::chrono::minutes(1), "203.0.113.9", "UA",
                "view", "", "ok"});
    log.append({0, share.id, "org-a", "case-1", t0 + std::chrono::minutes(2), "203.0.113.9", "UA",
                "owner_download", "f1", "ok"});
    EXPECT_EQ(this->service->list(this->alice, "case-1")[0].last_access,
              t0 + std::chrono::minutes(1));
}

TYPED_TEST(PortalContract, AccessLogIsPagedNewestFirstPerShareAndPerCase) {
    const auto a = this->make_share();
    const auto b = this->make_share();
    auto& log = this->store->access_log();
    const auto t0 = domain::now_utc() - std::chrono::hours(1);
    for (int i = 0; i < 7; ++i) {
        const auto& s = i % 2 == 0 ? a : b;
        log.append({0, s.id, "org-a", "case-1", t0 + std::chrono::minutes(i), "203.0.113.9",
                    "Mozilla/5.0 <script>", "view", "", "ok"});
    }
    auto first = this->service->access_log_for_case(this->alice, "case-1", {0, 3});
    auto second = this->service->access_log_for_case(this->alice, "case-1", {3, 3});
    ASSERT_EQ(first.size(), 3u);
    ASSERT_EQ(second.size(), 3u);
    EXPECT_EQ(first[0].at, t0 + std::chrono::minutes(6));
    EXPECT_EQ(second[0].at, t0 + std::chrono::minutes(3));
    EXPECT_EQ(first[0].user_agent, "Mozilla/5.0 <script>");  // stored as given; escaped on output
    auto only_a = this->service->access_log_for_share(this->alice, a.id, {0, 50});
    EXPECT_EQ(only_a.size(), 4u);
    EXPECT_EQ(this->service->list(this->alice, "case-1")[0].last_access.has_value(), true);
    // Another organisation sees none of it.
    EXPECT_TRUE(this->store->access_log().for_case("org-b", "case-1", {}).empty());
}

TYPED_TEST(PortalContract, AccessLogBatchStoresEveryEventOfTheBatch) {
    // The portal's group commit writes whatever requests arrived during one commit together.
    const auto a = this->make_share();
    const auto b = this->make_share();
    std::vector<domain::AccessEvent> batch;
    for (int i = 0; i < 40; ++i) {
        batch.push_back({0,
                         (i % 4 == 0 ? b : a).id,
                         "org-a",
                         "case-1",
                         {},
                         "2001:db8::1",
                         std::string(600, 'u'),
                         "download",
                         "item-" + std::to_string(i),
                         "ok"});
    }
    this->store->access_log().append_all(batch);
    this->store->access_log().append_all({});
    const auto for_a = this->store->access_log().for_share("org-a", a.id, {0, 100});
    const auto for_b = this->store->access_log().for_share("org-a", b.id, {0, 100});
    EXPECT_EQ(for_a.size(), 30u);
    ASSERT_EQ(for_b.size(), 10u);
    EXPECT_EQ(for_b[0].user_agent.size(), 512u);  // cut like a single append
    std::set<std::string> items;
    for (const auto& e : for_a) {
        items.insert(e.item_id);
    }
    EXPECT_EQ(items.size(), 30u);
}

TYPED_TEST(PortalContract, AccessLogPurgeRemovesOnlyEventsPastTheRetention) {
    const auto a = this->make_share();
    auto& log = this->store->access_log();
    const auto now = domain::now_utc();
    log.append({0, a.id, "org-a", "case-1", now - std::chrono::hours(24 * 400), "::1", "", "view",
                "", "ok"});
    log.append({0, a.id, "org-a", "case-1", now - std::chrono::hours(24 * 10), "::1", "", "view",
                "", "ok"});
    log.append({0, a.id, "org-a", "case-1", {}, "::1", "", "download", "a1", "ok"});
    EXPECT_EQ(log.purge_older_than(365, 1000), 1);
    EXPECT_EQ(log.for_share("org-a", a.id, {}).size(), 2u);
    EXPECT_EQ(log.purge_older_than(5, 1000), 1);
    auto left = log.for_share("org-a", a.id, {});
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].action, "download");
}

TYPED_TEST(PortalContract, OutboxClaimIsExclusiveAndRetriesComeBackAfterTheirDelay) {
    const auto share = this->make_share();
    auto& outbox = this->store->outbox();
    const auto id = outbox.enqueue(code_message_for(share.id));
    std::atomic<int> claimed{0};
    in_parallel(8, [&](int) {
        claimed += static_cast<int>(outbox.claim(10, std::chrono::seconds(60)).size());
    });
    EXPECT_EQ(claimed.load(), 1);
    EXPECT_TRUE(outbox.reschedule(id, 1, "gateway down", std::chrono::milliseconds(0)));
    auto again = outbox.claim(10, std::chrono::seconds(60));
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].attempts, 2);
    EXPECT_EQ(again[0].last_error, "gateway down");
    EXPECT_TRUE(outbox.mark_sent(id, 2, "{}"));
    EXPECT_EQ(outbox.find(id)->status, domain::OutboxMessage::Status::Sent);
}

// The lease ran out: the row is due again by the database's clock. Moving the row back stands in
// for waiting out a lease.
void lapse_lease(StoreBackend& backend, std::int64_t id) {
    backend.exec("UPDATE outbox SET next_attempt_at = next_attempt_at - 3600000 WHERE id = " +
                 std::to_string(id));
}

TYPED_TEST(PortalContract, OutboxClaimThatLapsedAndWasTakenAgainIsNoLongerTheFirstWorkers) {
    const auto share = this->make_share();
    auto& outbox = this->store->outbox();
    const auto id = outbox.enqueue(code_message_for(share.id));
    const auto first = outbox.claim(10, std::chrono::seconds(60));
    ASSERT_EQ(first.size(), 1u);
    lapse_lease(*this->backend, id);
    const auto second = outbox.claim(10, std::chrono::seconds(60));
    ASSERT_EQ(second.size(), 1u);
    ASSERT_EQ(second[0].attempts, first[0].attempts + 1);
    const auto rows_before = this->backend->count("outbox");

    // The first worker, still busy with its stale claim, can neither send nor record anything.
    const int stale = first[0].attempts;
    EXPECT_FALSE(outbox.renew(id, stale, std::chrono::seconds(60)));
    EXPECT_FALSE(outbox.mark_sent(id, stale, "{}"));
    EXPECT_FALSE(outbox.reschedule(id, stale, "timeout", std::chrono::milliseconds(0)));
    EXPECT_FALSE(outbox.mark_failed(id, stale, "timeout", "{}", code_message_for(share.id)));
    EXPECT_FALSE(outbox.release(id, stale));
    EXPECT_EQ(this->backend->count("outbox"), rows_before) << "no alert for a claim not held";
    auto row = outbox.find(id);
    EXPECT_EQ(row->status, domain::OutboxMessage::Status::Sending);
    EXPECT_EQ(row->attempts, second[0].attempts);
    EXPECT_TRUE(outbox.claim(10, std::chrono::seconds(60)).empty()) << "still the second's";

    // The second worker's claim is intact, and the row ends sent once.
    EXPECT_TRUE(outbox.renew(id, second[0].attempts, std::chrono::seconds(60)));
    EXPECT_TRUE(outbox.mark_sent(id, second[0].attempts, "{}"));
    EXPECT_FALSE(outbox.mark_sent(id, second[0].attempts, "{}"));
    row = outbox.find(id);
    EXPECT_EQ(row->status, domain::OutboxMessage::Status::Sent);
    EXPECT_EQ(row->attempts, second[0].attempts);
    EXPECT_TRUE(outbox.claim(10, std::chrono::seconds(60)).empty());
}

TYPED_TEST(PortalContract, OutboxClaimRenewedBeforeSendingHoldsForAnotherLease) {
    const auto share = this->make_share();
    auto& outbox = this->store->outbox();
    const auto id = outbox.enqueue(code_message_for(share.id));
    const auto claimed = outbox.claim(10, std::chrono::seconds(60));
    ASSERT_EQ(claimed.size(), 1u);
    lapse_lease(*this->backend, id);
    // Lapsed but not taken: still the owner's, and renewing makes it so for a lease from now.
    EXPECT_TRUE(outbox.renew(id, claimed[0].attempts, std::chrono::seconds(60)));
    EXPECT_TRUE(outbox.claim(10, std::chrono::seconds(60)).empty());
    EXPECT_TRUE(outbox.release(id, claimed[0].attempts));
    EXPECT_FALSE(outbox.renew(id, claimed[0].attempts, std::chrono::seconds(60)))
        << "a released claim is given up";
    const auto again = outbox.claim(10, std::chrono::seconds(60));
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].attempts, claimed[0].attempts) << "a release does not count the attempt";
}

TYPED_TEST(PortalContract, ExpiredCodeMessagesAreDroppedNotSent) {
    const auto share = this->make_share();
    auto& outbox = this->store->outbox();
    domain::OutboxMessage m = code_message_for(share.id);
    m.expires_at = domain::now_utc() - std::chrono::seconds(1);
    const auto id = outbox.enqueue(m);
    EXPECT_TRUE(outbox.claim(10, std::chrono::seconds(60)).empty());
    EXPECT_EQ(outbox.expire_overdue(), 1);
    EXPECT_EQ(outbox.find(id)->status, domain::OutboxMessage::Status::Dropped);
}

TYPED_TEST(PortalContract, OrganisationSettingsAreKeptPerOrganisation) {
    auto& settings = this->store->organisation_settings();
    settings.set_value("org-a", "licence.state", "trial");
    settings.set_value("org-a", "licence.state", "licensed");
    settings.set_value("org-b", "licence.state", "expired");
    EXPECT_EQ(settings.value("org-a", "licence.state"), "licensed");
    EXPECT_EQ(settings.values("org-b").at("licence.state"), "expired");
    settings.remove_value("org-a", "licence.state");
    EXPECT_FALSE(settings.value("org-a", "licence.state"));
    EXPECT_THROW(settings.set_policy_override("org-a", "", "code_digits", "3"), domain::Error);
    EXPECT_THROW(settings.set_policy_override("org-a", "", "no_such_key", "1"), domain::Error);
    settings.set_policy_override("org-a", "", "code_digits", "5");
    EXPECT_EQ(this->service->policy_for(this->alice, "general").settings().code_digits, 5);
}

// The recipient's first opening is claimed once, however many requests (and instances) race; the
// share read afterwards carries the mark, so later requests need no query of their own.
TYPED_TEST(PortalContract, TheFirstOpeningIsClaimedByExactlyOneOfManyRequests) {
    const auto share = this->make_share();
    EXPECT_FALSE(share.first_opening_recorded);
    std::atomic<int> claimed{0};
    in_parallel(20, [&](int) {
        if (this->store->shares().mark_first_opening_recorded(share.id)) {
            ++claimed;
        }
    });
    EXPECT_EQ(claimed.load(), 1);
    EXPECT_TRUE(this->store->shares().find("org-a", share.id)->first_opening_recorded);
    EXPECT_FALSE(this->store->shares().mark_first_opening_recorded("no-such-share"));
}

// The creator's name the host gave when the share was made comes back with the share.
TYPED_TEST(PortalContract, TheCreatorsNameIsKeptWithTheShare) {
    auto r = this->request();
    r.creator_name = "Anna Müller";
    const auto made = this->service->create(this->alice, r).share;
    EXPECT_EQ("Anna Müller", this->store->shares().find("org-a", made.id)->creator_name);
    r.creator_name = std::string(300, 'x');  // too long for the column: not kept, not refused
    const auto long_name = this->service->create(this->alice, r).share;
    EXPECT_EQ("", this->store->shares().find("org-a", long_name.id)->creator_name);
}

}  // namespace
}  // namespace es::test
