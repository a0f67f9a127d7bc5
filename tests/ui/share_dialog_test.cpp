// The "share with external person" dialog's view model (share_dialog): prefilled from the case and
// the policy, offering only the protections the policy allows, keeping what was typed when the
// form comes back with errors, in German and English.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/policy.hpp"
#include "ui/share_dialog.hpp"
#include "view_model.hpp"

namespace es::ui::test {
namespace {

using Strings = std::vector<std::string>;

class ShareDialogTest : public ::testing::Test {
  protected:
    Json dialog(Language language = Language::En, const std::string& submitted = "",
                std::map<std::string, std::string> errors = {}) {
        const domain::Policy policy = zurich_policy(settings_);
        ShareDialogInput in;
        in.language = language;
        in.snapshot = &case_;
        in.policy = &policy;
        in.now = now_;
        if (!submitted.empty()) {
            in.submitted = Poco::JSON::Parser().parse(submitted).extract<Json>();
        }
        in.errors = std::move(errors);
        in.new_recipient = new_recipient_;
        return reparsed(share_dialog(in));
    }
    Json form(Language language = Language::En, const std::string& submitted = "") {
        return element_of_type(dialog(language, submitted), "form");
    }
    Json field(const std::string& name, Language language = Language::En,
               const std::string& submitted = "") {
        return field_named(form(language, submitted), name);
    }
    // The selection field's group `name`.
    Json group(const std::string& name, const std::string& submitted = "") {
        const JsonArray groups = field("selection", Language::En, submitted)->getArray("groups");
        for (unsigned i = 0; i < groups->size(); ++i) {
            if (groups->getObject(i)->getValue<std::string>("name") == name) {
                return groups->getObject(i);
            }
        }
        throw std::runtime_error("no group " + name);
    }
    Json item(const std::string& group_name, unsigned index, const std::string& submitted = "") {
        return group(group_name, submitted)->getArray("items")->getObject(index);
    }
    std::string code_help(Language language = Language::En) {
        const JsonArray options = field("protection", language)->getArray("options");
        for (unsigned i = 0; i < options->size(); ++i) {
            if (options->getObject(i)->getValue<std::string>("value") == "code") {
                return options->getObject(i)->getValue<std::string>("help");
            }
        }
        return "";
    }

