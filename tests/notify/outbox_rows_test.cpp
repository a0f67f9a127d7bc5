// Building outbox rows, one builder per message kind: every field of the row and of its payload,
// in both languages; addresses validated before anything is queued, secrets only sealed, codes
// expiring with their lifetime.
#include <gtest/gtest.h>

#include "notify/invalid_address.hpp"
#include "notify/outbox_payload.hpp"
#include "notify/outbox_rows.hpp"
#include "test_support.hpp"

using namespace es::notify;
using es::domain::CodeChannel;
using es::domain::Language;
using es::domain::OutboxMessage;

namespace {

const es::domain::Timestamp kNow = es::domain::from_epoch_ms(1700000000000);
const es::domain::Timestamp kAt = es::domain::from_epoch_ms(1699990000000);
constexpr Language kLocales[] = {Language::De, Language::En};

// The notify tests' sample share, with a case reference (which every payload carries) and in
// `locale`.
ShareFacts facts(Language locale = Language::De) {
    ShareFacts f = sample_share_facts();
    f.case_reference = "Fall 42";
    f.locale = locale;
    return f;
}

// The row's own fields, the same for every kind: the share's, pending, due now.
void expect_row(const OutboxMessage& row, const char* kind, const char* channel,
                const std::string& address) {
    EXPECT_EQ(row.id, 0);
    EXPECT_EQ(row.organisation_id, "org-1");
    EXPECT_EQ(row.share_id, "0123456789abcdef0123456789abcdef");
    EXPECT_EQ(row.kind, kind);
    EXPECT_EQ(row.channel, channel);
    EXPECT_EQ(row.recipient_address, address);
    EXPECT_EQ(row.created_at, kNow);
    EXPECT_EQ(row.next_attempt_at, kNow);
    EXPECT_EQ(row.attempts, 0);
    EXPECT_EQ(row.status, OutboxMessage::Status::Pending);
    EXPECT_EQ(row.last_error, "");
}

// What every payload says about the share, from ShareFacts.
void expect_share_facts(const OutboxPayload& p, const ShareFacts& f) {
    EXPECT_EQ(p.locale, f.locale);
    EXPECT_EQ(p.organisation, f.organisation_name);
    EXPECT_EQ(p.recipient_name, f.recipient_name);
    EXPECT_EQ(p.sender_name, f.owner_name);
    EXPECT_EQ(p.sender_email, f.owner_email);
    EXPECT_EQ(p.case_reference, f.case_reference);
}

// The payload with its share facts and the fields a kind sets blanked: what must then be left
// is an empty payload, so no builder writes a field of another kind.
OutboxPayload rest(OutboxPayload p) {
    p.locale = Language::De;
    p.organisation.clear();
    p.recipient_name.clear();
    p.sender_name.clear();
    p.sender_email.clear();
    p.case_reference.clear();
    return p;
}

void expect_nothing_else(const OutboxPayload& p) {
    EXPECT_EQ(rest(p).to_json(), OutboxPayload{}.to_json());
}

}  // namespace

TEST(OutboxRows, ShareLinkRowCarriesTheShareFactsExpiryAndOnlyTheSealedToken) {
    for (const Language locale : kLocales) {
        const auto row = share_link_row(facts(locale), "anna@example.org", "v1.k.SEALED",
                                        kNow + std::chrono::hours(24), kNow);
        expect_row(row, "share_link", "email", "anna@example.org");
        EXPECT_FALSE(row.expires_at.has_value());
        auto p = OutboxPayload::from_json(row.payload_json);
        expect_share_facts(p, facts(locale));
        EXPECT_EQ(p.sealed_token, "v1.k.SEALED");
        EXPECT_EQ(p.expires_at, kNow + std::chrono::hours(24));
        EXPECT_EQ(p.scrubbed().to_json().find("SEALED"), std::string::npos);
        p.sealed_token.clear();
        p.expires_at.reset();
        expect_nothing_else(p);
    }
}

TEST(OutboxRows, ShareLinkRowLeavesOutWhatTheSenderDidNotSay) {
    ShareFacts f = facts(Language::En);
    f.organisation_name.clear();
    f.owner_name.clear();
    f.owner_email.clear();
    f.recipient_name.clear();
    f.case_reference.clear();
    const auto row = share_link_row(f, "anna@example.org", "v1.k.SEALED", kNow, kNow);
    const std::string json = row.payload_json;
    for (const char* key :
         {"organisation", "recipient_name", "sender_name", "sender_email", "case_reference"}) {
        EXPECT_EQ(json.find(key), std::string::npos) << key;
    }
    EXPECT_EQ(OutboxPayload::from_json(json).locale, Language::En);
}

