// The expiry-reminder queries, against each backend: which shares are due (window per
// organisation, 0 = none, live shares only), marking them once even under concurrency, the message
// queued with the mark, and the reset when the expiry is extended.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "domain/validation_failed.hpp"
#include "notify/outbox_rows.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

using namespace std::chrono_literals;
using Ids = std::vector<std::string>;

template <class B>
class ReminderContract : public ShareWorld<B> {
  protected:
    void SetUp() override {
        ShareWorld<B>::SetUp();
        reminders = &this->store->reminders();
    }

    // A share made 30 days ago that now expires `in` from now (an expiry chosen inside the
    // window is never reminded, so the share must be older than the window).
    domain::Share share_expiring_in(std::chrono::hours in, const std::string& case_id = "case-1",
                                    const domain::Actor* actor = nullptr) {
        auto r = this->request(case_id);
        r.expires_at = this->store->database_now() + in + 30 * 24h;
        const auto made = this->service->create(actor ? *actor : this->alice, r).share;
        pass_time(made.id, 30 * 24h);
        return *this->store->shares().find(made.organisation_id, made.id);
    }

    // Moves the share's times back, as if `by` had passed.
    void pass_time(const std::string& share_id, std::chrono::hours by) {
        const std::string ms = std::to_string(std::chrono::milliseconds(by).count());
        this->backend->exec(
            "UPDATE shares SET expires_at = expires_at - " + ms + ", created_at = created_at - " +
            ms + ", expiry_set_at = expiry_set_at - " + ms + " WHERE id = '" + share_id + "'");
    }

    std::vector<std::string> due_ids(int default_days) {
        std::vector<std::string> ids;
        for (const auto& s : reminders->due_for_reminder(default_days, 100)) {
            ids.push_back(s.id);
        }
        return ids;
    }

    domain::OutboxMessage reminder_for(const domain::Share& share) {
        notify::ShareFacts facts;
        facts.organisation_id = share.organisation_id;
        facts.share_id = share.id;
        facts.owner_name = "Alice";
        facts.owner_email = "alice@amt.example";
        return notify::expiry_reminder_row(facts, share.expires_at, domain::now_utc());
    }

    int reminders_queued(const std::string& share_id) {
        int n = 0;
        for (const auto& m : this->store->outbox().for_share(share_id)) {
            n += m.kind == "expiry_reminder" ? 1 : 0;
        }
        return n;
    }

    void override_days(const std::string& organisation, const std::string& days) {
        this->store->organisation_settings().set_policy_override(organisation, "",
                                                                 "expiry_reminder_days", days);
    }

    store::ReminderRepository* reminders = nullptr;
};

TYPED_TEST_SUITE(ReminderContract, Backends, BackendNames);

TYPED_TEST(ReminderContract, OnlySharesExpiringWithinTheWindowAreDueSoonestFirst) {
    const auto later = this->share_expiring_in(47h);
    const auto soon = this->share_expiring_in(5h);
    this->share_expiring_in(49h);
    EXPECT_EQ(this->due_ids(2), Ids({soon.id, later.id}));
    EXPECT_EQ(this->due_ids(3).size(), 3u) << "a wider window takes the third";
}

TYPED_TEST(ReminderContract, RevokedAndExpiredSharesAreNeverDue) {
    const auto revoked = this->share_expiring_in(5h);
    const auto expired = this->share_expiring_in(5h);
    const auto live = this->share_expiring_in(5h);
    this->service->revoke(this->alice, revoked.id);
    this->backend->exec("UPDATE shares SET expires_at = " +
                        std::to_string(domain::to_epoch_ms(this->store->database_now() - 1h)) +
                        " WHERE id = '" + expired.id + "'");
    EXPECT_EQ(this->due_ids(2), Ids({live.id}));
    EXPECT_FALSE(this->reminders->mark_reminded(revoked.id, revoked.expires_at,
                                                this->reminder_for(revoked)));
    EXPECT_EQ(this->reminders_queued(revoked.id), 0);
}

TYPED_TEST(ReminderContract, MarkedShareQueuesOneReminderAndIsNotDueTwice) {
    const auto share = this->share_expiring_in(5h);
    ASSERT_TRUE(
        this->reminders->mark_reminded(share.id, share.expires_at, this->reminder_for(share)));
    EXPECT_TRUE(this->due_ids(2).empty());
    EXPECT_FALSE(
        this->reminders->mark_reminded(share.id, share.expires_at, this->reminder_for(share)));
    EXPECT_EQ(this->reminders_queued(share.id), 1);
    const auto row = this->store->outbox().for_share(share.id);
    EXPECT_EQ(row.back().recipient_address, "alice@amt.example");
    EXPECT_EQ(row.back().status, domain::OutboxMessage::Status::Pending);
}

