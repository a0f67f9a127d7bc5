// The share dialog's submission read into a ShareRequest (read_share_form), and the domain's
// violations put back beside the dialog's fields in the caseworker's language (field_errors).
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <set>
#include <string>

#include "domain/validation_failed.hpp"
#include "text/time_text.hpp"
#include "ui/share_dialog.hpp"
#include "view_model.hpp"

namespace es::ui::test {
namespace {

using domain::Protection;

Json payload(const std::string& json) {
    return Poco::JSON::Parser().parse(json).extract<Json>();
}

// A submission as the dialog sends it, with `members` added (they win over the defaults).
Json submission(const std::string& members = "") {
    return payload(R"({"protection":"none","recipient_name":"Eva Extern",)"
                   R"("recipient_email":"","recipient_phone":"","notify_on_open":false,)"
                   R"("advanced":true,"download_limit":"",)"
                   R"("selection":{"details":{"included":true,"items":["parcel"]}})" +
                   (members.empty() ? "" : "," + members) + "}");
}

class ShareFormTest : public ::testing::Test {
  protected:
    domain::ShareRequest read(const Json& p, domain::Language locale = domain::Language::En) {
        return read_share_form(p, case_, policy_, test_now(), locale);
    }
    // The violations read_share_form refuses `p` with; none when it reads it.
    domain::Violations refusal(const Json& p) {
        try {
            read(p);
        } catch (const domain::ValidationFailed& e) {
            return e.violations();
        }
        return {};
    }
    // Each of `texts`, sent as the string member `field`, is refused with one violation: `rule`
    // beside that field.
    void expect_each_refused(const std::string& field, std::initializer_list<const char*> texts,
                             const std::string& rule) {
        for (const char* text : texts) {
            const auto v = refusal(submission("\"" + field + "\":\"" + text + "\""));
            ASSERT_EQ(1u, v.size()) << text;
            EXPECT_EQ(field, v[0].field) << text;
            EXPECT_EQ(rule, v[0].rule) << text;
        }
    }