TEST(OutboxRows, MalformedRecipientAddressIsRefused) {
    EXPECT_THROW(share_link_row(facts(), "anna@example.org\r\nBcc: e@evil.org", "s", kNow, kNow),
                 InvalidAddress);
    EXPECT_THROW(share_link_row(facts(), "not an address", "s", kNow, kNow), InvalidAddress);
}

TEST(OutboxRows, CodeRowBySmsIsNormalisedAndExpiresWithTheCode) {
    for (const Language locale : kLocales) {
        const auto row = one_time_code_row(facts(locale), CodeChannel::Sms, "+41 79 123 45 67",
                                           "v1.k.CODE", 10, kNow);
        expect_row(row, "one_time_code", "sms", "+41791234567");
        ASSERT_TRUE(row.expires_at.has_value());
        EXPECT_EQ(*row.expires_at, kNow + std::chrono::minutes(10));
        auto p = OutboxPayload::from_json(row.payload_json);
        expect_share_facts(p, facts(locale));
        EXPECT_EQ(p.sealed_code, "v1.k.CODE");
        EXPECT_EQ(p.valid_minutes, 10);
        EXPECT_EQ(p.scrubbed().to_json().find("CODE"), std::string::npos);
        p.sealed_code.clear();
        p.valid_minutes = 0;
        expect_nothing_else(p);
    }
}

TEST(OutboxRows, CodeRowByEmailGoesToTheAddress) {
    for (const Language locale : kLocales) {
        const auto row = one_time_code_row(facts(locale), CodeChannel::Email, "anna@example.org",
                                           "v1.k.CODE", 15, kNow);
        expect_row(row, "one_time_code", "email", "anna@example.org");
        EXPECT_EQ(*row.expires_at, kNow + std::chrono::minutes(15));
        const auto p = OutboxPayload::from_json(row.payload_json);
        expect_share_facts(p, facts(locale));
        EXPECT_EQ(p.sealed_code, "v1.k.CODE");
        EXPECT_EQ(p.valid_minutes, 15);
    }
}

TEST(OutboxRows, MalformedPhoneNumberIsRefused) {
    for (const char* bad : {"0791234567", "+0791234567", "+41 79 abc", "+41791234567\n", "+1"}) {
        EXPECT_THROW(one_time_code_row(facts(), CodeChannel::Sms, bad, "s", 10, kNow),
                     InvalidAddress)
            << bad;
    }
}

TEST(OutboxRows, CodeRowWithoutAChannelIsRefused) {
    EXPECT_THROW(one_time_code_row(facts(), CodeChannel::None, "anna@example.org", "s", 10, kNow),
                 InvalidAddress);
}

TEST(OutboxRows, FirstOpenedRowTellsTheOwnerWhatAndWhen) {
    for (const Language locale : kLocales) {
        for (const auto& [access, text] :
             {std::pair{AccessKind::View, "view"}, std::pair{AccessKind::Download, "download"}}) {
            const auto row = first_opened_row(facts(locale), access, kAt, kNow);
            expect_row(row, "owner_opened", "email", "max@amt.example");
            EXPECT_FALSE(row.expires_at.has_value());
            auto p = OutboxPayload::from_json(row.payload_json);
            expect_share_facts(p, facts(locale));
            EXPECT_EQ(p.access, text);
            EXPECT_EQ(p.at, kAt);
            p.access.clear();
            p.at.reset();
            expect_nothing_else(p);
        }
    }
}

TEST(OutboxRows, OwnerAlertNeedsAnOwnerAddress) {
    ShareFacts f = facts();
    f.owner_email.clear();
    EXPECT_THROW(first_opened_row(f, AccessKind::Download, kNow, kNow), InvalidAddress);
    EXPECT_THROW(failed_attempts_row(f, Credential::Code, 5, false, kNow, kNow), InvalidAddress);
    EXPECT_THROW(code_limit_row(f, 10, kNow, kNow), InvalidAddress);
    EXPECT_THROW(expiry_reminder_row(f, kNow + std::chrono::hours(30), kNow), InvalidAddress);
}

