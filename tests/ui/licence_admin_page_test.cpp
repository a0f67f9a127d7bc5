// The organisation admin page as a view (licence_admin_page): what it shows from the licence
// values it is given, in German and English; the trial and key actions for admins only; a refused
// key beside its field; the confirmation of destructive actions.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ui/ids.hpp"
#include "ui/licence_admin_page.hpp"
#include "view_model.hpp"

namespace es::ui::test {
namespace {

using Strings = std::vector<std::string>;

LicenceAdminView not_activated(Language language = Language::En) {
    LicenceAdminView v;
    v.language = language;
    v.admin = true;
    v.state = "not_activated";
    v.seats_used = 3;
    v.monthly_total = 900;
    v.trial_available = true;
    v.case_types = {{"ct-1", "Beistandschaft", true}, {"ct-2", "", false}};
    return v;
}

// The "action"s of the page's toolbar (its first "buttons" element).
Strings toolbar(const Json& page) {
    return strings_of(element_of_type(page, "buttons")->getArray("items"), "action");
}

std::string facts_text(const Json& page) {
    return stringify(element_of_type(page, "pairs"));
}

TEST(LicenceAdminPageTest, AnOrganisationWithoutLicenceIsToldHowToActivateAndOfferedTheTrial) {
    const Json page = reparsed(licence_admin_page(not_activated()));
    EXPECT_EQ("panel", page->getValue<std::string>("type"));
    EXPECT_EQ("External Sharing: activation and licence", page->getValue<std::string>("title"));
    EXPECT_EQ("info", element_of_type(page, "notice")->getValue<std::string>("level"));
    const Strings actions = toolbar(page);
    EXPECT_EQ(kAdminStartTrial, actions.front());
    const Json trial = element_of_type(page, "buttons")->getArray("items")->getObject(0);
    EXPECT_EQ("Start free trial month", trial->getValue<std::string>("label"));
    EXPECT_EQ("primary", trial->getValue<std::string>("style"));
    EXPECT_NE(facts_text(page).find("Not activated"), std::string::npos);
    EXPECT_NE(facts_text(page).find("CHF 9.00 a month for 3 active users"), std::string::npos);
}

TEST(LicenceAdminPageTest, AUsedTrialIsNoLongerOffered) {
    LicenceAdminView v = not_activated();
    v.trial_available = false;
    const Strings actions = toolbar(reparsed(licence_admin_page(v)));
    EXPECT_EQ(std::find(actions.begin(), actions.end(), kAdminStartTrial), actions.end());
}

TEST(LicenceAdminPageTest, TheKeyFieldBesideTheTrialIsNotRequired) {
    const Json form = element_of_type(reparsed(licence_admin_page(not_activated())), "form");
    EXPECT_EQ(kAdminEnterKey, form->getValue<std::string>("action"));
    const Json key = field_named(form, "licence_key");
    EXPECT_FALSE(key->has("required"));
    EXPECT_EQ("Licence key", key->getValue<std::string>("label"));
}

TEST(LicenceAdminPageTest, IsInGermanForGermanReaders) {
    const Json page = reparsed(licence_admin_page(not_activated(Language::De)));
    EXPECT_EQ("Externes Teilen: Aktivierung und Lizenz", page->getValue<std::string>("title"));
    EXPECT_NE(facts_text(page).find("Nicht aktiviert"), std::string::npos);
    EXPECT_EQ("Kostenlosen Testmonat starten", element_of_type(page, "buttons")
                                                   ->getArray("items")
                                                   ->getObject(0)
                                                   ->getValue<std::string>("label"));
    EXPECT_EQ(
        "Lizenzschlüssel",
        field_named(element_of_type(page, "form"), "licence_key")->getValue<std::string>("label"));
}

TEST(LicenceAdminPageTest, NonAdminsSeeTheFactsButNoActions) {
    LicenceAdminView v = not_activated();
    v.admin = false;
    const Json page = reparsed(licence_admin_page(v));
    const std::string json = stringify(page);
    EXPECT_EQ(json.find(kAdminStartTrial), std::string::npos);
    EXPECT_EQ(json.find(kAdminCaseType), std::string::npos);
    EXPECT_EQ(json.find("\"form\""), std::string::npos);
    EXPECT_NE(json.find("Only organisation admins can change the activation."), std::string::npos);
}

TEST(LicenceAdminPageTest, ARefusedKeyIsAFieldErrorInTheReadersLanguage) {
    const Json en =
        reparsed(licence_key_field_error(licence_key_refusal(Language::En, "algorithm", "HS256")));
    EXPECT_EQ("field_errors", en->getValue<std::string>("type"));
    EXPECT_EQ(
        "This licence key uses the algorithm 'HS256', but only vendor keys signed with "
        "ES256 are accepted.",
        en->getObject("errors")->getValue<std::string>("licence_key"));
    const Json de =
        reparsed(licence_key_field_error(licence_key_refusal(Language::De, "signature", "")));
    EXPECT_EQ(0u, de->getObject("errors")
                      ->getValue<std::string>("licence_key")
                      .find("Die Signatur dieses Lizenzschlüssels ist ungültig"));
}

TEST(LicenceAdminPageTest, DestructiveActionsCarryTheirQuestionAndAConfirmationDialog) {
    LicenceAdminView v = not_activated();
    v.active = true;
    v.state = "trial";
    const JsonArray items =
        element_of_type(reparsed(licence_admin_page(v)), "buttons")->getArray("items");
    for (unsigned i = 0; i < items->size(); ++i) {
        const Json b = items->getObject(i);
        const std::string action = b->getValue<std::string>("action");
        if (action == kAdminDeactivate || action == kAdminRevokeAll) {
            EXPECT_EQ("danger", b->getValue<std::string>("style"));
            EXPECT_FALSE(b->getValue<std::string>("confirm").empty());
            EXPECT_TRUE(b->getObject("payload")->getValue<bool>("confirm"));
        }
    }
    const Json dialog = reparsed(licence_admin_confirmation(Language::De, kAdminDeactivate));
    EXPECT_EQ("dialog", dialog->getValue<std::string>("type"));
    const Json form = element_of_type(dialog, "form");
    EXPECT_EQ(kAdminDeactivate, form->getValue<std::string>("action"));
    EXPECT_EQ("true", form->getObject("hidden")->getValue<std::string>("confirm"));
    EXPECT_EQ("Deaktivieren", form->getObject("submit")->getValue<std::string>("label"));
}

TEST(LicenceAdminPageTest, CaseTypesShowTheirSwitchAndNameOrId) {
    const Json table = element_of_type(reparsed(licence_admin_page(not_activated())), "table");
    const JsonArray rows = table->getArray("rows");
    ASSERT_EQ(2u, rows->size());
    EXPECT_EQ("Beistandschaft",
              rows->getObject(0)->getObject("cells")->getValue<std::string>("case_type"));
    EXPECT_EQ("ct-2", rows->getObject(1)->getObject("cells")->getValue<std::string>("case_type"));
    const Json off = rows->getObject(0)->getArray("actions")->getObject(0);
    EXPECT_EQ(kAdminCaseType, off->getValue<std::string>("action"));
    EXPECT_FALSE(off->getObject("payload")->getValue<bool>("enabled"));
}

}  // namespace
}  // namespace es::ui::test
