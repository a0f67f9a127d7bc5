// The admin page's list of changes in words, for every action the licence service records, in
// both languages; an action a newer instance wrote and facts that cannot be read still give words.
#include <gtest/gtest.h>

#include <string>

#include "ui/licence_change_text.hpp"

namespace es::ui {
namespace {

using domain::Language;

std::string type_name(const std::string& id) {
    return id == "ct-1" ? "Beistandschaft" : "";
}

ChangeWords words(Language lang, const std::string& action, const std::string& facts) {
    return licence_change_words(text::TimeReader{lang, "Europe/Zurich"}, action, facts, type_name);
}

TEST(LicenceChangeText, EveryRecordedActionReadsAsASentenceInBothLanguages) {
    struct Case {
        std::string action, facts, what_en, details_en, what_de, details_de;
    };
    const Case cases[] = {
        {"licence.trial_started", R"({"from":"not_activated","to":"trial"})", "Free trial started",
         "Not activated → Free trial", "Kostenloser Testmonat gestartet",
         "Nicht aktiviert → Kostenloser Testmonat"},
        {"licence.key_accepted",
         R"({"from":"trial","to":"licensed","licence_id":"L-1","plan":"pro","seats":25,)"
         R"("valid_until":1798761600000})",
         "Licence key entered",
         "Free trial → Licensed; Plan: PRO (module included), 25 seats, valid until 1 Jan 2027",
         "Lizenzschlüssel eingegeben",
         "Kostenloser Testmonat → Lizenziert; Abo: PRO (Modul inbegriffen), 25 Lizenzen, gültig "
         "bis 01.01.2027"},
        {"licence.key_refused",
         R"({"reason":"expired on 2026-01-01","reason_id":"expired","reason_detail":"1.1.2026"})",
         "Licence key refused", "This licence key expired on 1.1.2026.",
         "Lizenzschlüssel abgelehnt", "Dieser Lizenzschlüssel ist am 1.1.2026 abgelaufen."},
        {"licence.key_refused", R"({"reason":"an English sentence of an older build"})",
         "Licence key refused", "", "Lizenzschlüssel abgelehnt", ""},
        {"licence.deactivated", R"({"from":"trial","to":"deactivated"})", "Module switched off",
         "Free trial → Deactivated", "Modul ausgeschaltet", "Kostenloser Testmonat → Deaktiviert"},
        {"licence.reactivated", R"({"from":"deactivated","to":"trial"})",
         "Module switched on again", "Deactivated → Free trial", "Modul wieder eingeschaltet",
         "Deaktiviert → Kostenloser Testmonat"},
        {"licence.seats_exceeded", R"({"active_users":27,"seats":25})",
         "More active users than seats", "27 active users, 25 seats",
         "Mehr aktive Benutzer als Lizenzen", "27 aktive Benutzer, 25 Lizenzen"},
        {"licence.seats_fit", R"({"active_users":1,"seats":1})", "Active users fit the seats again",
         "1 active users, 1 seat", "Aktive Benutzer passen wieder in die Lizenzen",
         "1 aktive Benutzer, 1 Lizenz"},
        {"module.case_type_enabled", R"({"case_type_id":"ct-1","enabled":true})",
         "Sharing switched on for a case type", "Beistandschaft",
         "Teilen für einen Falltyp eingeschaltet", "Beistandschaft"},
        {"module.case_type_disabled", R"({"case_type_id":"ct-9","enabled":false})",
         "Sharing switched off for a case type", "a case type that no longer exists",
         "Teilen für einen Falltyp ausgeschaltet", "ein Falltyp, den es nicht mehr gibt"},
        {"module.all_links_revoked", R"({"revoked":1})", "All links revoked", "1 link revoked",
         "Alle Links widerrufen", "1 Link widerrufen"},
        {"module.all_links_revoked", R"({"revoked":12})", "All links revoked", "12 links revoked",
         "Alle Links widerrufen", "12 Links widerrufen"},
        {"module.journal_entries_off", "{}", "Journal entries for shares switched off", "",
         "Journaleinträge zu Freigaben ausgeschaltet", ""},
        {"module.journal_entries_on", "{}", "Journal entries for shares switched on", "",
         "Journaleinträge zu Freigaben eingeschaltet", ""},
        {"module.journal_language", R"({"language":"en"})", "Language of the journal entries set",
         "English", "Sprache der Journaleinträge festgelegt", "Englisch"},
        {"licence.something_new", R"({"x":1})", "Other change", "", "Andere Änderung", ""},
        {"licence.trial_started", "not json at all", "Free trial started", "",
         "Kostenloser Testmonat gestartet", ""},
    };
    for (const Case& c : cases) {
        const ChangeWords en = words(Language::En, c.action, c.facts);
        EXPECT_EQ(c.what_en, en.what) << c.action << " " << c.facts;
        EXPECT_EQ(c.details_en, en.details) << c.action << " " << c.facts;
        const ChangeWords de = words(Language::De, c.action, c.facts);
        EXPECT_EQ(c.what_de, de.what) << c.action << " " << c.facts;
        EXPECT_EQ(c.details_de, de.details) << c.action << " " << c.facts;
    }
}

}  // namespace
}  // namespace es::ui
