// The organisation admin page on real licence services (app::LicenceAdminPanel, drawn by
// ui/licence_admin_page): what it shows, who may act, confirmations, refused keys.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "app/licence_admin_panel.hpp"
#include "domain/error.hpp"
#include "store/organisation_time_zone.hpp"
#include "support/licence_world.hpp"

namespace es::licence {
namespace {

using testing::days;
using testing::LicenceWorld;
using AdminPanel = app::LicenceAdminPanel;

class FakeDirectory final : public OrganisationDirectory {
  public:
    bool is_organisation_admin(const domain::Actor& actor) override {
        return actor.user_id == "admin";
    }
    std::vector<CaseTypeInfo> case_types(const domain::Actor&) override {
        return {{"ct-1", "Beistandschaft"}, {"ct-2", "Abklärung"}};
    }
    std::string user_name(const domain::Actor&, const std::string& user_id) override {
        return user_id == "admin" ? "Claudia Frei" : "";
    }
};

class AdminPanelTest : public ::testing::Test {
  protected:
    AdminPanelTest()
        : panel(
              w.service, directory, policy,
              [this](const domain::Actor&) {
                  ++revoke_calls;
                  return std::int64_t{7};
              },
              [this](const std::string& organisation_id, int) {
                  return organisation_id == LicenceWorld::kOrg
                             ? failed
                             : std::vector<domain::OutboxMessage>{};
              }) {}

    domain::Actor ctx(const std::string& user, const std::string& locale = "en") {
        return domain::Actor{LicenceWorld::kOrg, user, domain::parse_language(locale)};
    }

    static Poco::JSON::Object::Ptr parse(const std::string& json) {
        return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    }

