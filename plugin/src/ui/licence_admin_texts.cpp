#include "ui/licence_admin_texts.hpp"

#include <map>

#include "ui/view_json.hpp"

namespace es::ui {

namespace {

struct Pair {
    const char* en;
    const char* de;
};

const std::map<std::string_view, Pair>& texts() {
    static const std::map<std::string_view, Pair> table = {
        {"title",
         {"External Sharing: activation and licence", "Externes Teilen: Aktivierung und Lizenz"}},
        {"only_admins",
         {"Only organisation admins can change the activation.",
          "Nur Organisations-Admins können die Aktivierung ändern."}},
        {"state", {"State", "Status"}},
        {"state.not_activated", {"Not activated", "Nicht aktiviert"}},
        {"state.trial", {"Free trial", "Kostenloser Testmonat"}},
        {"state.licensed", {"Licensed", "Lizenziert"}},
        {"state.expired", {"Expired", "Abgelaufen"}},
        {"state.deactivated", {"Deactivated", "Deaktiviert"}},
        {"plan", {"Plan", "Abo"}},
        {"plan.module", {"External Sharing module", "Spezialmodul Externes Teilen"}},
        {"plan.pro", {"PRO (module included)", "PRO (Modul inbegriffen)"}},
        {"plan.pro_plus", {"PRO+ (module included)", "PRO+ (Modul inbegriffen)"}},
        {"plan.none", {"none", "keines"}},
        {"seats", {"Users / seats", "Anwender:innen / Lizenzen"}},
        {"seats.unlimited", {"no limit during the trial", "im Testmonat unbegrenzt"}},
        {"valid_until", {"Active until", "Aktiv bis"}},
        {"licence_id", {"Licence number", "Lizenznummer"}},
        {"price", {"Price", "Preis"}},
        // One price line: what a user costs and what the organisation pays now.
        {"price.module",
         {"CHF 3 per user per month, for the whole organisation only: CHF {total} a month for "
          "{users} active users",
          "CHF 3.– pro Monat und Anwender:in, nur für die gesamte Organisation buchbar: CHF "
          "{total} im Monat für {users} aktive Anwender:innen"}},
        {"price.module.one",
         {"CHF 3 per user per month, for the whole organisation only: CHF {total} a month for "
          "{users} active user",
          "CHF 3.– pro Monat und Anwender:in, nur für die gesamte Organisation buchbar: CHF "
          "{total} im Monat für {users} aktive:n Anwender:in"}},
        {"field.licence_key.help",
         {"Only needed to activate with a licence key; the free trial needs none.",
          "Nur nötig, um mit einem Lizenzschlüssel zu aktivieren; der Testmonat braucht keinen."}},
        {"field.licence_key.missing",
         {"Enter the licence key you received.", "Bitte den erhaltenen Lizenzschlüssel eingeben."}},
        {"price.included",
         {"Included in your PRO / PRO+ subscription", "In Ihrem PRO- / PRO+-Abo inbegriffen"}},
        {"explain.not_active",
         {"External Sharing is off for this organisation: nothing can be shared and existing links "
          "answer like unknown links. Start the free trial month or enter a licence key. PRO and "
          "PRO+ include the module; ask info@agiflex.ch for your key.",
          "Externes Teilen ist für diese Organisation ausgeschaltet: Es kann nichts geteilt "
          "werden, "
          "und bestehende Links antworten wie unbekannte Links. Starten Sie den kostenlosen "
          "Testmonat oder geben Sie einen Lizenzschlüssel ein. In PRO und PRO+ ist das Modul "
          "inbegriffen; Ihren Schlüssel erhalten Sie über info@agiflex.ch."}},
        {"warning.not_activated",
         {"The module is not activated.", "Das Modul ist nicht aktiviert."}},
        {"warning.deactivated",
         {"The module was deactivated by an admin.",
          "Das Modul wurde von einem Admin deaktiviert."}},
        {"warning.expired",
         {"The trial or licence has expired. Nothing was deleted: enter a new "
          "licence key and every valid link works again.",
          "Der Testmonat oder die Lizenz ist abgelaufen. Nichts wurde gelöscht: "
          "Mit einem neuen Lizenzschlüssel funktionieren alle gültigen Links "
          "wieder."}},
        {"warning.trial_ends_soon",
         {"The free trial ends on {date}.", "Der kostenlose Testmonat endet am {date}."}},
        {"warning.licence_ends_soon",
         {"The licence ends on {date}; ask for a renewal.",
          "Die Lizenz endet am {date}; bitte verlängern."}},
        {"warning.seats_exceeded",
         {"More active users than licensed seats. Until {date} everything keeps working; then new "
          "shares are blocked (existing links keep working) until the licence covers all users.",
          "Mehr aktive Anwender:innen als lizenziert. Bis {date} funktioniert alles weiter; danach "
          "können keine neuen Links erstellt werden (bestehende bleiben gültig), bis die Lizenz "
          "alle "
          "Anwender:innen abdeckt."}},
        {"warning.seats_grace_over",
         {"More active users than licensed seats since the grace period ended on {date}: new "
          "shares "
          "are blocked; existing links keep working. Enter a licence key with enough seats.",
          "Mehr aktive Anwender:innen als lizenziert, und die Übergangsfrist endete am {date}: "
          "Neue "
          "Links sind gesperrt; bestehende bleiben gültig. Bitte Lizenzschlüssel mit genügend "
          "Lizenzen eingeben."}},
        {"action.start_trial", {"Start free trial month", "Kostenlosen Testmonat starten"}},
        {"action.enter_key", {"Activate licence key", "Lizenzschlüssel aktivieren"}},
        {"field.licence_key", {"Licence key", "Lizenzschlüssel"}},
        {"action.deactivate", {"Deactivate", "Deaktivieren"}},
        {"action.reactivate", {"Activate again", "Wieder aktivieren"}},
        {"action.revoke_all",
         {"Revoke all links of the organisation", "Alle Links der Organisation beenden"}},
        {"action.cancel", {"Cancel", "Abbrechen"}},
        {"action.enable", {"Switch on", "Einschalten"}},
        {"action.disable", {"Switch off", "Ausschalten"}},
        {"confirm.deactivate",
         {"Deactivate External Sharing? Nobody can share any more and every link answers like an "
          "unknown link until the module is activated again. Nothing is deleted.",
          "Externes Teilen deaktivieren? Niemand kann mehr teilen, und alle Links antworten wie "
          "unbekannte Links, bis das Modul wieder aktiviert wird. Nichts wird gelöscht."}},
        {"confirm.revoke_all",
         {"Revoke every link of this organisation now? Recipients lose access at once; this cannot "
          "be undone.",
          "Alle Links dieser Organisation jetzt beenden? Empfänger:innen verlieren sofort den "
          "Zugriff; das lässt sich nicht rückgängig machen."}},
        {"case_types", {"Case types", "Falltypen"}},
        {"case_type", {"Case type", "Falltyp"}},
        {"module", {"External Sharing", "Externes Teilen"}},
        {"on", {"on", "ein"}},
        {"off", {"off", "aus"}},
        {"journal", {"Journal entries in the case file", "Journaleinträge im Fall"}},
        {"journal.explain",
         {"External Sharing writes into the case's journal when a link is created, changed, "
          "revoked and first opened: to whom, with which protection, what was visible, until "
          "when.",
          "Externes Teilen schreibt ins Journal des Falls, wenn ein Link erstellt, geändert, "
          "beendet und zum ersten Mal geöffnet wird: für wen, mit welchem Schutz, was sichtbar "
          "war, bis wann."}},
        {"journal.entries", {"Journal entries", "Journaleinträge"}},
        {"journal.language", {"Language of the entries", "Sprache der Einträge"}},
        {"language.de", {"German", "Deutsch"}},
        {"language.en", {"English", "Englisch"}},
        {"action.language.de", {"Write in German", "Auf Deutsch schreiben"}},
        {"action.language.en", {"Write in English", "Auf Englisch schreiben"}},
        {"time_zone", {"Time zone", "Zeitzone"}},
        {"time_zone.explain",
         {"Every time External Sharing shows for your organisation is on this clock: in the case "
          "panel, on the recipient's pages, in e-mails and SMS and in the download's summary. A "
          "link's expiry date ends at 23:59 in this zone. Without a choice: {default}.",
          "Alle Zeiten, die Externes Teilen für eure Organisation zeigt, gehen nach dieser Uhr: im "
          "Reiter des Falls, auf den Seiten der Empfänger:innen, in E-Mails und SMS und in der "
          "Zusammenfassung des Downloads. Das Ablaufdatum eines Links endet um 23:59 in dieser "
          "Zone. Ohne Wahl: {default}."}},
        {"field.time_zone", {"Time zone", "Zeitzone"}},
        {"field.time_zone.help",
         {"A name from the time-zone database, e.g. Europe/Zurich, Europe/Berlin, "
          "America/New_York, UTC.",
          "Ein Name aus der Zeitzonen-Datenbank, z. B. Europe/Zurich, Europe/Berlin, "
          "America/New_York, UTC."}},
        {"field.time_zone.unknown",
         {"\"{zone}\" is not a time zone this system knows. Use a name such as Europe/Zurich.",
          "«{zone}» ist keine Zeitzone, die dieses System kennt. Bitte einen Namen wie "
          "Europe/Zurich angeben."}},
        {"action.time_zone", {"Save time zone", "Zeitzone speichern"}},
        {"audit", {"Changes", "Änderungen"}},
        {"audit.when", {"When", "Wann"}},
        {"audit.who", {"Who", "Wer"}},
        {"audit.what", {"What", "Was"}},
        {"audit.details", {"Details", "Details"}},
        {"audit.empty", {"No changes yet.", "Noch keine Änderungen."}},
        // A change in the list, in words (ui/licence_change_text.cpp).
        {"change.licence.trial_started", {"Free trial started", "Kostenloser Testmonat gestartet"}},
        {"change.licence.key_accepted", {"Licence key entered", "Lizenzschlüssel eingegeben"}},
        {"change.licence.key_refused", {"Licence key refused", "Lizenzschlüssel abgelehnt"}},
        {"change.licence.deactivated", {"Module switched off", "Modul ausgeschaltet"}},
        {"change.licence.reactivated", {"Module switched on again", "Modul wieder eingeschaltet"}},
        {"change.licence.seats_exceeded",
         {"More active users than seats", "Mehr aktive Benutzer als Lizenzen"}},
        {"change.licence.seats_fit",
         {"Active users fit the seats again", "Aktive Benutzer passen wieder in die Lizenzen"}},
        {"change.module.case_type_enabled",
         {"Sharing switched on for a case type", "Teilen für einen Falltyp eingeschaltet"}},
        {"change.module.case_type_disabled",
         {"Sharing switched off for a case type", "Teilen für einen Falltyp ausgeschaltet"}},
        {"change.module.all_links_revoked", {"All links revoked", "Alle Links widerrufen"}},
        {"change.module.journal_entries_on",
         {"Journal entries for shares switched on", "Journaleinträge zu Freigaben eingeschaltet"}},
        {"change.module.journal_entries_off",
         {"Journal entries for shares switched off", "Journaleinträge zu Freigaben ausgeschaltet"}},
        {"change.module.journal_language",
         {"Language of the journal entries set", "Sprache der Journaleinträge festgelegt"}},
        {"change.module.time_zone", {"Time zone changed", "Zeitzone geändert"}},
        {"change.language.de", {"German", "Deutsch"}},
        {"change.language.en", {"English", "Englisch"}},
        {"change.other", {"Other change", "Andere Änderung"}},
        {"change.terms.plan", {"Plan: {plan}", "Abo: {plan}"}},
        {"change.terms.seats", {"{count} seats", "{count} Lizenzen"}},
        {"change.terms.seats.one", {"{count} seat", "{count} Lizenz"}},
        {"change.terms.until", {"valid until {date}", "gültig bis {date}"}},
        {"change.case_type.gone",
         {"a case type that no longer exists", "ein Falltyp, den es nicht mehr gibt"}},
        {"change.revoked", {"{count} links revoked", "{count} Links widerrufen"}},
        {"change.revoked.one", {"{count} link revoked", "{count} Link widerrufen"}},
        {"change.seats",
         {"{active} active users, {count} seats", "{active} aktive Benutzer, {count} Lizenzen"}},
        {"change.seats.one",
         {"{active} active users, {count} seat", "{active} aktive Benutzer, {count} Lizenz"}},
        {"change.who.system", {"automatic", "automatisch"}},
        {"change.who.unknown", {"a former user", "eine ehemalige Person"}},
        {"failed", {"Messages that could not be delivered", "Nicht zustellbare Nachrichten"}},
        {"failed.when", {"Queued", "Erstellt"}},
        {"failed.message", {"Message", "Nachricht"}},
        {"failed.to", {"To", "An"}},
        {"failed.attempts", {"Attempts", "Versuche"}},
        {"failed.error", {"Last error", "Letzter Fehler"}},
        {"failed.empty", {"None.", "Keine."}},
        {"failed.kind.share_link", {"Link e-mail", "Link-E-Mail"}},
        {"failed.kind.one_time_code", {"One-time code", "Einmalcode"}},
        {"failed.kind.owner_opened", {"Alert: link opened", "Hinweis: Link geöffnet"}},
        {"failed.kind.owner_failed_attempts",
         {"Alert: failed attempts", "Hinweis: fehlgeschlagene Versuche"}},
        {"failed.kind.owner_delivery_failed",
         {"Alert: delivery failed", "Hinweis: Zustellung fehlgeschlagen"}},
        {"failed.kind.expiry_reminder", {"Expiry reminder", "Ablauferinnerung"}},
        {"failed.kind.owner_code_limit", {"Alert: code limit", "Hinweis: Code-Limite"}},
        {"refused.not_a_key",
         {"This is not a licence key: a key is three base64url parts separated by dots, as sent by "
          "the vendor.",
          "Das ist kein Lizenzschlüssel: Ein Schlüssel besteht aus drei base64url-Teilen, getrennt "
          "durch Punkte, wie vom Anbieter gesendet."}},
        {"refused.algorithm",
         {"This licence key uses the algorithm '{detail}', but only vendor keys signed with ES256 "
          "are accepted.",
          "Dieser Lizenzschlüssel verwendet den Algorithmus '{detail}'; akzeptiert werden nur mit "
          "ES256 signierte Schlüssel des Anbieters."}},
        {"refused.unknown_key_id",
         {"This licence key was signed with the vendor key '{detail}', which this installation "
          "does "
          "not know.",
          "Dieser Lizenzschlüssel wurde mit dem Anbieterschlüssel '{detail}' signiert, den diese "
          "Installation nicht kennt."}},
        {"refused.signature",
         {"The signature of this licence key is not valid: the key was altered or not signed by "
          "the "
          "vendor.",
          "Die Signatur dieses Lizenzschlüssels ist ungültig: Der Schlüssel wurde verändert oder "
          "nicht vom Anbieter signiert."}},
        {"refused.issuer",
         {"This licence key was not issued by the vendor of External Sharing.",
          "Dieser Lizenzschlüssel stammt nicht vom Anbieter von Externes Teilen."}},
        {"refused.organisation",
         {"This licence key is for another organisation.",
          "Dieser Lizenzschlüssel gilt für eine andere Organisation."}},
        {"refused.claims",
         {"This licence key lacks a valid plan, seat count, validity or licence number.",
          "Diesem Lizenzschlüssel fehlt ein gültiges Abo, eine Anzahl Lizenzen, eine Gültigkeit "
          "oder "
          "eine Lizenznummer."}},
        {"refused.expired",
         {"This licence key expired on {detail}.",
          "Dieser Lizenzschlüssel ist am {detail} abgelaufen."}},
        {"refused.not_yet_valid",
         {"This licence key is valid only from {detail}.",
          "Dieser Lizenzschlüssel gilt erst ab {detail}."}},
        {"done.trial", {"The free trial month has started.", "Der kostenlose Testmonat läuft."}},
        {"done.key", {"The licence key is active.", "Der Lizenzschlüssel ist aktiv."}},
        {"done.deactivate",
         {"External Sharing is deactivated.", "Externes Teilen ist deaktiviert."}},
        {"done.reactivate",
         {"External Sharing is active again.", "Externes Teilen ist wieder aktiv."}},
        {"done.case_type",
         {"The case type setting was saved.", "Die Falltyp-Einstellung ist gespeichert."}},
        {"done.journal",
         {"The journal setting was saved.", "Die Journal-Einstellung ist gespeichert."}},
        {"done.time_zone", {"The time zone was saved.", "Die Zeitzone ist gespeichert."}},
        {"done.revoke_all", {"{count} links were revoked.", "{count} Links wurden beendet."}},
        {"done.revoke_all.one", {"{count} link was revoked.", "{count} Link wurde beendet."}},
    };
    return table;
}

}  // namespace

std::string admin_count_text(Language language, std::string_view key, long long count,
                             const std::string& name) {
    const std::string form = std::string(key) + "." + plural_category(language, count);
    return fill(texts().count(form) != 0 ? admin_text(language, form) : admin_text(language, key),
                name, std::to_string(count));
}

std::string admin_text(Language language, std::string_view key) {
    const auto& table = texts();
    const auto it = table.find(key);
    if (it == table.end()) {
        return std::string(key);
    }
    return language == Language::De ? it->second.de : it->second.en;
}

}  // namespace es::ui