TEST(OutboxRows, FailedAttemptsRowSaysWhichCredentialHowOftenAndWhetherThrottled) {
    for (const Language locale : kLocales) {
        for (const auto& [credential, text] :
             {std::pair{Credential::Password, "password"}, std::pair{Credential::Code, "code"}}) {
            for (const bool throttled : {false, true}) {
                const auto row =
                    failed_attempts_row(facts(locale), credential, 6, throttled, kAt, kNow);
                expect_row(row, "owner_failed_attempts", "email", "max@amt.example");
                auto p = OutboxPayload::from_json(row.payload_json);
                expect_share_facts(p, facts(locale));
                EXPECT_EQ(p.credential, text);
                EXPECT_EQ(p.attempts, 6);
                EXPECT_EQ(p.throttled, throttled);
                EXPECT_EQ(p.at, kAt);
                p.credential.clear();
                p.attempts = 0;
                p.throttled = false;
                p.at.reset();
                expect_nothing_else(p);
            }
        }
    }
}

TEST(OutboxRows, CodeLimitRowSaysHowManyCodesAnHour) {
    for (const Language locale : kLocales) {
        const auto row = code_limit_row(facts(locale), 10, kAt, kNow);
        expect_row(row, "owner_code_limit", "email", "max@amt.example");
        auto p = OutboxPayload::from_json(row.payload_json);
        expect_share_facts(p, facts(locale));
        EXPECT_EQ(p.attempts, 10);
        EXPECT_EQ(p.at, kAt);
        p.attempts = 0;
        p.at.reset();
        expect_nothing_else(p);
    }
}

TEST(OutboxRows, ExpiryReminderRowCarriesTheExpiryAndRoundsDaysUp) {
    for (const Language locale : kLocales) {
        const auto row = expiry_reminder_row(facts(locale), kNow + std::chrono::hours(36), kNow);
        expect_row(row, "expiry_reminder", "email", "max@amt.example");
        EXPECT_FALSE(row.expires_at.has_value());
        auto p = OutboxPayload::from_json(row.payload_json);
        expect_share_facts(p, facts(locale));
        EXPECT_EQ(p.expires_at, kNow + std::chrono::hours(36));
        EXPECT_EQ(p.days_left, 2);
        p.expires_at.reset();
        p.days_left = 0;
        expect_nothing_else(p);
    }
    const auto soon = expiry_reminder_row(facts(), kNow + std::chrono::minutes(5), kNow);
    EXPECT_EQ(OutboxPayload::from_json(soon.payload_json).days_left, 1);
}

TEST(OutboxRows, DeliveryFailedRowGoesToTheOwnerWithoutSecrets) {
    for (const Language locale : kLocales) {
        auto failed = share_link_row(facts(locale), "anna@example.org", "v1.k.SEALED", kNow, kNow);
        failed.id = 7;
        const auto alert = delivery_failed_row(failed, "550 no such user", kAt);
        ASSERT_TRUE(alert.has_value());
        EXPECT_EQ(alert->organisation_id, "org-1");
        EXPECT_EQ(alert->share_id, "0123456789abcdef0123456789abcdef");
        EXPECT_EQ(alert->kind, "owner_delivery_failed");
        EXPECT_EQ(alert->channel, "email");
        EXPECT_EQ(alert->recipient_address, "max@amt.example");
        EXPECT_EQ(alert->created_at, kAt);
        EXPECT_EQ(alert->status, OutboxMessage::Status::Pending);
        EXPECT_EQ(alert->payload_json.find("SEALED"), std::string::npos);
        auto p = OutboxPayload::from_json(alert->payload_json);
        expect_share_facts(p, facts(locale));
        EXPECT_EQ(p.failed_kind, "share_link");
        EXPECT_EQ(p.failed_address, "anna@example.org");
        EXPECT_EQ(p.error, "550 no such user");
        EXPECT_EQ(p.at, kAt);
        p.failed_kind.clear();
        p.failed_address.clear();
        p.error.clear();
        p.at.reset();
        expect_nothing_else(p);
        // An alert about an alert would never end.
        EXPECT_FALSE(delivery_failed_row(*alert, "down", kNow).has_value());
    }
}

TEST(OutboxRows, DeliveryFailedRowNeedsTheOwnersAddressInTheFailedPayload) {
    ShareFacts f = facts();
    f.owner_email.clear();
    const auto failed = share_link_row(f, "anna@example.org", "v1.k.SEALED", kNow, kNow);
    EXPECT_FALSE(delivery_failed_row(failed, "550", kNow).has_value());
}
