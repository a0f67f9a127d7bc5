#include "ui/texts.hpp"

#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <utility>

#include "ui/view_json.hpp"

namespace es::ui {

namespace {

struct Entry {
    const char* en;
    const char* de;
};

const std::map<std::string_view, Entry>& table() {
    static const std::map<std::string_view, Entry> texts = {
        // Names the users know from the source documents (German: the help article of the
        // special module; English: the Secure Share help).
        {"action.share", {"Share with external person", "Fall mit externer Person teilen"}},
        {"panel.title", {"External Sharing", "Externes Teilen"}},
        {"admin.title", {"External Sharing", "Externes Teilen"}},
        {"column.title", {"External Sharing", "Externes Teilen"}},
        {"column.tooltip.one",
         {"1 active link, expires {date}", "1 aktiver Link, läuft ab am {date}"}},
        {"column.tooltip",
         {"{count} active links, next expiry {date}",
          "{count} aktive Links, nächster Ablauf {date}"}},
        {"inactive.notice",
         {"External Sharing is not activated for your organisation. Nothing of your cases is "
          "shared. An organisation admin can start a free trial month or enter a licence on the "
          "administration page.",
          "Das Spezialmodul Externes Teilen ist für eure Organisation nicht aktiviert. Es werden "
          "keine Falldaten geteilt. Eine Administratorin oder ein Administrator der Organisation "
          "kann auf der Administrationsseite einen kostenlosen Testmonat starten oder eine Lizenz "
          "eingeben."}},
        {"case_type_disabled.notice",
         {"External Sharing is not enabled for this case type.",
          "Externes Teilen ist für diesen Falltyp nicht eingeschaltet."}},
        {"dialog.title", {"Share case with external person", "Fall mit externer Person teilen"}},
        {"dialog.expiry", {"Link expiry date", "Ablaufdatum des Links"}},
        {"dialog.expiry.help",
         {"Default {days}; at most {max}.", "Standard {days}; höchstens {max}."}},
        {"dialog.protection", {"Verification", "Schutz"}},
        {"protection.none", {"No verification", "Kein Schutz"}},
        {"protection.password", {"Password", "Passwortschutz"}},
        {"protection.code",
         {"Security code by SMS or e-mail", "Sicherheitscode per SMS oder E-Mail"}},
        {"protection.both", {"Password and security code", "Passwort und Sicherheitscode"}},
        {"dialog.password", {"Password", "Passwort"}},
        {"dialog.password.help",
         {"Tell the recipient the password on another channel than the link.",
          "Gib das Passwort der Person abgetrennt vom ursprünglichen Kommunikationsweg bekannt."}},
        {"dialog.code.help.sms",
         {"The recipient gets a {digits}-digit security code by SMS to {phone}.",
          "Die Person erhält einen {digits}-stelligen Sicherheitscode per SMS an {phone}."}},
        {"dialog.code.help.email",
         {"No telephone number is known: the recipient gets a {digits}-digit security code by "
          "e-mail to {email}.",
          "Es ist keine Telefonnummer bekannt: Die Person erhält einen {digits}-stelligen "
          "Sicherheitscode per E-Mail an {email}."}},
        {"dialog.recipient", {"Recipient", "Empfänger:in"}},
        {"dialog.recipient.name", {"Name", "Name"}},
        {"dialog.recipient.email", {"E-mail", "E-Mail"}},
        {"dialog.recipient.email.help",
         {"Leave empty to create only the link.", "Leer lassen, um nur den Link zu erzeugen."}},
        {"dialog.recipient.phone", {"Telephone number", "Telefonnummer"}},
        {"dialog.notify_on_open",
         {"E-mail me when the link is first opened",
          "Mir eine E-Mail senden, wenn der Link zum ersten Mal geöffnet wird"}},
        {"dialog.notify_on_open.help",
         {"Once, when the recipient first sees the shared data or downloads a file.",
          "Einmal, wenn die Person die geteilten Daten zum ersten Mal sieht oder eine Datei "
          "herunterlädt."}},
        {"dialog.advanced", {"Advanced options", "Erweiterte Optionen"}},
        {"dialog.download_limit", {"Download limit", "Download-Grenze"}},
        {"dialog.download_limit.help",
         {"How many downloads the link allows in all (each file and the ZIP count; a resumed "
          "download counts once). Empty: no limit.",
          "Wie viele Downloads der Link insgesamt erlaubt (jede Datei und das ZIP zählen; ein "
          "fortgesetzter Download zählt einmal). Leer: keine Grenze."}},
        {"dialog.download_limit.unlimited", {"no limit", "keine Grenze"}},
        {"dialog.what", {"What to share", "Was geteilt wird"}},
        {"section.details", {"Case details", "Fallakten-Details"}},
        {"section.journal", {"Journal entries", "Journaleinträge"}},
        {"section.attachments", {"Attachments", "Anhänge"}},
        {"journal.internal", {"internal", "intern"}},
        // The share dialog's summary of what is shared while the item list is folded away
        // (ui/selection_summary.hpp); "{count}" is the group's total, "{checked}" the host's.
        {"dialog.summary.details",
         {"{checked} of {count} case details", "{checked} von {count} Falldetails"}},
        {"dialog.summary.details.one",
         {"{checked} of {count} case detail", "{checked} von {count} Falldetail"}},
        {"dialog.summary.journal",
         {"{checked} of {count} journal entries", "{checked} von {count} Journaleinträgen"}},
        {"dialog.summary.journal.one",
         {"{checked} of {count} journal entry", "{checked} von {count} Journaleintrag"}},
        {"dialog.summary.attachments",
         {"{checked} of {count} attachments", "{checked} von {count} Anhängen"}},
        {"dialog.summary.attachments.one",
         {"{checked} of {count} attachment", "{checked} von {count} Anhang"}},
        {"dialog.items.expand", {"Choose items", "Einträge auswählen"}},
        {"dialog.submit", {"Share", "Teilen"}},
        {"dialog.cancel", {"Cancel", "Abbrechen"}},
        // Added for the dialog's delivery choice, the code without contact and plural forms
        // (one contiguous block: later keys of others go to the end of the table).
        {"dialog.send_email",
         {"Send the link to the recipient by e-mail (after the preview)",
          "Link per E-Mail an die Person senden (nach der Vorschau)"}},
        {"dialog.send_email.help",
         {"Your organisation's rule: an e-mailed link is valid for {hours} unless you choose "
          "otherwise, so ticking this sets the expiry date above to {date}. The date you see is "
          "the date that applies, also to the link you copy; change it if the recipient needs "
          "longer (at most {max}).",
          "Regel eurer Organisation: Ein per E-Mail versendeter Link ist {hours} gültig, wenn du "
          "nichts anderes wählst; mit diesem Häkchen steht das Ablaufdatum oben deshalb auf "
          "{date}. Es gilt das Datum, das du siehst, auch für den kopierten Link; ändere es, wenn "
          "die Person länger braucht (höchstens {max})."}},
        {"dialog.code.unavailable",
         {"A security code is not offered: the recipient has neither a telephone number nor an "
          "e-mail address to receive it. Enter one below to be offered a code.",
          "Ein Sicherheitscode wird nicht angeboten: Für die Person ist weder eine Telefonnummer "
          "noch eine E-Mail-Adresse bekannt, an die er gehen könnte. Gib unten eine ein, damit der "
          "Code angeboten wird."}},
        {"dialog.code.unavailable.email",
         {"A security code is not offered: codes go by e-mail only, and the recipient has no "
          "e-mail address. Enter one below to be offered a code.",
          "Ein Sicherheitscode wird nicht angeboten: Codes gehen nur per E-Mail, und für die "
          "Person ist keine E-Mail-Adresse bekannt. Gib unten eine ein, damit der Code angeboten "
          "wird."}},
        {"result.valid_until",
         {"The link is valid until {date}.", "Der Link ist gültig bis {date}."}},
        {"count.days", {"{count} days", "{count} Tage"}},
        {"count.days.one", {"{count} day", "{count} Tag"}},
        {"count.hours", {"{count} hours", "{count} Stunden"}},
        {"count.hours.one", {"{count} hour", "{count} Stunde"}},
        {"toast.revoked_all.one", {"{count} link revoked.", "{count} Linkfreigabe beendet."}},
        {"module.name", {"External Sharing", "Externes Teilen"}},
        {"journal.created.limit.one",
         {" At most {count} download.", " Höchstens {count} Download."}},
        {"journal.changed.limit.one",
         {"External Sharing: the link for {recipient} now allows at most {count} download.",
          "Externes Teilen: Der Link für {recipient} erlaubt neu höchstens {count} Download."}},
        {"result.title", {"Link created", "Link erstellt"}},
        {"result.link", {"Direct link", "Direktlink"}},
        {"result.send_email", {"Send by e-mail", "Per E-Mail senden"}},
        {"result.send_email.help",
         {"Sending does not change the expiry: the e-mailed link is valid until {date}.",
          "Der Versand ändert das Ablaufdatum nicht: Der versendete Link ist gültig bis {date}."}},
        {"result.preview.help",
         {"Check the preview before sending: hide what is not meant for the recipient.",
          "Bitte prüfe vor dem Versand die Vorschau und blende aus, was nicht für die externe "
          "Person bestimmt ist."}},
        {"result.sent",
         {"The link was queued for sending to {email}.", "Der Link wird an {email} versendet."}},
        {"toast.items_saved", {"Visible items saved.", "Sichtbare Einträge gespeichert."}},
        {"toast.expiry_changed",
         {"The link now expires on {date}.", "Der Link läuft neu am {date} ab."}},
        {"toast.revoked_all", {"{count} links revoked.", "{count} Linkfreigaben beendet."}},
        {"toast.not_sent",
         {"The link was not sent by e-mail.", "Der Link wurde nicht per E-Mail versendet."}},
        {"common.preview", {"Preview", "Vorschau"}},
        {"common.hide", {"Hide", "Ausblenden"}},
        {"common.show", {"Show", "Einblenden"}},
        {"common.copy", {"Copy", "Kopieren"}},
        {"common.close", {"Close", "Schliessen"}},
        {"common.save", {"Save", "Speichern"}},
        {"panel.new", {"Share with someone new", "Mit neuer Person teilen"}},
        {"panel.links", {"Links", "Links"}},
        {"panel.none", {"This case has not been shared.", "Dieser Fall wurde nicht geteilt."}},
        {"panel.col.recipient", {"Recipient", "Empfänger:in"}},
        {"panel.col.emailed_to", {"E-mailed to", "Per E-Mail an"}},
        {"panel.col.created", {"Created", "Erstellt"}},
        {"panel.col.created_by", {"Created by", "Erstellt von"}},
        {"panel.col.expires", {"Expires", "Läuft ab"}},
        {"panel.col.protection", {"Protection", "Schutz"}},
        {"panel.col.status", {"Status", "Status"}},
        {"panel.col.password", {"Password", "Passwort"}},
        {"panel.col.private_url", {"Private URL", "Private URL"}},
        {"panel.col.last_access", {"Last access", "Letzter Zugriff"}},
        {"panel.col.delivery", {"Message", "Nachricht"}},
        {"panel.removed_user", {"(removed user)", "(entfernte Person)"}},
        {"panel.revoke", {"Revoke", "Beenden"}},
        {"panel.more_actions", {"More actions for {link}", "Weitere Aktionen für {link}"}},
        {"panel.revoke.confirm",
         {"Revoke this link now? The recipient loses access at once.",
          "Diese Linkfreigabe per sofort beenden? Die Person verliert den Zugriff sofort."}},
        {"panel.revoke_all", {"Revoke all links", "Alle Links beenden"}},
        {"panel.revoke_all.confirm",
         {"Revoke every link of this case now?",
          "Alle Linkfreigaben dieses Falls per sofort beenden?"}},
        {"panel.extend", {"Extend/Change", "Verlängern/Ändern"}},
        {"panel.change_protection", {"Change protection", "Schutz ändern"}},
        {"panel.change_protection.help",
         {"Saving ends every open session of this link: the recipient must prove again who they "
          "are.",
          "Beim Speichern enden alle offenen Sitzungen dieses Links: Die Person muss sich neu "
          "ausweisen."}},
        {"panel.remove_protection.confirm",
         {"Remove the protection? Anyone who has the link can then open it without a password "
          "or code.",
          "Den Schutz entfernen? Dann kann jede Person, die den Link hat, ihn ohne Passwort oder "
          "Code öffnen."}},
        {"panel.remove_protection", {"Remove protection", "Schutz entfernen"}},
        {"panel.col.downloads", {"Downloads", "Downloads"}},
        {"panel.downloads.limited", {"{used} of {limit}", "{used} von {limit}"}},
        {"toast.protection_changed",
         {"Protection changed. Open sessions of the link were ended.",
          "Schutz geändert. Offene Sitzungen des Links wurden beendet."}},
        {"panel.edit_items", {"Visible items", "Sichtbare Einträge"}},
        {"panel.show_password", {"Show password", "Passwort anzeigen"}},
        {"panel.details", {"Details", "Details"}},
        // The delivery column: what each of a link's messages is, and how it fared.
        {"delivery.kind.share_link.email", {"Link by e-mail", "Link per E-Mail"}},
        {"delivery.kind.share_link.sms", {"Link by SMS", "Link per SMS"}},
        {"delivery.kind.one_time_code.email", {"Code by e-mail", "Code per E-Mail"}},
        {"delivery.kind.one_time_code.sms", {"Code by SMS", "Code per SMS"}},
        {"delivery.kind.owner_opened.email",
         {"Notice to you: link opened", "Hinweis an Sie: Link geöffnet"}},
        {"delivery.kind.owner_failed_attempts.email",
         {"Notice to you: failed attempts", "Hinweis an Sie: Fehlversuche"}},
        {"delivery.kind.owner_delivery_failed.email",
         {"Notice to you: a message failed", "Hinweis an Sie: Nachricht nicht zugestellt"}},
        {"delivery.kind.expiry_reminder.email",
         {"Reminder to you: link expires", "Erinnerung an Sie: Link läuft ab"}},
        {"delivery.kind.owner_code_limit.email",
         {"Notice to you: code limit reached", "Hinweis an Sie: Code-Limit erreicht"}},
        {"delivery.kind.other.email", {"E-mail", "E-Mail"}},
        {"delivery.kind.other.sms", {"SMS", "SMS"}},
        {"delivery.status.pending", {"waiting to be sent", "wartet auf Versand"}},
        {"delivery.status.sending", {"being sent", "wird gesendet"}},
        {"delivery.status.sent", {"sent", "gesendet"}},
        {"delivery.status.failed", {"could not be delivered", "nicht zustellbar"}},
        {"delivery.status.dropped", {"discarded (expired)", "verworfen (abgelaufen)"}},
        {"delivery.status.other", {"unknown state", "unbekannter Stand"}},
        {"details.title", {"Details of the link", "Details zum Link"}},
        {"details.visible_items", {"Visible items", "Sichtbare Einträge"}},
        {"details.items.count", {"{visible} of {total}", "{visible} von {total}"}},
        {"details.items.excluded", {"not shared", "nicht geteilt"}},
        {"panel.reset_counters", {"Reset counters", "Zähler zurücksetzen"}},
        {"panel.reset_counters.confirm",
         {"Reset this link's counters of tries and code requests? Whoever was held back, the "
          "recipient or someone guessing, can try again at once.",
          "Die Zähler dieses Links für Versuche und Code-Anforderungen zurücksetzen? Wer "
          "zurückgehalten wurde, die empfangende Person oder jemand, der rät, kann es sofort "
          "wieder versuchen."}},
        {"toast.counters_reset",
         {"The link's counters were reset.", "Die Zähler des Links wurden zurückgesetzt."}},
        {"panel.access_log", {"Access log", "Zugriffsprotokoll"}},
        {"panel.access_log.none", {"No access yet.", "Noch keine Zugriffe."}},
        {"log.col.when", {"When", "Wann"}},
        {"log.col.from", {"From", "Von wo"}},
        {"log.col.browser", {"Browser", "Browser"}},
        {"log.col.what", {"What", "Was"}},
        {"log.col.outcome", {"Outcome", "Ergebnis"}},
        // Journal entries in the case's own file (app/journal_entry_text): what was disclosed to
        // whom, written in the organisation's language.
        {"journal.created",
         {"External Sharing: link for {recipient} created, valid until {date}, protection: "
          "{protection}. Shared: {what}.",
          "Externes Teilen: Link für {recipient} erstellt, gültig bis {date}, Schutz: "
          "{protection}. Geteilt: {what}."}},
        {"journal.created.limit", {" At most {count} downloads.", " Höchstens {count} Downloads."}},
        {"journal.changed.expiry",
         {"External Sharing: the link for {recipient} is now valid until {date}.",
          "Externes Teilen: Der Link für {recipient} ist neu gültig bis {date}."}},
        {"journal.changed.limit",
         {"External Sharing: the link for {recipient} now allows at most {count} downloads.",
          "Externes Teilen: Der Link für {recipient} erlaubt neu höchstens {count} Downloads."}},
        {"journal.changed.no_limit",
         {"External Sharing: the link for {recipient} now allows any number of downloads.",
          "Externes Teilen: Der Link für {recipient} erlaubt neu beliebig viele Downloads."}},
        {"journal.changed.protection",
         {"External Sharing: the link for {recipient} is now protected by: {protection}.",
          "Externes Teilen: Der Link für {recipient} hat neu den Schutz: {protection}."}},
        {"journal.revoked",
         {"External Sharing: the link for {recipient} was revoked.",
          "Externes Teilen: Der Link für {recipient} wurde beendet."}},
        {"journal.revoked.many",
         {"External Sharing: {count} links were revoked, for {recipients}.",
          "Externes Teilen: {count} Links wurden beendet, für {recipients}."}},
        {"journal.opened",
         {"External Sharing: {recipient} opened the link for the first time.",
          "Externes Teilen: {recipient} hat den Link zum ersten Mal geöffnet."}},
        {"journal.unnamed", {"an unnamed recipient", "eine nicht genannte Person"}},
        {"journal.section.details", {"details", "Details"}},
        {"journal.section.journal", {"journal entries", "Journaleinträge"}},
        {"journal.section.attachments", {"attachments", "Anhänge"}},
        {"journal.nothing", {"nothing", "nichts"}},
        {"journal.more", {"and {count} more", "und {count} weitere"}},
        {"journal.and", {"and", "und"}},
        {"status.active", {"active", "aktiv"}},
        {"status.expired", {"expired", "abgelaufen"}},
        {"status.revoked", {"revoked", "beendet"}},
        {"status.locked", {"locked", "gesperrt"}},
        // The access log: which link a row belongs to, the owner's own visits, and words for
        // codes the log stores (never shown as they are).
        {"log.col.link", {"Link", "Link"}},
        {"log.link.unnamed", {"Link of {date}", "Link vom {date}"}},
        {"log.link.created", {"created {date}", "erstellt {date}"}},
        {"log.owner_visit",
         {"Your organisation, not the recipient",
          "Deine Organisation, nicht die empfangende Person"}},
        {"log.action.other", {"other access", "anderer Zugriff"}},
        {"log.outcome.other", {"not completed", "nicht abgeschlossen"}},
        // Which browser: names from uap-core's rules, our words around them.
        {"log.browser.on", {"{browser} on {system}", "{browser} auf {system}"}},
        {"log.browser.unknown", {"Unknown browser", "Unbekannter Browser"}},
        {"log.browser.bot", {"{browser} (bot)", "{browser} (Bot)"}},
        {"log.browser.unknown_bot", {"Unknown bot", "Unbekannter Bot"}},
    };
    return texts;
}

std::unique_ptr<icu::PluralRules> rules_for(const char* language) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(
        icu::PluralRules::forLocale(icu::Locale(language), status));
    return U_SUCCESS(status) ? std::move(rules) : nullptr;
}

}  // namespace

std::string text(Language language, std::string_view key) {
    auto it = table().find(key);
    if (it == table().end()) {
        return std::string(key);
    }
    return language == Language::De ? it->second.de : it->second.en;
}

std::string plural_category(Language language, long long count) {
    // Built once per language; ICU's PluralRules::select is const and safe to share between
    // threads once built.
    static const std::unique_ptr<icu::PluralRules> german = rules_for("de");
    static const std::unique_ptr<icu::PluralRules> english = rules_for("en");
    const auto& rules = language == Language::De ? german : english;
    if (!rules) {
        return "other";
    }
    std::string out;
    rules->select(static_cast<double>(count)).toUTF8String(out);
    return out;
}

std::string count_text(Language language, std::string_view key, long long count) {
    std::string form = std::string(key) + "." + plural_category(language, count);
    return fill(table().count(form) != 0 ? text(language, form) : text(language, key), "count",
                std::to_string(count));
}

std::string days_text(Language language, long long days) {
    return count_text(language, "count.days", days);
}

std::string hours_text(Language language, long long hours) {
    return count_text(language, "count.hours", hours);
}

}  // namespace es::ui
