// "Change protection" from the panel (protection_dialog): the share's current mode preselected,
// only what the policy allows offered, and the removal of all protection confirmed once more.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/policy.hpp"
#include "ui/protection_dialog.hpp"
#include "ui/protection_field.hpp"
#include "view_model.hpp"

namespace es::ui::test {
namespace {

using Strings = std::vector<std::string>;

domain::Share share_with(domain::Protection protection) {
    domain::Share s;
    s.id = "share-1";
    s.recipient = {"Eva Extern", "eva@example.org", "+41791234567"};
    s.protection = protection;
    return s;
}

Json change_dialog(const domain::Share& share, domain::PolicySettings settings = {},
                   const std::string& selected = "", Language language = Language::En) {
    const domain::Policy policy(settings);
    return reparsed(protection_dialog(language, share, policy, selected, "", {}));
}

TEST(ProtectionFieldTest, EveryModeHasAFormValueAndBack) {
    for (auto mode : {domain::Protection::None, domain::Protection::Password,
                      domain::Protection::Code, domain::Protection::PasswordAndCode}) {
        EXPECT_EQ(mode, protection_mode(protection_value(mode)));
    }
    EXPECT_EQ("both", protection_value(domain::Protection::PasswordAndCode));
    EXPECT_FALSE(protection_mode("sms").has_value());
    EXPECT_FALSE(protection_mode("").has_value());
}

TEST(ProtectionDialogTest, PreselectsTheSharesModeAndNamesTheShare) {
    const Json d = change_dialog(share_with(domain::Protection::Code));
    EXPECT_EQ("Change protection", d->getValue<std::string>("title"));
    EXPECT_NE(std::string::npos,
              element_of_type(d, "text")->getValue<std::string>("text").find("Saving ends"));
    const Json form = element_of_type(d, "form");
    EXPECT_EQ("external-sharing.save-protection", form->getValue<std::string>("action"));
    EXPECT_EQ("share-1", form->getObject("hidden")->getValue<std::string>("share_id"));
    const Json radio = field_named(form, "protection");
    EXPECT_EQ("code", radio->getValue<std::string>("value"));
    EXPECT_EQ((Strings{"none", "password", "code", "both"}), option_values(radio));
}

TEST(ProtectionDialogTest, KeepsTheModeChosenWhenTheFormComesBack) {
    const Json form =
        element_of_type(change_dialog(share_with(domain::Protection::None), {}, "both"), "form");
    EXPECT_EQ("both", field_named(form, "protection")->getValue<std::string>("value"));
}

TEST(ProtectionDialogTest, OffersOnlyWhatThePolicyAllows) {
    domain::PolicySettings settings;
    settings.require_code = true;
    const Json form =
        element_of_type(change_dialog(share_with(domain::Protection::Code), settings), "form");
    EXPECT_EQ((Strings{"code", "both"}), option_values(field_named(form, "protection")));
}

TEST(ProtectionDialogTest, SpeaksGerman) {
    const Json d = change_dialog(share_with(domain::Protection::Password), {}, "", Language::De);
    EXPECT_EQ("Schutz ändern", d->getValue<std::string>("title"));
    const Json form = element_of_type(d, "form");
    EXPECT_EQ("Speichern", form->getObject("submit")->getValue<std::string>("label"));
    EXPECT_EQ((Strings{"Kein Schutz", "Passwortschutz", "Sicherheitscode per SMS oder E-Mail",
                       "Passwort und Sicherheitscode"}),
              strings_of(field_named(form, "protection")->getArray("options"), "label"));
}

TEST(RemoveProtectionTest, AsksOnceMoreAndSubmitsTheRemovalConfirmed) {
    const Json d = reparsed(
        remove_protection_confirmation(Language::En, share_with(domain::Protection::Code)));
    EXPECT_EQ("Remove protection", d->getValue<std::string>("title"));
    const Json warning = element_of_type(d, "notice");
    EXPECT_EQ("warning", warning->getValue<std::string>("level"));
    const Json form = element_of_type(d, "form");
    EXPECT_EQ(0u, form->getArray("fields")->size());
    const Json hidden = form->getObject("hidden");
    EXPECT_EQ("share-1", hidden->getValue<std::string>("share_id"));
    EXPECT_EQ("none", hidden->getValue<std::string>("protection"));
    EXPECT_EQ("yes", hidden->getValue<std::string>("confirmed"));
    EXPECT_EQ("danger", form->getObject("submit")->getValue<std::string>("style"));
    const Json german = reparsed(
        remove_protection_confirmation(Language::De, share_with(domain::Protection::Code)));
    EXPECT_EQ("Schutz entfernen", german->getValue<std::string>("title"));
}

}  // namespace
}  // namespace es::ui::test