    domain::CaseSnapshot case_ = sample_case();
    domain::Policy policy_ = zurich_policy();
};

// --- protection ---

struct ModeCase {
    const char* value;
    Protection mode;
};
// How gtest (and so ctest's test list) names a parameter: the form's value, not its bytes.
void PrintTo(const ModeCase& c, std::ostream* os) {
    *os << "protection=" << c.value;
}

class ProtectionModeTest : public ShareFormTest, public ::testing::WithParamInterface<ModeCase> {};

TEST_P(ProtectionModeTest, ReadsTheMode) {
    const auto r = read(submission(std::string(R"("protection":")") + GetParam().value + "\""));
    EXPECT_EQ(GetParam().mode, r.protection.mode);
}

INSTANTIATE_TEST_SUITE_P(EveryMode, ProtectionModeTest,
                         ::testing::Values(ModeCase{"none", Protection::None},
                                           ModeCase{"password", Protection::Password},
                                           ModeCase{"code", Protection::Code},
                                           ModeCase{"both", Protection::PasswordAndCode}),
                         [](const auto& info) { return std::string(info.param.value); });

TEST_F(ShareFormTest, PasswordModesTakeThePasswordTyped) {
    EXPECT_EQ("correct horse",
              read(submission(R"("protection":"password","password":"correct horse")"))
                  .protection.password);
    EXPECT_EQ(
        "correct horse",
        read(submission(R"("protection":"both","password":"correct horse")")).protection.password);
}

TEST_F(ShareFormTest, APasswordModeWithoutPasswordReadsAnEmptyOneForTheServiceToRefuse) {
    const auto r = read(submission(R"("protection":"password")"));
    EXPECT_EQ(Protection::Password, r.protection.mode);
    EXPECT_EQ(std::string(), r.protection.password);
}

TEST_F(ShareFormTest, OtherModesIgnoreAPasswordLeftInTheHiddenField) {
    EXPECT_FALSE(read(submission(R"("protection":"none","password":"left over")"))
                     .protection.password.has_value());
    EXPECT_FALSE(read(submission(R"("protection":"code","password":"left over")"))
                     .protection.password.has_value());
}

TEST_F(ShareFormTest, NoProtectionChosenIsAFieldErrorNotAnOpenLink) {
    Json p = submission();
    p->remove("protection");
    const auto v = refusal(p);
    ASSERT_EQ(1u, v.size());
    EXPECT_EQ("protection", v[0].field);
    EXPECT_EQ("protection_choice", v[0].rule);
}

TEST_F(ShareFormTest, AnUnknownProtectionIsAFieldError) {
    expect_each_refused("protection", {"sms", "None", "", "password+code"}, "protection_choice");
    const auto v = refusal(submission(R"("protection":3)"));
    ASSERT_EQ(1u, v.size()) << "not a string";
    EXPECT_EQ("protection_choice", v[0].rule);
}

// --- expiry ---

TEST_F(ShareFormTest, TheOfferedDefaultDateMeansThePolicysDefault) {
    // The end of the day 20 days from now, in the organisation's zone.
    EXPECT_EQ(text::end_of_day("2026-12-26", kZone),
              policy_.default_expiry(domain::Delivery::DirectLink, test_now()));
    EXPECT_FALSE(read(submission(R"("expires_on":"2026-12-26")")).expires_at.has_value());
    EXPECT_FALSE(read(submission(R"("expires_on":"")")).expires_at.has_value());
    EXPECT_FALSE(read(submission()).expires_at.has_value()) << "no date at all";
}

TEST_F(ShareFormTest, AnotherDateMeansTheEndOfThatDay) {
    const auto r = read(submission(R"("expires_on":"2026-12-13")"));
    ASSERT_TRUE(r.expires_at.has_value());
    EXPECT_EQ(text::end_of_day("2026-12-13", kZone), r.expires_at);
    EXPECT_EQ("13.12.2026, 23:59", text::date_time_text(*r.expires_at, {Language::De, kZone}));
    EXPECT_EQ("2026-12-13T22:59:59Z", text::format_utc(*r.expires_at)) << "midnight in Zurich";
}

// The date shown for an e-mailed link stands for the e-mail default (the end of the day 24 hours
// from now); any other date is what the caseworker chose, e-mail or not: nothing is cut later.
TEST_F(ShareFormTest, WithEmailChosenTheOfferedDateMeansTheEmailDefault) {
    const auto r = read(submission(
        R"("send_email":true,"recipient_email":"eva@example.org","expires_on":"2026-12-07")"));
    ASSERT_TRUE(r.expires_at.has_value());
    // The date shown for e-mail, left as it is: the e-mail default, 24 hours to the minute.
    EXPECT_EQ(policy_.default_expiry(domain::Delivery::EmailedLink, test_now()), *r.expires_at);
    EXPECT_EQ(test_now() + std::chrono::hours(24), *r.expires_at);
    EXPECT_EQ(domain::Delivery::DirectLink, r.delivery) << "sending stays the step after preview";
}

TEST_F(ShareFormTest, WithEmailChosenAnotherDateIsKept) {
    const auto r = read(submission(
        R"("send_email":true,"recipient_email":"eva@example.org","expires_on":"2027-01-05")"));
    EXPECT_EQ(text::end_of_day("2027-01-05", kZone), r.expires_at);
}

TEST_F(ShareFormTest, EmailWithoutAnAddressIsAFieldErrorBesideTheAddress) {
    const auto v = refusal(submission(R"("send_email":true)"));
    ASSERT_EQ(1u, v.size());
    EXPECT_EQ("recipient_email", v[0].field);
    EXPECT_EQ("email_for_sending", v[0].rule);
    EXPECT_EQ("Für den Versand per E-Mail braucht es die E-Mail-Adresse der Person.",
              field_errors(domain::ValidationFailed(v), Language::De).at("recipient_email"));
}

TEST_F(ShareFormTest, AMalformedDateIsAFieldError) {
    expect_each_refused("expires_on",
                        {"13.12.2026", "2026-13-01", "2026-02-30", "2026-12-1", "tomorrow"},
                        "date_format");
}

// --- download limit ---

TEST_F(ShareFormTest, ReadsTheDownloadLimitAsTextOrNumber) {
    EXPECT_EQ(12, read(submission(R"("download_limit":"12")")).download_limit);
    EXPECT_EQ(12, read(submission(R"("download_limit":" 12 ")")).download_limit);
    EXPECT_EQ(7, read(submission(R"("download_limit":7)")).download_limit);
    EXPECT_FALSE(read(submission(R"("download_limit":"")")).download_limit.has_value());
    EXPECT_FALSE(read(submission(R"("download_limit":null)")).download_limit.has_value());
}

TEST_F(ShareFormTest, ADownloadLimitThatIsNoWholeNumberIsAFieldError) {
    expect_each_refused("download_limit", {"ten", "-3", "+3", "1.5", "12a", "99999999999999999999"},
                        "download_limit_format");
}

TEST_F(ShareFormTest, TheRangeOfTheLimitIsLeftToTheDomain) {
    EXPECT_EQ(0, read(submission(R"("download_limit":"0")")).download_limit);
    EXPECT_EQ(5000, read(submission(R"("download_limit":"5000")")).download_limit);
}

TEST_F(ShareFormTest, ALimitHiddenWithTheAdvancedOptionsIsNotWanted) {
    const auto r = read(submission(R"("advanced":false,"download_limit":"not even a number")"));
    EXPECT_FALSE(r.download_limit.has_value());
}

TEST_F(ShareFormTest, ACallerWithoutTheAdvancedSwitchGetsItsLimit) {
    Json p = submission(R"("download_limit":"5")");
    p->remove("advanced");
    EXPECT_EQ(5, read(p).download_limit);
}

TEST_F(ShareFormTest, ReportsEveryUnreadableFieldAtOnce) {
    Json p = submission(R"("expires_on":"soon","download_limit":"many")");
    p->remove("protection");
    const auto v = refusal(p);
    ASSERT_EQ(3u, v.size());
    EXPECT_EQ("date_format", v[0].rule);
    EXPECT_EQ("protection_choice", v[1].rule);
    EXPECT_EQ("download_limit_format", v[2].rule);
}

// --- recipient, options, selection ---

TEST_F(ShareFormTest, RecipientFieldsAreTrimmedAndBlankMeansNone) {
    const auto r = read(submission(
        R"("recipient_name":"  Eva Extern ","recipient_email":" eva@example.org","recipient_phone":" \t ")"));
    EXPECT_EQ("Eva Extern", r.recipient.name);
    EXPECT_EQ("eva@example.org", r.recipient.email);
    EXPECT_FALSE(r.recipient.phone.has_value());
}

TEST_F(ShareFormTest, ContactDataIsLeftForTheServiceToCheck) {
    const auto r = read(submission(R"("recipient_email":"not an address","recipient_phone":"12")"));
    EXPECT_EQ("not an address", r.recipient.email);
    EXPECT_EQ("12", r.recipient.phone);
}

TEST_F(ShareFormTest, CopiesTheCaseTheLocaleAndTheOwnersWishToBeTold) {
    const auto r = read(submission(R"("notify_on_open":true)"), domain::Language::De);
    EXPECT_EQ("case-1", r.case_id);
    EXPECT_EQ(domain::Language::De, r.locale);
    EXPECT_EQ(domain::Delivery::DirectLink, r.delivery);
    EXPECT_TRUE(r.notify_owner_on_open);
    EXPECT_FALSE(read(submission()).notify_owner_on_open);
}

TEST_F(ShareFormTest, ReadsTheSectionsAndItemsTicked) {
    const auto r = read(submission(
        R"("selection":{"details":{"included":true,"items":["parcel"]},)"
        R"("journal":{"included":false,"items":["j1"]},"attachments":{"items":["a1"]}})"));
    EXPECT_EQ((std::set<domain::Section>{domain::Section::Details, domain::Section::Attachments}),
              r.sections)
        << "a group without \"included\" counts as included";
    ASSERT_TRUE(r.items.has_value());
    ASSERT_EQ(3u, r.items->size());
    EXPECT_EQ((domain::SelectedItem{domain::Section::Details, "parcel", true}), (*r.items)[0]);
    EXPECT_EQ((domain::SelectedItem{domain::Section::Journal, "j1", true}), (*r.items)[1]);
    EXPECT_EQ((domain::SelectedItem{domain::Section::Attachments, "a1", true}), (*r.items)[2]);
}

TEST_F(ShareFormTest, NoSelectionSharesNothing) {
    Json p = submission();
    p->remove("selection");
    const auto r = read(p);
    EXPECT_TRUE(r.sections.empty());
    ASSERT_TRUE(r.items.has_value()) << "an empty list, not \"everything\"";
    EXPECT_TRUE(r.items->empty());
}

// --- field errors ---

TEST_F(ShareFormTest, PutsEachViolationBesideItsField) {
    const std::map<std::string, std::string> expected = {
        {"recipient.email", "recipient_email"},
        {"recipient_email", "recipient_email"},
        {"recipient.phone", "recipient_phone"},
        {"recipient_phone", "recipient_phone"},
        {"recipient.name", "recipient_name"},
        {"recipient_name", "recipient_name"},
        {"expires_at", "expires_on"},
        {"expires_on", "expires_on"},
        {"password", "password"},
        {"protection", "protection"},
        {"download_limit", "download_limit"},
        {"items[2]", "selection"},
        {"items", "selection"},
        {"sections", "selection"},
        {"delivery", "_form"},
    };
    for (const auto& [violation_field, form_field] : expected) {
        const domain::ValidationFailed failure({{violation_field, "some_rule", "is wrong"}});
        const auto errors = field_errors(failure, Language::En);
        ASSERT_EQ(1u, errors.size()) << violation_field;
        EXPECT_EQ("is wrong", errors.at(form_field)) << violation_field;
    }
}

TEST_F(ShareFormTest, JoinsTheMessagesOfOneField) {
    const domain::ValidationFailed failure(
        {{"password", "password_min_length", "is too short"},
         {"password", "password_encoding", "has control characters"}});
    EXPECT_EQ("is too short has control characters",
              field_errors(failure, Language::En).at("password"));
}

TEST_F(ShareFormTest, EnglishShowsTheDomainsSentence) {
    const domain::ValidationFailed failure({{"recipient.email", "email_format", "not an e-mail"}});
    EXPECT_EQ("not an e-mail", field_errors(failure, Language::En).at("recipient_email"));
}

TEST_F(ShareFormTest, GermanHasItsOwnWordingForEveryRuleTheDialogCanMeet) {
    // Every rule the dialog's fields can break (the domain's rule names); the German wording is
    // the dialog's own, the English one is the domain's sentence.
    const std::set<std::string> rules = {
        "email_format",
        "phone_format",
        "name_format",
        "expiry_in_past",
        "max_expiry",
        "password_min_length",
        "password_max_length",
        "password_required",
        "code_required",
        "code_contact_required",
        "password_missing",
        "password_unused",
        "password_encoding",
        "protection_choice",
        "download_limit_range",
        "download_limit_format",
        "download_limit_below_used",
        "date_format",
        "unknown_item",
    };
    std::set<std::string> wordings;
    for (const auto& rule : rules) {
        const domain::ValidationFailed failure({{"password", rule, "English sentence"}});
        const std::string german = field_errors(failure, Language::De).at("password");
        EXPECT_NE("English sentence", german) << rule << " has no German wording";
        EXPECT_FALSE(german.empty()) << rule;
        EXPECT_EQ("English sentence", field_errors(failure, Language::En).at("password")) << rule;
        wordings.insert(german);
    }
    // Two rules share one wording on purpose (a download limit out of range or not a number).
    EXPECT_EQ(rules.size() - 1, wordings.size());
    // Two wordings as a person reads them.
    EXPECT_EQ("Das Passwort ist zu kurz.",
              field_errors(domain::ValidationFailed({{"password", "password_min_length", "x"}}),
                           Language::De)
                  .at("password"));
    EXPECT_EQ(
        "Bitte ein Datum im Format JJJJ-MM-TT angeben.",
        field_errors(domain::ValidationFailed({{"password", "date_format", "x"}}), Language::De)
            .at("password"));
}

TEST_F(ShareFormTest, GermanFallsBackToTheDomainsSentenceForAnUnknownRule) {
    const domain::ValidationFailed failure({{"delivery", "delivery_unknown", "unknown delivery"}});
    EXPECT_EQ("unknown delivery", field_errors(failure, Language::De).at("_form"));
}

TEST_F(ShareFormTest, AnUnreadableFormComesBackWithGermanErrorsBesideItsFields) {
    Json p = submission(R"("expires_on":"morgen","download_limit":"viele")");
    p->remove("protection");
    try {
        read(p, domain::Language::De);
        FAIL() << "the form was read";
    } catch (const domain::ValidationFailed& failure) {
        const auto errors = field_errors(failure, Language::De);
        EXPECT_EQ((std::map<std::string, std::string>{
                      {"expires_on", "Bitte ein Datum im Format JJJJ-MM-TT angeben."},
                      {"protection", "Bitte einen Schutz wählen."},
                      {"download_limit", "Bitte eine ganze Zahl von 1 bis 1000 angeben."}}),
                  errors);
    }
}

}  // namespace
}  // namespace es::ui::test