    domain::CaseSnapshot case_ = sample_case();
    domain::PolicySettings settings_;
    domain::Timestamp now_ = test_now();
    bool new_recipient_ = false;
};

TEST_F(ShareDialogTest, IsAWideDialogNamingTheCaseAboveItsForm) {
    const Json d = dialog();
    EXPECT_EQ("dialog", d->getValue<std::string>("type"));
    EXPECT_EQ("wide", d->getValue<std::string>("size"));
    EXPECT_EQ("Share case with external person", d->getValue<std::string>("title"));
    const Json heading = element_of_type(d, "text");
    EXPECT_EQ("2026-17 — Muster", heading->getValue<std::string>("text"));
    EXPECT_EQ("muted", heading->getValue<std::string>("tone"));
    const Json f = element_of_type(d, "form");
    EXPECT_EQ("external-sharing.create", f->getValue<std::string>("action"));
    EXPECT_EQ("Share", f->getObject("submit")->getValue<std::string>("label"));
    EXPECT_EQ("primary", f->getObject("submit")->getValue<std::string>("style"));
    EXPECT_EQ("Cancel", f->getObject("cancel")->getValue<std::string>("label"));
    EXPECT_EQ(0u, f->getObject("errors")->size());
}

TEST_F(ShareDialogTest, LeadsWithWhoProtectionAndExpiryThenWhatIsShared) {
    // Issue #18: the recipient first, then the protection, the e-mail choice right above the date
    // it changes; the item choice, the notice on opening and the advanced options last.
    EXPECT_EQ((Strings{"recipient_name", "recipient_email", "recipient_phone", "protection",
                       "password", "send_email", "expires_on", "selection", "notify_on_open",
                       "advanced", "download_limit"}),
              strings_of(form()->getArray("fields"), "name"));
    EXPECT_EQ((Strings{"text", "email", "tel", "radio", "password", "checkbox", "date", "items",
                       "checkbox", "checkbox", "text"}),
              strings_of(form()->getArray("fields"), "type"));
}

TEST_F(ShareDialogTest, TheItemChoiceIsFoldedWithASummaryPerGroupInBothLanguages) {
    const Json selection = field("selection");
    EXPECT_TRUE(selection->getValue<bool>("collapsed"));
    EXPECT_EQ("Choose items", selection->getValue<std::string>("expand_label"));
    EXPECT_EQ("Einträge auswählen",
              field("selection", Language::De)->getValue<std::string>("expand_label"));
    // The plural form follows the group's total; the host fills in "{checked}".
    EXPECT_EQ("{checked} of 2 journal entries", group("journal")->getValue<std::string>("summary"));
    EXPECT_EQ("{checked} of 1 attachment", group("attachments")->getValue<std::string>("summary"));
    const JsonArray german = field("selection", Language::De)->getArray("groups");
    EXPECT_EQ((Strings{"{checked} von 1 Falldetail", "{checked} von 2 Journaleinträgen",
                       "{checked} von 1 Anhang"}),
              strings_of(german, "summary"));
}

TEST_F(ShareDialogTest, AGroupWithoutItemsHasNoSummary) {
    case_.attachments.clear();
    EXPECT_FALSE(group("attachments")->has("summary"));
}

TEST_F(ShareDialogTest, OffersTheExpiryWithinThePolicy) {
    case_.correspondent.email.clear();  // a link to copy: the direct link's default
    const Json expiry = field("expires_on");
    EXPECT_EQ("2026-12-26", expiry->getValue<std::string>("value")) << "20 days by default";
    EXPECT_EQ("2026-12-06", expiry->getValue<std::string>("min"));
    EXPECT_EQ("2027-03-06", expiry->getValue<std::string>("max")) << "at most 90 days";
    EXPECT_TRUE(expiry->getValue<bool>("required"));
    EXPECT_EQ("Default 20 days; at most 90 days.", expiry->getValue<std::string>("help"));

    settings_.direct_link_expiry_days = 5;
    settings_.max_expiry_days = 10;
    EXPECT_EQ("2026-12-11", field("expires_on")->getValue<std::string>("value"));
    EXPECT_EQ("2026-12-16", field("expires_on")->getValue<std::string>("max"));
    EXPECT_EQ("Default 5 days; at most 10 days.",
              field("expires_on")->getValue<std::string>("help"));

    settings_.direct_link_expiry_days = 1;
    EXPECT_EQ("Default 1 day; at most 10 days.",
              field("expires_on")->getValue<std::string>("help"));
    EXPECT_EQ("Standard 1 Tag; höchstens 10 Tage.",
              field("expires_on", Language::De)->getValue<std::string>("help"));
}

// Choosing e-mail used to cut the expiry to the e-mail default behind the caseworker's back when
// the link was sent; the dialog now shows that default on the date field and says so beside the
// choice, before anything is made.
TEST_F(ShareDialogTest, EmailIsChosenWhenAnAddressIsKnownAndTheDateShowsTheEmailDefault) {
    const Json send = field("send_email");
    EXPECT_EQ("checkbox", send->getValue<std::string>("type"));
    EXPECT_TRUE(send->getValue<bool>("checked"));
    const Json expiry = field("expires_on");
    EXPECT_EQ("2026-12-07", expiry->getValue<std::string>("value")) << "24 hours by default";
    EXPECT_EQ("2027-03-06", expiry->getValue<std::string>("max")) << "still up to the maximum";
    const Json value_if = expiry->getObject("value_if");
    EXPECT_EQ("send_email", value_if->getValue<std::string>("field"));
    EXPECT_EQ("2026-12-07", value_if->getObject("values")->getValue<std::string>("true"));
    EXPECT_EQ("2026-12-26", value_if->getObject("values")->getValue<std::string>("false"));
}

TEST_F(ShareDialogTest, TheEmailChoiceSaysWhatItDoesToTheExpiryInBothLanguages) {
    const std::string en = field("send_email")->getValue<std::string>("help");
    EXPECT_NE(std::string::npos, en.find("valid for 24 hours")) << en;
    EXPECT_NE(std::string::npos, en.find("7 Dec 2026")) << en;
    EXPECT_NE(std::string::npos, en.find("6 Mar 2027")) << en;
    const std::string de = field("send_email", Language::De)->getValue<std::string>("help");
    EXPECT_NE(std::string::npos, de.find("24 Stunden gültig")) << de;
    EXPECT_NE(std::string::npos, de.find("07.12.2026")) << de;
    EXPECT_EQ("Link per E-Mail an die Person senden (nach der Vorschau)",
              field("send_email", Language::De)->getValue<std::string>("label"));

    settings_.email_link_expiry_hours = 1;
    const std::string one = field("send_email")->getValue<std::string>("help");
    EXPECT_NE(std::string::npos, one.find("valid for 1 hour ")) << one;
}

TEST_F(ShareDialogTest, DaysAreTheOrganisationsDaysNotUtcs) {
    case_.correspondent.email.clear();
    now_ = test_now() + std::chrono::hours(14);  // 23:30 UTC on the 6th: the 7th in Zurich
    const Json expiry = field("expires_on");
    EXPECT_EQ("2026-12-07", expiry->getValue<std::string>("min"));
    EXPECT_EQ("2026-12-27", expiry->getValue<std::string>("value"));
    EXPECT_EQ("2027-03-07", expiry->getValue<std::string>("max"));
}

TEST_F(ShareDialogTest, WithoutAnAddressTheLinkIsForCopyingAndKeepsTheDirectDefault) {
    case_.correspondent.email.clear();
    EXPECT_FALSE(field("send_email")->getValue<bool>("checked"));
    EXPECT_EQ("2026-12-26", field("expires_on")->getValue<std::string>("value"));
}

TEST_F(ShareDialogTest, TheChoiceAndTheDateTypedAreKeptWhenTheFormComesBack) {
    const std::string submitted = R"({"expires_on":"2027-01-05","send_email":true})";
    EXPECT_TRUE(field("send_email", Language::En, submitted)->getValue<bool>("checked"));
    EXPECT_EQ("2027-01-05",
              field("expires_on", Language::En, submitted)->getValue<std::string>("value"));
    EXPECT_FALSE(
        field("send_email", Language::En, R"({"send_email":false})")->getValue<bool>("checked"));
}

TEST_F(ShareDialogTest, ShareWithSomeoneNewStartsWithAnEmptyRecipient) {
    new_recipient_ = true;
    EXPECT_EQ("", field("recipient_name")->getValue<std::string>("value"));
    EXPECT_EQ("", field("recipient_email")->getValue<std::string>("value"));
    EXPECT_EQ("", field("recipient_phone")->getValue<std::string>("value"));
    EXPECT_FALSE(field("send_email")->getValue<bool>("checked"));
}

TEST_F(ShareDialogTest, ACaseWithoutPhoneOrEmailIsNotOfferedACodeAndIsToldWhy) {
    case_.correspondent.email.clear();
    case_.correspondent.phone.clear();
    const Json protection = field("protection");
    EXPECT_EQ((Strings{"none", "password"}), option_values(protection));
    EXPECT_NE(std::string::npos,
              protection->getValue<std::string>("help").find("neither a telephone number nor"));
    EXPECT_NE(std::string::npos, field("protection", Language::De)
                                     ->getValue<std::string>("help")
                                     .find("weder eine Telefonnummer noch"));
    // A contact typed into the form brings the code back when the form is shown again.
    EXPECT_EQ(
        (Strings{"none", "password", "code", "both"}),
        option_values(field("protection", Language::En, R"({"recipient_phone":"+41791234567"})")));
}

TEST_F(ShareDialogTest, AnEmailAddressAloneOffersTheCodeByEmailToThatAddress) {
    case_.correspondent.phone.clear();
    EXPECT_EQ((Strings{"none", "password", "code", "both"}), option_values(field("protection")));
    EXPECT_NE(std::string::npos, code_help().find("by e-mail to eva@example.org")) << code_help();
}

TEST_F(ShareDialogTest, PrefillsTheRecipientFromTheCasesCorrespondent) {
    EXPECT_EQ("Eva Extern", field("recipient_name")->getValue<std::string>("value"));
    EXPECT_EQ("eva@example.org", field("recipient_email")->getValue<std::string>("value"));
    EXPECT_EQ("+41791234567", field("recipient_phone")->getValue<std::string>("value"));
    EXPECT_FALSE(field("notify_on_open")->getValue<bool>("checked"));
}

TEST_F(ShareDialogTest, OffersEveryProtectionWhenThePolicyRequiresNone) {
    const Json protection = field("protection");
    EXPECT_EQ((Strings{"none", "password", "code", "both"}), option_values(protection));
    EXPECT_EQ("none", protection->getValue<std::string>("value"));
    EXPECT_TRUE(protection->getValue<bool>("required"));
    EXPECT_EQ((Strings{"No verification", "Password", "Security code by SMS or e-mail",
                       "Password and security code"}),
              strings_of(protection->getArray("options"), "label"));
}

TEST_F(ShareDialogTest, ARequiredPasswordLeavesOutTheModesWithoutOne) {
    settings_.require_password = true;
    EXPECT_EQ((Strings{"password", "both"}), option_values(field("protection")));
    EXPECT_EQ("password", field("protection")->getValue<std::string>("value"));
}

TEST_F(ShareDialogTest, ARequiredCodeLeavesOutTheModesWithoutOne) {
    settings_.require_code = true;
    EXPECT_EQ((Strings{"code", "both"}), option_values(field("protection")));
    EXPECT_EQ("code", field("protection")->getValue<std::string>("value"));
}

TEST_F(ShareDialogTest, RequiringBothLeavesPasswordAndCodeOnly) {
    settings_.require_password = true;
    settings_.require_code = true;
    EXPECT_EQ((Strings{"both"}), option_values(field("protection")));
    EXPECT_EQ("both", field("protection")->getValue<std::string>("value"));
}

TEST_F(ShareDialogTest, TheCodeGoesBySmsWhenThePhoneIsKnown) {
    EXPECT_EQ("The recipient gets a 6-digit security code by SMS to +41791234567.", code_help());
    EXPECT_EQ("Die Person erhält einen 6-stelligen Sicherheitscode per SMS an +41791234567.",
              code_help(Language::De));
}

TEST_F(ShareDialogTest, TheCodeGoesByEmailWithoutAPhone) {
    case_.correspondent.phone.clear();
    settings_.code_digits = 8;
    EXPECT_EQ(
        "No telephone number is known: the recipient gets a 8-digit security code by "
        "e-mail to eva@example.org.",
        code_help());
    EXPECT_EQ(
        "Es ist keine Telefonnummer bekannt: Die Person erhält einen 8-stelligen "
        "Sicherheitscode per E-Mail an eva@example.org.",
        code_help(Language::De));
}

TEST_F(ShareDialogTest, ThePolicyCanSendCodesByEmailDespiteAPhone) {
    settings_.force_email_codes = true;
    EXPECT_EQ(std::string::npos, code_help().find("SMS")) << code_help();
    EXPECT_NE(std::string::npos, code_help().find("by e-mail")) << code_help();
}

TEST_F(ShareDialogTest, ThePasswordFieldShowsForThePasswordModesOnly) {
    const Json password = field("password");
    EXPECT_TRUE(password->getValue<bool>("generator"));
    EXPECT_TRUE(password->getValue<bool>("reveal"));
    EXPECT_EQ("", password->getValue<std::string>("value"));
    const Json show_if = password->getObject("show_if");
    EXPECT_EQ("protection", show_if->getValue<std::string>("field"));
    EXPECT_EQ("password", show_if->getArray("in")->getElement<std::string>(0));
    EXPECT_EQ("both", show_if->getArray("in")->getElement<std::string>(1));
    EXPECT_EQ(2u, show_if->getArray("in")->size());
}

TEST_F(ShareDialogTest, ListsEveryItemOfTheCaseInItsSection) {
    EXPECT_EQ((Strings{"details", "journal", "attachments"}),
              strings_of(field("selection")->getArray("groups"), "name"));
    EXPECT_EQ((Strings{"Case details", "Journal entries", "Attachments"}),
              strings_of(field("selection")->getArray("groups"), "label"));
    EXPECT_EQ("What to share", field("selection")->getValue<std::string>("label"));

    const Json parcel = item("details", 0);
    EXPECT_EQ("parcel", parcel->getValue<std::string>("id"));
    EXPECT_EQ("Parcel", parcel->getValue<std::string>("label"));
    EXPECT_EQ("Nr. 12", parcel->getValue<std::string>("detail"));
    EXPECT_TRUE(parcel->getValue<bool>("checked"));

    const Json entry = item("journal", 0);
    EXPECT_EQ("2 Nov 2026 — Anna Beispiel", entry->getValue<std::string>("label"))
        << "the host's date in the reader's format";
    EXPECT_EQ("Phoned the recipient.", entry->getValue<std::string>("detail"));
    EXPECT_TRUE(entry->getValue<bool>("checked"));
    EXPECT_FALSE(entry->has("badge"));

    const Json plan = item("attachments", 0);
    EXPECT_EQ("Plan.pdf", plan->getValue<std::string>("label"));
    EXPECT_EQ("1.5 kB", plan->getValue<std::string>("detail"));
    EXPECT_TRUE(plan->getValue<bool>("checked"));
}

TEST_F(ShareDialogTest, InternalJournalEntriesStartUnticked) {
    const Json internal = item("journal", 1);
    EXPECT_FALSE(internal->getValue<bool>("checked"));
    EXPECT_EQ("internal", internal->getValue<std::string>("badge"));
}

TEST_F(ShareDialogTest, LongJournalTextsAreCutWithoutSplittingACharacter) {
    EXPECT_EQ(std::string(140, 'x') + "…", item("journal", 1)->getValue<std::string>("detail"));
    // "ä" is two bytes; the cut at byte 140 would fall inside the 70th.
    std::string umlauts;
    for (int i = 0; i < 100; ++i) {
        umlauts += "ä";
    }
    case_.journal[1].text = "x" + umlauts;
    std::string expected = "x";
    for (int i = 0; i < 69; ++i) {
        expected += "ä";
    }
    EXPECT_EQ(expected + "…", item("journal", 1)->getValue<std::string>("detail"));
}

TEST_F(ShareDialogTest, KeepsWhatWasSubmittedWhenTheFormComesBack) {
    const std::string submitted =
        R"({"expires_on":"2026-12-13","protection":"both","password":"correct horse",)"
        R"("recipient_name":"Max","recipient_email":"","recipient_phone":"+41790000000",)"
        R"("notify_on_open":true,"advanced":true,"download_limit":"3",)"
        R"("selection":{"details":{"items":[]},"journal":{"items":["j2"]},)"
        R"("attachments":{"items":["a1"]}}})";
    const Json f = form(Language::En, submitted);
    EXPECT_EQ("2026-12-13", field_named(f, "expires_on")->getValue<std::string>("value"));
    EXPECT_EQ("both", field_named(f, "protection")->getValue<std::string>("value"));
    EXPECT_EQ("correct horse", field_named(f, "password")->getValue<std::string>("value"));
    EXPECT_EQ("Max", field_named(f, "recipient_name")->getValue<std::string>("value"));
    EXPECT_EQ("", field_named(f, "recipient_email")->getValue<std::string>("value"));
    EXPECT_EQ("+41790000000", field_named(f, "recipient_phone")->getValue<std::string>("value"));
    EXPECT_TRUE(field_named(f, "notify_on_open")->getValue<bool>("checked"));
    EXPECT_TRUE(field_named(f, "advanced")->getValue<bool>("checked"));
    EXPECT_EQ("3", field_named(f, "download_limit")->getValue<std::string>("value"));
    EXPECT_FALSE(item("details", 0, submitted)->getValue<bool>("checked"));
    EXPECT_FALSE(item("journal", 0, submitted)->getValue<bool>("checked"));
    EXPECT_TRUE(item("journal", 1, submitted)->getValue<bool>("checked")) << "ticked on purpose";
    EXPECT_TRUE(item("attachments", 0, submitted)->getValue<bool>("checked"));
}

TEST_F(ShareDialogTest, ShowsTheErrorsBesideTheirFields) {
    const Json f = element_of_type(
        dialog(Language::En, "", {{"recipient_email", "not an e-mail"}, {"_form", "no"}}), "form");
    EXPECT_EQ("not an e-mail", f->getObject("errors")->getValue<std::string>("recipient_email"));
    EXPECT_EQ("no", f->getObject("errors")->getValue<std::string>("_form"));
}

TEST_F(ShareDialogTest, TheDownloadLimitHidesBehindTheAdvancedOptions) {
    const Json advanced = field("advanced");
    EXPECT_EQ("Advanced options", advanced->getValue<std::string>("label"));
    EXPECT_FALSE(advanced->getValue<bool>("checked")) << "no limit typed";
    const Json limit = field("download_limit");
    EXPECT_EQ("", limit->getValue<std::string>("value"));
    EXPECT_EQ("no limit", limit->getValue<std::string>("placeholder"));
    EXPECT_EQ(4, limit->getValue<int>("maxlength"));
    EXPECT_EQ("advanced", limit->getObject("show_if")->getValue<std::string>("field"));
    EXPECT_EQ("true", limit->getObject("show_if")->getArray("in")->getElement<std::string>(0));
    // A limit that came back with the form opens them, unless they were closed on purpose.
    EXPECT_TRUE(
        field("advanced", Language::En, R"({"download_limit":"4"})")->getValue<bool>("checked"));
    EXPECT_FALSE(field("advanced", Language::En, R"({"download_limit":"4","advanced":false})")
                     ->getValue<bool>("checked"));
}

TEST_F(ShareDialogTest, SpeaksGerman) {
    const Json d = dialog(Language::De);
    EXPECT_EQ("Fall mit externer Person teilen", d->getValue<std::string>("title"));
    const Json f = element_of_type(d, "form");
    EXPECT_EQ("Teilen", f->getObject("submit")->getValue<std::string>("label"));
    EXPECT_EQ("Abbrechen", f->getObject("cancel")->getValue<std::string>("label"));
    EXPECT_EQ((Strings{"Name", "E-Mail", "Telefonnummer", "Schutz", "Passwort",
                       "Link per E-Mail an die Person senden (nach der Vorschau)",
                       "Ablaufdatum des Links", "Was geteilt wird",
                       "Mir eine E-Mail senden, wenn der Link zum ersten Mal geöffnet wird",
                       "Erweiterte Optionen", "Download-Grenze"}),
              strings_of(f->getArray("fields"), "label"));
    EXPECT_EQ("Standard 20 Tage; höchstens 90 Tage.",
              field_named(f, "expires_on")->getValue<std::string>("help"));
    EXPECT_EQ((Strings{"Kein Schutz", "Passwortschutz", "Sicherheitscode per SMS oder E-Mail",
                       "Passwort und Sicherheitscode"}),
              strings_of(field_named(f, "protection")->getArray("options"), "label"));
    EXPECT_EQ((Strings{"Fallakten-Details", "Journaleinträge", "Anhänge"}),
              strings_of(field_named(f, "selection")->getArray("groups"), "label"));
    const Json internal = field_named(f, "selection")
                              ->getArray("groups")
                              ->getObject(1)
                              ->getArray("items")
                              ->getObject(1);
    EXPECT_EQ("intern", internal->getValue<std::string>("badge"));
}

TEST_F(ShareDialogTest, SpeaksEnglish) {
    EXPECT_EQ(
        (Strings{"Name", "E-mail", "Telephone number", "Verification", "Password",
                 "Send the link to the recipient by e-mail (after the preview)", "Link expiry date",
                 "What to share", "E-mail me when the link is first opened", "Advanced options",
                 "Download limit"}),
        strings_of(form()->getArray("fields"), "label"));
    EXPECT_EQ("Leave empty to create only the link.",
              field("recipient_email")->getValue<std::string>("help"));
}

}  // namespace
}  // namespace es::ui::test