    LicenceWorld w;
    FakeDirectory directory;
    config::PolicyConfig policy;
    int revoke_calls = 0;
    std::vector<domain::OutboxMessage> failed;
    AdminPanel panel;
};

TEST_F(AdminPanelTest, NotActivatedPageExplainsAndOffersTheTrial) {
    const std::string json = panel.render(ctx("admin"));
    EXPECT_EQ(parse(json)->getValue<std::string>("type"), "panel");
    EXPECT_NE(json.find("Not activated"), std::string::npos);
    EXPECT_NE(json.find(AdminPanel::kStartTrial), std::string::npos);
    EXPECT_NE(json.find(AdminPanel::kEnterKey), std::string::npos);
    EXPECT_NE(json.find("CHF 3 per user per month"), std::string::npos);
    EXPECT_NE(json.find("CHF 15.00 a month for 5 active users"), std::string::npos) << json;
    EXPECT_NE(json.find("Beistandschaft"), std::string::npos);
}

TEST_F(AdminPanelTest, UndeliverableMessagesAreListedWithTheirErrorForAdminsOnly) {
    domain::OutboxMessage m;
    m.id = 12;
    m.kind = "share_link";
    m.recipient_address = "anna@example.org";
    m.attempts = 8;
    m.last_error = "550 5.1.1 mailbox unknown";
    failed.push_back(m);
    const std::string admin = panel.render(ctx("admin"));
    EXPECT_NE(admin.find("Messages that could not be delivered"), std::string::npos);
    EXPECT_NE(admin.find("Link e-mail"), std::string::npos);
    EXPECT_NE(admin.find("anna@example.org"), std::string::npos);
    EXPECT_NE(admin.find("550 5.1.1 mailbox unknown"), std::string::npos);
    const std::string caseworker = panel.render(ctx("caseworker"));
    EXPECT_EQ(caseworker.find("anna@example.org"), std::string::npos)
        << "recipients' addresses are for admins";
    EXPECT_NE(panel.render(ctx("admin", "de")).find("Nicht zustellbare Nachrichten"),
              std::string::npos);
}

TEST_F(AdminPanelTest, PageIsInGermanForGermanLocales) {
    const std::string json = panel.render(ctx("admin", "de-CH"));
    EXPECT_NE(json.find("Nicht aktiviert"), std::string::npos);
    EXPECT_NE(json.find("Kostenlosen Testmonat starten"), std::string::npos);
}

TEST_F(AdminPanelTest, NonAdminSeesNoActionsAndCannotAct) {
    const std::string json = panel.render(ctx("caseworker"));
    EXPECT_EQ(json.find(AdminPanel::kStartTrial), std::string::npos);
    EXPECT_EQ(json.find(AdminPanel::kCaseType), std::string::npos);
    try {
        panel.invoke(ctx("caseworker"), AdminPanel::kStartTrial, "{}");
        FAIL() << "a caseworker started the trial";
    } catch (const domain::Error& e) {
        EXPECT_EQ(e.kind(), domain::Error::Kind::Denied);
    }
    EXPECT_FALSE(w.service.is_active(LicenceWorld::kOrg));
}

TEST_F(AdminPanelTest, TrialOfferDisappearsOnceUsed) {
    const auto result = parse(panel.invoke(ctx("admin"), AdminPanel::kStartTrial, "{}"));
    EXPECT_EQ(result->getValue<std::string>("type"), "close");
    EXPECT_TRUE(result->getValue<bool>("refresh"));
    EXPECT_TRUE(w.service.is_active(LicenceWorld::kOrg));
    const std::string json = panel.render(ctx("admin"));
    EXPECT_EQ(json.find(AdminPanel::kStartTrial), std::string::npos);
    EXPECT_NE(json.find("Free trial"), std::string::npos);
    // The list of changes names the change and who made it in words, never by id.
    EXPECT_NE(json.find("Free trial started"), std::string::npos);
    EXPECT_NE(json.find("Claudia Frei"), std::string::npos);
    EXPECT_EQ(json.find("licence.trial_started"), std::string::npos);
    const std::string german = panel.render(ctx("admin", "de"));
    EXPECT_NE(german.find("Kostenloser Testmonat gestartet"), std::string::npos);
    EXPECT_NE(german.find("Nicht aktiviert → Kostenloser Testmonat"), std::string::npos);
    EXPECT_EQ(german.find("not_activated"), std::string::npos) << "raw facts on the page";
}

TEST_F(AdminPanelTest, RefusedKeyShowsTheSentenceOnTheFieldAndChangesNothing) {
    // Beside the field of the form that was sent, not in another dialog.
    const auto answer =
        parse(panel.invoke(ctx("admin"), AdminPanel::kEnterKey, R"({"licence_key":"garbage"})"));
    EXPECT_EQ(answer->getValue<std::string>("type"), "field_errors");
    EXPECT_NE(
        answer->getObject("errors")->getValue<std::string>("licence_key").find("not a licence key"),
        std::string::npos);
    EXPECT_FALSE(w.service.is_active(LicenceWorld::kOrg));
}

TEST_F(AdminPanelTest, AnEmptyKeyIsAFieldErrorAndTheFieldIsNotRequiredBesideTheTrial) {
    const std::string page = panel.render(ctx("admin"));
    EXPECT_NE(page.find(AdminPanel::kStartTrial), std::string::npos);
    // The key field's object, from its opening brace to its closing one (it holds no objects).
    const auto name_at = page.find(R"("name":"licence_key")");
    ASSERT_NE(name_at, std::string::npos);
    const auto from = page.rfind('{', name_at);
    const std::string key_field = page.substr(from, page.find('}', name_at) - from);
    EXPECT_EQ(key_field.find(R"("required":true)"), std::string::npos) << key_field;
    const auto answer =
        parse(panel.invoke(ctx("admin", "de"), AdminPanel::kEnterKey, R"({"licence_key":"  "})"));
    EXPECT_EQ(answer->getValue<std::string>("type"), "field_errors");
    EXPECT_EQ(answer->getObject("errors")->getValue<std::string>("licence_key"),
              "Bitte den erhaltenen Lizenzschlüssel eingeben.");
}

TEST_F(AdminPanelTest, ThePriceIsShownOnceWithTheMonthlyTotal) {
    const std::string page = panel.render(ctx("admin"));
    std::size_t count = 0;
    for (auto at = page.find(R"("label":"Price")"); at != std::string::npos;
         at = page.find(R"("label":"Price")", at + 1)) {
        ++count;
    }
    EXPECT_EQ(count, 1u) << page;
    EXPECT_NE(page.find("CHF 3 per user per month"), std::string::npos) << page;
    EXPECT_EQ(page.find("1 active users"), std::string::npos) << page;
}

TEST_F(AdminPanelTest, RefusalIsWordedInTheUsersLanguage) {
    const std::string key =
        w.key(10, w.clock.now(), w.clock.now() + days(9), domain::Plan::Module, "org-2");
    const auto answer = parse(panel.invoke(ctx("admin", "de"), AdminPanel::kEnterKey,
                                           R"({"licence_key":")" + key + R"("})"));
    EXPECT_EQ(answer->getObject("errors")->getValue<std::string>("licence_key"),
              "Dieser Lizenzschlüssel gilt für eine andere Organisation.");
}

TEST_F(AdminPanelTest, ValidKeyActivates) {
    Poco::JSON::Object payload;
    payload.set("licence_key", w.key(20, w.clock.now(), w.clock.now() + days(365)));
    std::ostringstream out;
    payload.stringify(out);
    EXPECT_EQ(parse(panel.invoke(ctx("admin"), AdminPanel::kEnterKey, out.str()))
                  ->getValue<std::string>("type"),
              "close");
    EXPECT_TRUE(w.service.is_active(LicenceWorld::kOrg));
    const std::string json = panel.render(ctx("admin"));
    EXPECT_NE(json.find("Licensed"), std::string::npos);
    EXPECT_NE(json.find("5 / 20"), std::string::npos);
}

TEST_F(AdminPanelTest, DeactivateAsksForConfirmationFirst) {
    w.service.start_trial(LicenceWorld::kOrg, "admin");
    const auto dialog = parse(panel.invoke(ctx("admin"), AdminPanel::kDeactivate, "{}"));
    EXPECT_EQ(dialog->getValue<std::string>("type"), "dialog");
    EXPECT_TRUE(w.service.is_active(LicenceWorld::kOrg));
    // The dialog's form sends its hidden value as a string.
    panel.invoke(ctx("admin"), AdminPanel::kDeactivate, R"({"confirm":"true"})");
    EXPECT_FALSE(w.service.is_active(LicenceWorld::kOrg));
}

TEST_F(AdminPanelTest, DestructiveButtonsCarryAConfirmationText) {
    w.service.start_trial(LicenceWorld::kOrg, "admin");
    const std::string json = panel.render(ctx("admin"));
    EXPECT_NE(json.find("Deactivate External Sharing?"), std::string::npos);
    EXPECT_NE(json.find("Revoke every link of this organisation now?"), std::string::npos);
}

TEST_F(AdminPanelTest, RevokeAllAsksForConfirmationThenCallsThePort) {
    panel.invoke(ctx("admin"), AdminPanel::kRevokeAll, "{}");
    EXPECT_EQ(revoke_calls, 0);
    const auto result =
        parse(panel.invoke(ctx("admin"), AdminPanel::kRevokeAll, R"({"confirm":true})"));
    EXPECT_EQ(revoke_calls, 1);
    EXPECT_EQ(result->getObject("notice")->getValue<std::string>("text"), "7 links were revoked.");
    EXPECT_EQ(w.service.audit_trail(LicenceWorld::kOrg, 1).at(0).action,
              "module.all_links_revoked");
}

TEST_F(AdminPanelTest, CaseTypeToggleIsStoredAndShown) {
    panel.invoke(ctx("admin"), AdminPanel::kCaseType, R"({"case_type_id":"ct-2","enabled":false})");
    EXPECT_FALSE(w.service.case_type_enabled(LicenceWorld::kOrg, "ct-2", true));
    EXPECT_THROW(panel.invoke(ctx("admin"), AdminPanel::kCaseType, R"({"case_type_id":"ct-2"})"),
                 domain::Error);
}

// The organisation's time zone (issue #18): a setting of the admin page, kept per organisation,
// checked against the system's time-zone database, recorded in the list of changes in words.
class TimeZoneSettingTest : public AdminPanelTest {
  protected:
    TimeZoneSettingTest()
        : settings(w.store->organisation_settings()),
          zoned(
              w.service, directory, policy, [](const domain::Actor&) { return std::int64_t{0}; },
              {}, &settings, &organisations) {}

