#include "portal/pages/texts.hpp"

#include <string>

#include "text/byte_size.hpp"

namespace es::portal::pages {
namespace {

const Texts kGerman{
    "de",
    "Geteilte Falldaten",
    "Geteilt von",
    "Verfügbar bis",
    "So sieht die empfangende Person diese Seite. Zugriffe werden nicht protokolliert.",
    "Passwort erforderlich",
    "Passwort",
    "Weiter",
    "Das Passwort ist falsch.",
    "Sicherheitscode",
    "Wir senden einen einmaligen Sicherheitscode an",
    "Code senden",
    "Ein Code wurde gesendet an",
    "Sicherheitscode",
    "Bestätigen",
    "Der Code ist falsch.",
    "Der Code ist abgelaufen oder aufgebraucht. Bitte fordern Sie einen neuen an.",
    "Details",
    "Journal",
    "Anhänge",
    "Es wurden keine Inhalte geteilt.",
    "Herunterladen",
    "Alles als ZIP herunterladen",
    "Ausblenden",
    "Zu viele Versuche. Bitte warten Sie",
    "Minuten",
    "Die maximale Anzahl Downloads ist erreicht.",
    "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
    "Der Dienst ist ausgelastet. Bitte versuchen Sie es in einem Moment noch einmal.",
    "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.",
    "English",
    "en",
    "Fall",
    "Datum",
    "Verfasst von",
    "Datei",
    "Grösse",
    "Für diesen Link können im Moment keine weiteren Sicherheitscodes gesendet werden. Bitte "
    "versuchen Sie es in",
    "Minuten noch einmal oder wenden Sie sich an die Person, die Ihnen den Link geschickt hat.",
    "Sie haben diesen Link in einem Browser Ihrer Organisation geöffnet: Das Zugriffsprotokoll "
    "zeigt diesen Besuch als Ihre eigene Vorschau, nicht als Zugriff der empfangenden Person.",
    "Diese Datei lässt sich gerade nicht öffnen. Bitte versuchen Sie es später noch einmal; alles "
    "andere, was mit Ihnen geteilt wurde, steht weiter zur Verfügung.",
    "Vorschau des Links für",
    "(ohne Angaben zur empfangenden Person)",
    "Es wurde nichts geändert: Dieses Formular gehört nicht zur Vorschau dieses Links, oder es ist "
    "abgelaufen.",
    "Zurück zur Vorschau des Links für",
    "Dieser Link wurde widerrufen: Die empfangende Person kann ihn nicht mehr öffnen, und in "
    "dieser "
    "Vorschau lässt sich nichts mehr ändern.",
    "Dieser Link ist abgelaufen: Die empfangende Person kann ihn nicht mehr öffnen, und in dieser "
    "Vorschau lässt sich nichts mehr ändern.",
    "Ansehen",
    "Druckansicht",
    "Drucken Sie diese Seite mit dem Druckbefehl Ihres Browsers (Strg+P, auf dem Mac ⌘P). "
    "Schaltflächen und dieser Hinweis werden nicht gedruckt.",
    "Zurück zur Freigabe",
};

const Texts kEnglish{
    "en",
    "Shared case information",
    "Shared by",
    "Available until",
    "This is what the recipient sees. Nothing here is logged as access.",
    "Password required",
    "Password",
    "Continue",
    "The password is wrong.",
    "Security code",
    "We send a one-time security code to",
    "Send code",
    "A code was sent to",
    "Security code",
    "Confirm",
    "The code is wrong.",
    "The code has expired or was used up. Please request a new one.",
    "Details",
    "Journal",
    "Attachments",
    "Nothing has been shared.",
    "Download",
    "Download everything as ZIP",
    "Hide",
    "Too many attempts. Please wait",
    "minutes",
    "The maximum number of downloads has been reached.",
    "The form has expired. Please reload the page and try again.",
    "The service is busy. Please try again in a moment.",
    "Something went wrong. Please try again later.",
    "Deutsch",
    "de",
    "Case",
    "Date",
    "Written by",
    "File",
    "Size",
    "No more security codes can be sent for this link at the moment. Please try again in",
    "minutes or contact the person who sent you the link.",
    "You opened this link in a browser of your organisation: the access log shows this visit as "
    "your own preview, not as the recipient's access.",
    "This file cannot be opened right now. Please try again later; everything else shared with "
    "you is still available.",
    "Preview of the link for",
    "(no recipient details)",
    "Nothing was changed: this form does not belong to the preview of this link, or it has "
    "expired.",
    "Back to the preview of the link for",
    "This link has been revoked: the recipient can no longer open it, and nothing can be changed "
    "in this preview any more.",
    "This link has expired: the recipient can no longer open it, and nothing can be changed in "
    "this preview any more.",
    "View",
    "Print view",
    "Print this page with your browser's print command (Ctrl+P, on a Mac ⌘P). Buttons and this "
    "note are not printed.",
    "Back to the shared information",
};

}  // namespace

const Texts& texts(domain::Language language) {
    return language == domain::Language::De ? kGerman : kEnglish;
}

std::string human_size(unsigned long long bytes, domain::Language language) {
    return text::byte_size(bytes, language == domain::Language::De ? text::NumberFormat::German
                                                                   : text::NumberFormat::English);
}

}  // namespace es::portal::pages
