// The domain rules without any database.
#include <gtest/gtest.h>

#include "domain/contact.hpp"
#include "domain/policy.hpp"
#include "domain/selection.hpp"
#include "domain/share.hpp"
#include "domain/throttle_key.hpp"
#include "domain/validation_failed.hpp"

namespace es::domain {
namespace {

TEST(ShareStatus, IsActiveBeforeExpiryExpiredFromItAndRevokedAboveAll) {
    Share s;
    const auto t = now_utc();
    s.expires_at = t + std::chrono::seconds(10);
    EXPECT_EQ(s.status_at(t), ShareStatus::Active);
    EXPECT_EQ(s.status_at(t + std::chrono::seconds(10)), ShareStatus::Expired);
    s.revocation = Revocation{t, "alice"};
    EXPECT_EQ(s.status_at(t), ShareStatus::Revoked);
    EXPECT_EQ(s.status_at(t + std::chrono::hours(1)), ShareStatus::Revoked);
}

TEST(CodeChannel, IsSmsWhenAPhoneIsKnownElseEmailUnlessForced) {
    Recipient both{std::nullopt, "a@example.org", "+41791234567"};
    Recipient mail{std::nullopt, "a@example.org", std::nullopt};
    EXPECT_EQ(choose_code_channel(Protection::Code, both, false), CodeChannel::Sms);
    EXPECT_EQ(choose_code_channel(Protection::Code, both, true), CodeChannel::Email);
    EXPECT_EQ(choose_code_channel(Protection::PasswordAndCode, mail, false), CodeChannel::Email);
    EXPECT_EQ(choose_code_channel(Protection::Password, both, false), CodeChannel::None);
    EXPECT_EQ(choose_code_channel(Protection::Code, Recipient{}, false), CodeChannel::None);
}

TEST(Selection, ShowsOnlyListedVisibleItemsTheHostStillHas) {
    CaseItems host{{"f1"}, {"j1", "j2"}, {"a1", "a2", "a3"}};
    Selection s;
    s.include_section(Section::Attachments, true);
    s.set_visible(Section::Attachments, "a1", true);
    s.set_visible(Section::Attachments, "a2", false);
    s.set_visible(Section::Attachments, "gone", true);
    s.set_visible(Section::Journal, "j1", true);  // section not included
    EXPECT_EQ(s.visible_ids(Section::Attachments, host), (std::vector<std::string>{"a1"}));
    EXPECT_TRUE(s.visible_ids(Section::Journal, host).empty());
    EXPECT_FALSE(s.is_visible(Section::Attachments, "a3", host));  // added later, never listed
    EXPECT_FALSE(s.is_visible(Section::Attachments, "gone", host));
    EXPECT_TRUE(s.remove(Section::Attachments, "a1"));
    EXPECT_FALSE(s.remove(Section::Attachments, "a1"));
    EXPECT_FALSE(s.is_visible(Section::Attachments, "a1", host));
}

TEST(Email, AcceptsOrdinaryAddresses) {
    for (const char* ok : {"erika@example.org", "first.last+tag@sub.example.co.uk",
                           "o'brien@example.ie", "x@xn--mller-kva.ch"}) {
        EXPECT_TRUE(is_valid_email(ok)) << ok;
    }
}

TEST(Email, RejectsHeaderInjectionAndMalformedAddresses) {
    for (const char* bad :
         {"", "erika", "erika@", "@example.org", "erika@example", "a@b@example.org",
          "erika@example.org\r\nBcc: x@y.org", "erika@example.org\n", "Erika <e@example.org>",
          "e,f@example.org", "e f@example.org", "\"e\"@example.org", ".e@example.org",
          "e..f@example.org", "e@-example.org", "e@example.123", "müller@example.ch",
          "e@exa_mple.org"}) {
        EXPECT_FALSE(is_valid_email(bad)) << bad;
    }
    EXPECT_FALSE(is_valid_email(std::string(65, 'a') + "@example.org"));
}

TEST(Phone, IsNormalisedToE164) {
    EXPECT_EQ(normalise_phone("+41 79 123 45 67"), "+41791234567");
    EXPECT_EQ(normalise_phone("+49-30-1234567"), "+49301234567");
    for (const char* bad : {"0791234567", "+0791234567", "+41 79 123", "+41791234567890123",
                            "+41 79 123 45 67\n", "+41  79 1234567", "+41 (79) 1234567", "+"}) {
        EXPECT_FALSE(normalise_phone(bad)) << bad;
    }
}

TEST(Policy, ADirectLinkEndsTheDayTwentyDaysAheadAnEmailedOneIsValidTwentyFourHours) {
    Policy p{domain::PolicySettings{}};
    const auto t = from_epoch_ms(1796904000000);  // 2026-12-10T12:00:00Z; no clock set: UTC days
    EXPECT_EQ(from_epoch_ms(1798675199999), p.default_expiry(Delivery::DirectLink, t));  // 30 Dec
    // Exactly 24 hours (11 Dec, 12:00), not the end of 11 Dec: a duration is not a date.
    EXPECT_EQ(t + std::chrono::hours(24), p.default_expiry(Delivery::EmailedLink, t));
    EXPECT_EQ(from_epoch_ms(1804723199999), p.latest_expiry(t));  // 10 Mar 2027, 90 days on
}

TEST(Policy, DaysEndOnTheOrganisationsClock) {
    Policy p{domain::PolicySettings{}};
    // A clock one hour ahead of UTC, as the resolver sets ICU's calendar for Europe/Zurich.
    p.use_clock("Test/Plus_One", [](Timestamp at) {
        using namespace std::chrono;
        return floor<days>(at + hours(1)) + days(1) - milliseconds(1) - hours(1);
    });
    const auto t = from_epoch_ms(1796904000000);
    EXPECT_EQ("Test/Plus_One", p.time_zone());
    EXPECT_EQ(from_epoch_ms(1798675199999) - std::chrono::hours(1),
              p.default_expiry(Delivery::DirectLink, t));
    Violations v;
    p.check_expiry(p.latest_expiry(t), t, "expires_at", v);
    EXPECT_TRUE(v.empty()) << "the last day offered is allowed to its end";
    p.check_expiry(p.latest_expiry(t) + std::chrono::milliseconds(1), t, "expires_at", v);
    ASSERT_EQ(1u, v.size());
    EXPECT_EQ("max_expiry", v[0].rule);
}

TEST(Policy, OrganisationOverridesWinOverConfigAndCaseTypeOverridesWinOverBoth) {
    domain::PolicyConfig config;
    config.case_types["t"] = config.defaults;
    config.case_types["t"].code_digits = 5;
    Policy p =
        Policy::resolve(config, "t", {{"max_expiry_days", "10"}}, {{"require_password", "true"}});
    EXPECT_EQ(p.settings().code_digits, 5);
    EXPECT_EQ(p.settings().max_expiry_days, 10);
    EXPECT_EQ(p.settings().direct_link_expiry_days, 10);  // yields to the lowered maximum
    EXPECT_TRUE(p.settings().require_password);
    EXPECT_THROW(Policy::resolve(config, "t", {{"max_expiry_days", "ten"}}, {}), ValidationFailed);
}

TEST(Policy, PasswordLimitsCountCodePointsAndNeverTruncate) {
    Policy p{domain::PolicySettings{}};
    Violations v;
    p.check_password("ääääääää", "password", v);  // 8 code points
    EXPECT_TRUE(v.empty());
    p.check_password(std::string(129, 'x'), "password", v);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].rule, "password_max_length");
    v.clear();
    p.check_password("abcdefg\xff", "password", v);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].rule, "password_encoding");
    EXPECT_EQ(utf8_code_points("\xe2\x82"), -1);
    EXPECT_EQ(utf8_code_points("\xc0\xaf"), -1);  // overlong
    EXPECT_EQ(utf8_code_points("a\xf0\x9f\x98\x80"), 2);
}

TEST(ThrottleKey, GroupsIpv6ByItsSlash64AndKeepsIpv4Whole) {
    EXPECT_EQ(client_throttle_key("203.0.113.7"), "ip:203.0.113.7");
    EXPECT_EQ(client_throttle_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "ip:2001:db8:1:2::/64");
    EXPECT_EQ(client_throttle_key("2001:db8:1:2::1"), client_throttle_key("2001:db8:1:2::2"));
    EXPECT_EQ(client_throttle_key("::ffff:203.0.113.7"), "ip:203.0.113.7");
    EXPECT_EQ(client_throttle_key("nonsense"), "ip:invalid");
}

}  // namespace
}  // namespace es::domain