    std::string set_zone(const std::string& user, const std::string& zone,
                         const std::string& locale = "en") {
        Poco::JSON::Object payload;
        payload.set("time_zone", zone);
        std::ostringstream json;
        payload.stringify(json);
        return zoned.invoke(ctx(user, locale), AdminPanel::kTimeZone, json.str());
    }

    store::OrganisationSettingsRepository& settings;
    config::OrganisationSettings organisations;
    AdminPanel zoned;
};

TEST_F(TimeZoneSettingTest, TheZoneIsZurichUntilAnAdminChoosesAnother) {
    const std::string before = zoned.render(ctx("admin"));
    EXPECT_NE(before.find(R"("name":"time_zone")"), std::string::npos) << before;
    EXPECT_NE(before.find(R"("value":"Europe/Zurich")"), std::string::npos) << before;
    EXPECT_NE(before.find(AdminPanel::kTimeZone), std::string::npos);

    const auto answer = parse(set_zone("admin", " America/New_York "));
    EXPECT_EQ(answer->getValue<std::string>("type"), "close");
    EXPECT_EQ(store::organisation_time_zone(settings, LicenceWorld::kOrg), "America/New_York");
    EXPECT_EQ(store::organisation_time_zone(settings, "org-2"), std::nullopt)
        << "another organisation keeps its own clock";

    const std::string after = zoned.render(ctx("admin"));
    EXPECT_NE(after.find(R"("value":"America/New_York")"), std::string::npos) << after;
    // In the list of changes, in words: who, what, from which zone to which.
    EXPECT_NE(after.find("Time zone changed"), std::string::npos) << after;
    EXPECT_NE(after.find("Europe/Zurich → America/New_York"), std::string::npos) << after;
    EXPECT_NE(after.find("Claudia Frei"), std::string::npos);
    EXPECT_EQ(after.find("module.time_zone"), std::string::npos) << "no internal code";
    EXPECT_NE(zoned.render(ctx("admin", "de")).find("Zeitzone geändert"), std::string::npos);
}

TEST_F(TimeZoneSettingTest, TheChosenZoneIsUsedWhereTheConfigurationAsksForIt) {
    store::use_chosen_time_zones(organisations, settings);
    organisations.time_zones["org-3"] = "Europe/Berlin";
    EXPECT_EQ(organisations.time_zone_of(LicenceWorld::kOrg), "Europe/Zurich");
    set_zone("admin", "America/New_York");
    EXPECT_EQ(organisations.time_zone_of(LicenceWorld::kOrg), "America/New_York");
    EXPECT_EQ(organisations.time_zone_of("org-2"), "Europe/Zurich");
    EXPECT_EQ(organisations.time_zone_of("org-3"), "Europe/Berlin");
    // A copy made before the choice (as the services hold) follows it too.
    const config::OrganisationSettings copy = organisations;
    set_zone("admin", "Asia/Tokyo");
    EXPECT_EQ(copy.time_zone_of(LicenceWorld::kOrg), "Asia/Tokyo");
}

// Another instance of a cluster changed the zone in the shared database: this process, which read
// the old one a moment ago, shows the new one within a few seconds (each read is kept for 5 s).
TEST_F(TimeZoneSettingTest, AChangeMadeByAnotherInstanceShowsWithinSeconds) {
    store::use_chosen_time_zones(organisations, settings);
    EXPECT_EQ(organisations.time_zone_of(LicenceWorld::kOrg), "Europe/Zurich");
    store::set_organisation_time_zone(settings, LicenceWorld::kOrg, "Asia/Tokyo");  // elsewhere
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(8);
    while (organisations.time_zone_of(LicenceWorld::kOrg) != "Asia/Tokyo" &&
           std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    EXPECT_EQ(organisations.time_zone_of(LicenceWorld::kOrg), "Asia/Tokyo");
}

TEST_F(TimeZoneSettingTest, CustomOffsetsAndOverlongNamesAreRefused) {
    for (const std::string& zone : {std::string("GMT+5"), std::string(300, 'x')}) {
        const auto answer = parse(set_zone("admin", zone));
        EXPECT_EQ(answer->getValue<std::string>("type"), "field_errors") << zone.substr(0, 20);
        // The error repeats what was typed, but never more than a zone name's length.
        EXPECT_EQ(set_zone("admin", zone).find(std::string(65, 'x')), std::string::npos);
    }
    EXPECT_EQ(store::organisation_time_zone(settings, LicenceWorld::kOrg), std::nullopt);
}

TEST_F(TimeZoneSettingTest, AnUnknownZoneIsRefusedBesideTheFieldInBothLanguages) {
    const auto answer = parse(set_zone("admin", "Mars/Olympus_Mons"));
    EXPECT_EQ(answer->getValue<std::string>("type"), "field_errors");
    const std::string message = answer->getObject("errors")->getValue<std::string>("time_zone");
    EXPECT_NE(message.find("\"Mars/Olympus_Mons\" is not a time zone"), std::string::npos)
        << message;
    const auto german = parse(set_zone("admin", "", "de"));
    EXPECT_NE(
        german->getObject("errors")->getValue<std::string>("time_zone").find("ist keine Zeitzone"),
        std::string::npos);
    EXPECT_EQ(store::organisation_time_zone(settings, LicenceWorld::kOrg), std::nullopt)
        << "nothing was kept";
    EXPECT_EQ(zoned.render(ctx("admin")).find("Time zone changed"), std::string::npos);
}

TEST_F(TimeZoneSettingTest, OnlyAdminsChangeIt) {
    EXPECT_THROW(set_zone("caseworker", "America/New_York"), domain::Error);
    EXPECT_EQ(store::organisation_time_zone(settings, LicenceWorld::kOrg), std::nullopt);
    const std::string page = zoned.render(ctx("caseworker"));
    EXPECT_EQ(page.find(AdminPanel::kTimeZone), std::string::npos);
    EXPECT_NE(page.find("Europe/Zurich"), std::string::npos) << "shown, not offered";
}

}  // namespace
}  // namespace es::licence
