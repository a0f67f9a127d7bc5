// The marks behind the portal's owner alerts, against each backend: "first opened" once per
// share, "failed tries" once per interval, each message queued in the transaction of its mark
// (concurrent markers queue exactly one; a failing insert leaves the share unmarked).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "domain/throttle_key.hpp"
#include "notify/outbox_rows.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

using namespace std::chrono_literals;

template <class B>
class OwnerAlertContract : public ShareWorld<B> {
  protected:
    void SetUp() override {
        ShareWorld<B>::SetUp();
        alerts = &this->store->owner_alerts();
        share = this->service->create(this->alice, this->request()).share;
    }

    notify::ShareFacts facts() const {
        notify::ShareFacts f;
        f.organisation_id = share.organisation_id;
        f.share_id = share.id;
        f.owner_name = "Alice";
        f.owner_email = "alice@amt.example";
        return f;
    }
    domain::OutboxMessage opened_message() const {
        const auto now = domain::now_utc();
        return notify::first_opened_row(facts(), notify::AccessKind::View, now, now);
    }
    domain::OutboxMessage failed_message() const {
        const auto now = domain::now_utc();
        return notify::failed_attempts_row(facts(), notify::Credential::Password, 6, true, now,
                                           now);
    }

    domain::OutboxMessage code_limit_message() const {
        const auto now = domain::now_utc();
        return notify::code_limit_row(facts(), 10, now, now);
    }
    std::string code_limit_mark() const {
        return domain::share_throttle_key(share.id, "alert:code_limit");
    }

    int queued(const std::string& kind) {
        int n = 0;
        for (const auto& m : this->store->outbox().for_share(share.id)) {
            n += m.kind == kind ? 1 : 0;
        }
        return n;
    }

    // Runs `f` on eight threads released together; returns how many returned true.
    template <class F>
    int race(F f) {
        const auto result = test::race(8, f);
        EXPECT_EQ(result.errors, 0);
        return result.won;
    }

    store::OwnerAlertRepository* alerts = nullptr;
    domain::Share share;
};

TYPED_TEST_SUITE(OwnerAlertContract, Backends, BackendNames);

TYPED_TEST(OwnerAlertContract, FirstOpeningIsMarkedOnceWithItsMessage) {
    EXPECT_FALSE(this->alerts->first_opened_at(this->share.id).has_value());
    const auto before = this->store->database_now();
    ASSERT_TRUE(this->alerts->mark_first_opened(this->share.id, this->opened_message()));
    const auto at = this->alerts->first_opened_at(this->share.id);
    ASSERT_TRUE(at.has_value());
    EXPECT_GE(*at, before - 1s) << "the database clock";
    EXPECT_FALSE(this->alerts->mark_first_opened(this->share.id, this->opened_message()));
    EXPECT_EQ(this->alerts->first_opened_at(this->share.id), at) << "never moved";
    EXPECT_EQ(this->queued("owner_opened"), 1);
}

TYPED_TEST(OwnerAlertContract, MarkWithoutMessageRecordsTheOpeningAndQueuesNothing) {
    ASSERT_TRUE(this->alerts->mark_first_opened(this->share.id, std::nullopt));
    EXPECT_TRUE(this->alerts->first_opened_at(this->share.id).has_value());
    EXPECT_FALSE(this->alerts->mark_first_opened(this->share.id, this->opened_message()));
    EXPECT_EQ(this->queued("owner_opened"), 0);
}

TYPED_TEST(OwnerAlertContract, ConcurrentFirstOpeningsQueueExactlyOneMessage) {
    const auto message = this->opened_message();
    EXPECT_EQ(this->race([&] { return this->alerts->mark_first_opened(this->share.id, message); }),
              1);
    EXPECT_EQ(this->queued("owner_opened"), 1);
}

TYPED_TEST(OwnerAlertContract, FailingOutboxInsertLeavesTheShareUnopened) {
    this->backend->fail_inserts_into("outbox");
    EXPECT_THROW(this->alerts->mark_first_opened(this->share.id, this->opened_message()),
                 domain::Error);
    EXPECT_FALSE(this->alerts->first_opened_at(this->share.id).has_value())
        << "the mark and its message are one transaction";
    EXPECT_THROW(
        this->alerts->mark_failed_attempts_alerted(this->share.id, 1h, this->failed_message()),
        domain::Error);
    EXPECT_TRUE(this->alerts->failed_attempts_alert_due(this->share.id, 1h));
}

TYPED_TEST(OwnerAlertContract, UnknownShareIsNeverMarked) {
    EXPECT_FALSE(this->alerts->mark_first_opened("0123456789abcdef0123456789abcdef",
                                                 this->opened_message()));
    EXPECT_FALSE(this->alerts->failed_attempts_alert_due("0123456789abcdef0123456789abcdef", 1h));
    EXPECT_EQ(this->backend->count("outbox"), 0);
}

TYPED_TEST(OwnerAlertContract, FailedTriesAlertAtMostOncePerInterval) {
    EXPECT_TRUE(this->alerts->failed_attempts_alert_due(this->share.id, 1h));
    ASSERT_TRUE(
        this->alerts->mark_failed_attempts_alerted(this->share.id, 1h, this->failed_message()));
    EXPECT_FALSE(this->alerts->failed_attempts_alert_due(this->share.id, 1h));
    EXPECT_FALSE(
        this->alerts->mark_failed_attempts_alerted(this->share.id, 1h, this->failed_message()));
    EXPECT_EQ(this->queued("owner_failed_attempts"), 1);

    // An hour later the next alert is due.
    this->backend->exec(
        "UPDATE shares SET failed_attempts_alerted_at = "
        "failed_attempts_alerted_at - 3600001 WHERE id = '" +
        this->share.id + "'");
    EXPECT_TRUE(this->alerts->failed_attempts_alert_due(this->share.id, 1h));
    EXPECT_TRUE(
        this->alerts->mark_failed_attempts_alerted(this->share.id, 1h, this->failed_message()));
    EXPECT_EQ(this->queued("owner_failed_attempts"), 2);
}

TYPED_TEST(OwnerAlertContract, ConcurrentFailedTriesAlertsQueueExactlyOneMessage) {
    const auto message = this->failed_message();
    EXPECT_EQ(this->race([&] {
        return this->alerts->mark_failed_attempts_alerted(this->share.id, 1h, message);
    }),
              1);
    EXPECT_EQ(this->queued("owner_failed_attempts"), 1);
}

TYPED_TEST(OwnerAlertContract, CodeLimitAlertsOncePerIntervalUntilTheCountersAreReset) {
    const auto mark = this->code_limit_mark();
    EXPECT_TRUE(this->alerts->code_limit_alert_due(mark, 1h));
    EXPECT_EQ(this->race([&] {
        return this->alerts->mark_code_limit_alerted(mark, 1h, this->code_limit_message());
    }),
              1);
    EXPECT_FALSE(this->alerts->code_limit_alert_due(mark, 1h));
    EXPECT_FALSE(this->alerts->mark_code_limit_alerted(mark, 1h, this->code_limit_message()));
    EXPECT_EQ(this->queued("owner_code_limit"), 1);
    // The owner resets the share's counters: the next exhaustion is reported again.
    this->service->reset_counters(this->alice, this->share.id);
    EXPECT_TRUE(this->alerts->code_limit_alert_due(mark, 1h));
    EXPECT_TRUE(this->alerts->mark_code_limit_alerted(mark, 1h, this->code_limit_message()));
    EXPECT_EQ(this->queued("owner_code_limit"), 2);
}

}  // namespace
}  // namespace es::test
