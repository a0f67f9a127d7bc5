// Building outbox rows: addresses validated before anything is queued, secrets only sealed,
// codes expiring with their lifetime, the code channel rule.
#include <gtest/gtest.h>

#include "notify/invalid_address.hpp"
#include "notify/outbox_payload.hpp"
#include "notify/outbox_rows.hpp"

using namespace es::notify;
using es::domain::CodeChannel;
using es::domain::Recipient;

namespace {

ShareFacts facts() {
    ShareFacts f;
    f.organisation_id = "org-1";
    f.organisation_name = "Sozialamt";
    f.share_id = "0123456789abcdef0123456789abcdef";
    f.case_reference = "Fall 42";
    f.owner_name = "Max";
    f.owner_email = "max@amt.example";
    f.recipient_name = "Anna";
    return f;
}

const es::domain::Timestamp kNow = es::domain::from_epoch_ms(1700000000000);

}  // namespace

TEST(OutboxRows, LinkRowCarriesOnlyTheSealedToken) {
    const auto row = share_link_row(facts(), "anna@example.org", "v1.k.SEALED", kNow, kNow);
    EXPECT_EQ(row.kind, "share_link");
    EXPECT_EQ(row.channel, "email");
    EXPECT_EQ(row.recipient_address, "anna@example.org");
    EXPECT_FALSE(row.expires_at.has_value());
    const auto payload = OutboxPayload::from_json(row.payload_json);
    EXPECT_EQ(payload.sealed_token, "v1.k.SEALED");
    EXPECT_EQ(payload.scrubbed().to_json().find("SEALED"), std::string::npos);
}

TEST(OutboxRows, MalformedRecipientAddressIsRefused) {
    EXPECT_THROW(share_link_row(facts(), "anna@example.org\r\nBcc: e@evil.org", "s", kNow, kNow),
                 InvalidAddress);
    EXPECT_THROW(share_link_row(facts(), "not an address", "s", kNow, kNow), InvalidAddress);
}

TEST(OutboxRows, MalformedPhoneNumberIsRefused) {
    for (const char* bad : {"0791234567", "+0791234567", "+41 79 abc", "+41791234567\n", "+1"}) {
        EXPECT_THROW(one_time_code_row(facts(), CodeChannel::Sms, bad, "s", 10, kNow),
                     InvalidAddress)
            << bad;
    }
}

TEST(OutboxRows, CodeRowIsNormalisedAndExpiresWithTheCode) {
    const auto row =
        one_time_code_row(facts(), CodeChannel::Sms, "+41 79 123 45 67", "s", 10, kNow);
    EXPECT_EQ(row.recipient_address, "+41791234567");
    EXPECT_EQ(row.channel, "sms");
    EXPECT_EQ(row.kind, "one_time_code");
    ASSERT_TRUE(row.expires_at.has_value());
    EXPECT_EQ(*row.expires_at - kNow, std::chrono::minutes(10));
}

TEST(OutboxRows, OwnerAlertNeedsAnOwnerAddress) {
    ShareFacts f = facts();
    f.owner_email.clear();
    EXPECT_THROW(first_opened_row(f, AccessKind::Download, kNow, kNow), InvalidAddress);
    const auto row = first_opened_row(facts(), AccessKind::Download, kNow, kNow);
    EXPECT_EQ(row.recipient_address, "max@amt.example");
    EXPECT_EQ(OutboxPayload::from_json(row.payload_json).access, "download");
}

TEST(OutboxRows, DeliveryFailedAlertGoesToTheOwnerWithoutSecrets) {
    auto failed = share_link_row(facts(), "anna@example.org", "v1.k.SEALED", kNow, kNow);
    failed.id = 7;
    const auto alert = delivery_failed_row(failed, "550 no such user", kNow);
    ASSERT_TRUE(alert.has_value());
    EXPECT_EQ(alert->kind, "owner_delivery_failed");
    EXPECT_EQ(alert->recipient_address, "max@amt.example");
    EXPECT_EQ(alert->payload_json.find("SEALED"), std::string::npos);
    // An alert about an alert would never end.
    EXPECT_FALSE(delivery_failed_row(*alert, "down", kNow).has_value());
}

TEST(OutboxRows, ExpiryReminderRoundsDaysUp) {
    const auto row = expiry_reminder_row(facts(), kNow + std::chrono::hours(36), kNow);
    EXPECT_EQ(OutboxPayload::from_json(row.payload_json).days_left, 2);
}

TEST(CodeChannel, SmsWhenAPhoneIsKnownElseEmail) {
    es::config::PolicySettings policy;
    EXPECT_EQ(choose_code_channel(Recipient{"A", "a@example.org", "+41791234567"}, policy),
              CodeChannel::Sms);
    EXPECT_EQ(choose_code_channel(Recipient{"A", "a@example.org", std::nullopt}, policy),
              CodeChannel::Email);
    EXPECT_EQ(choose_code_channel(Recipient{"A", std::nullopt, std::nullopt}, policy),
              CodeChannel::None);
}

TEST(CodeChannel, OrganisationMayForceEmail) {
    es::config::PolicySettings policy;
    policy.force_email_codes = true;
    EXPECT_EQ(choose_code_channel(Recipient{"A", "a@example.org", "+41791234567"}, policy),
              CodeChannel::Email);
}