TYPED_TEST(ReminderContract, MarkWithoutMessageStopsRetriesAndQueuesNothing) {
    const auto share = this->share_expiring_in(5h);
    ASSERT_TRUE(this->reminders->mark_reminded(share.id, share.expires_at, std::nullopt));
    EXPECT_TRUE(this->due_ids(2).empty());
    EXPECT_EQ(this->reminders_queued(share.id), 0);
}

TYPED_TEST(ReminderContract, ConcurrentMarkersQueueExactlyOneReminder) {
    const auto share = this->share_expiring_in(5h);
    const auto message = this->reminder_for(share);
    const auto markers = race(
        8, [&] { return this->reminders->mark_reminded(share.id, share.expires_at, message); });
    EXPECT_EQ(markers.errors, 0);
    EXPECT_EQ(markers.won, 1);
    EXPECT_EQ(this->reminders_queued(share.id), 1);
}

TYPED_TEST(ReminderContract, ExtendingTheExpiryResetsTheReminderShorteningDoesNot) {
    const auto share = this->share_expiring_in(5h);
    ASSERT_TRUE(this->reminders->mark_reminded(share.id, share.expires_at, std::nullopt));
    this->service->change_expiry(this->alice, share.id, share.expires_at - 1h);
    this->pass_time(share.id, 1h);
    EXPECT_TRUE(this->due_ids(2).empty()) << "shortened: the reminder still stands";
    this->service->change_expiry(this->alice, share.id, this->store->database_now() + 10 * 24h);
    EXPECT_TRUE(this->due_ids(2).empty()) << "outside the window now";
    this->pass_time(share.id, 9 * 24h);
    EXPECT_EQ(this->due_ids(2), Ids({share.id})) << "the new expiry gets its own reminder";
}

TYPED_TEST(ReminderContract, ExpiryChosenInsideTheWindowIsNotReminded) {
    auto r = this->request();
    r.delivery = domain::Delivery::EmailedLink;  // 24 hours by default
    const auto mailed = this->service->create(this->alice, r).share;
    EXPECT_TRUE(this->due_ids(2).empty()) << "the owner picked that date a moment ago";
    this->pass_time(mailed.id, 12h);
    EXPECT_TRUE(this->due_ids(2).empty());

    const auto extended = this->share_expiring_in(5h);
    ASSERT_TRUE(this->reminders->mark_reminded(extended.id, extended.expires_at, std::nullopt));
    this->service->change_expiry(this->alice, extended.id, this->store->database_now() + 30h);
    this->pass_time(extended.id, 6h);
    EXPECT_TRUE(this->due_ids(2).empty()) << "extended by a day: that is the owner's fresh choice";
}

TYPED_TEST(ReminderContract, MarkFailsWhenTheExpiryChangedSinceItWasRead) {
    const auto share = this->share_expiring_in(5h);
    this->service->change_expiry(this->alice, share.id, share.expires_at + 2h);
    EXPECT_FALSE(
        this->reminders->mark_reminded(share.id, share.expires_at, this->reminder_for(share)));
    EXPECT_EQ(this->reminders_queued(share.id), 0);
}

TYPED_TEST(ReminderContract, OrganisationOverrideWidensNarrowsOrSwitchesOff) {
    const auto a = this->share_expiring_in(30h);
    const auto b = this->share_expiring_in(4 * 24h, "case-b", &this->zoe);
    EXPECT_EQ(this->due_ids(2), Ids({a.id}));
    this->override_days("org-b", "5");
    EXPECT_EQ(this->due_ids(2), Ids({a.id, b.id}));
    this->override_days("org-a", "0");
    EXPECT_EQ(this->due_ids(2), Ids({b.id})) << "0 = none for org-a";
    this->override_days("org-a", "1");
    EXPECT_EQ(this->due_ids(2), Ids({b.id})) << "30 hours is outside one day";
}

TYPED_TEST(ReminderContract, DefaultZeroMeansNoneUnlessTheOrganisationSwitchesThemOn) {
    const auto a = this->share_expiring_in(5h);
    this->share_expiring_in(5h, "case-b", &this->zoe);
    EXPECT_TRUE(this->due_ids(0).empty());
    this->override_days("org-a", "2");
    EXPECT_EQ(this->due_ids(0), Ids({a.id}));
}

TYPED_TEST(ReminderContract, ReminderDaysPerCaseTypeAreRefusedBecauseTheJobWouldIgnoreThem) {
    EXPECT_THROW(this->store->organisation_settings().set_policy_override(
                     "org-a", "general", "expiry_reminder_days", "3"),
                 domain::ValidationFailed);
    EXPECT_NO_THROW(this->override_days("org-a", "3"));
}

}  // namespace
}  // namespace es::test
