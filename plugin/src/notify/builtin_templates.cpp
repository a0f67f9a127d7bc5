#include "notify/builtin_templates.hpp"

namespace es::notify {

namespace {

// HTML parts share one frame; the values are HTML-escaped by the composer, the frame is not.
#define ES_HTML_HEAD                                                 \
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n" \
    "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#222;\">\n"
#define ES_HTML_TAIL "</body></html>\n"

}  // namespace

const std::vector<BuiltinTemplate>& builtin_templates() {
    static const std::vector<BuiltinTemplate> templates = {
        // ---- the link e-mail to the recipient -------------------------------------------------
        {"share_link.de.txt",
         "Subject: {{sender_name}} ({{organisation}}) hat Unterlagen mit Ihnen geteilt\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "{{sender_name}} von {{organisation}} hat Unterlagen mit Ihnen geteilt.\n"
         "Sie können sie über diesen Link ansehen:\n"
         "\n"
         "{{link}}\n"
         "\n"
         "Der Link ist gültig bis {{expires}}.\n"
         "{{protection_note}}\n"
         "\n"
         "Falls Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.\n"
         "\n"
         "Freundliche Grüsse\n"
         "{{organisation}}\n"},
        {"share_link.de.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>{{sender_name}} von {{organisation}} hat Unterlagen mit Ihnen geteilt.</p>\n"
         "<p><a href=\"{{link}}\">Unterlagen ansehen</a></p>\n"
         "<p style=\"font-size:13px;color:#555;\">{{link}}</p>\n"
         "<p>Der Link ist gültig bis {{expires}}.<br>{{protection_note}}</p>\n"
         "<p>Falls Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.</p>\n"
         "<p>Freundliche Grüsse<br>{{organisation}}</p>\n" ES_HTML_TAIL},
        {"share_link.en.txt",
         "Subject: {{sender_name}} ({{organisation}}) shared documents with you\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "{{sender_name}} of {{organisation}} shared documents with you.\n"
         "You can see them through this link:\n"
         "\n"
         "{{link}}\n"
         "\n"
         "The link is valid until {{expires}}.\n"
         "{{protection_note}}\n"
         "\n"
         "If you did not expect this message, you can ignore it.\n"
         "\n"
         "Kind regards\n"
         "{{organisation}}\n"},
        {"share_link.en.html",
         ES_HTML_HEAD "<p>{{greeting}}</p>\n"
                      "<p>{{sender_name}} of {{organisation}} shared documents with you.</p>\n"
                      "<p><a href=\"{{link}}\">View the documents</a></p>\n"
                      "<p style=\"font-size:13px;color:#555;\">{{link}}</p>\n"
                      "<p>The link is valid until {{expires}}.<br>{{protection_note}}</p>\n"
                      "<p>If you did not expect this message, you can ignore it.</p>\n"
                      "<p>Kind regards<br>{{organisation}}</p>\n" ES_HTML_TAIL},

        // ---- the one-time code ----------------------------------------------------------------
        {"one_time_code.de.sms.txt", "Ihr Code: {{code}}. Gültig {{valid_minutes}} Minuten."},
        {"one_time_code.en.sms.txt", "Your code: {{code}}. Valid {{valid_minutes}} minutes."},
        {"one_time_code.de.txt",
         "Subject: Ihr Sicherheitscode für {{organisation}}\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "Ihr Sicherheitscode lautet: {{code}}\n"
         "\n"
         "Er ist {{valid_minutes}} Minuten gültig und kann einmal verwendet werden.\n"
         "Geben Sie ihn niemandem weiter.\n"
         "\n"
         "{{organisation}}\n"},
        {"one_time_code.de.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>Ihr Sicherheitscode lautet:</p>\n"
         "<p style=\"font-size:24px;letter-spacing:4px;\"><strong>{{code}}</strong></p>\n"
         "<p>Er ist {{valid_minutes}} Minuten gültig und kann einmal verwendet werden. "
         "Geben Sie ihn niemandem weiter.</p>\n"
         "<p>{{organisation}}</p>\n" ES_HTML_TAIL},
        {"one_time_code.en.txt",
         "Subject: Your security code for {{organisation}}\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "Your security code is: {{code}}\n"
         "\n"
         "It is valid for {{valid_minutes}} minutes and can be used once.\n"
         "Do not share it with anyone.\n"
         "\n"
         "{{organisation}}\n"},
        {"one_time_code.en.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>Your security code is:</p>\n"
         "<p style=\"font-size:24px;letter-spacing:4px;\"><strong>{{code}}</strong></p>\n"
         "<p>It is valid for {{valid_minutes}} minutes and can be used once. "
         "Do not share it with anyone.</p>\n"
         "<p>{{organisation}}</p>\n" ES_HTML_TAIL},

        // ---- owner: first opened --------------------------------------------------------------
        {"owner_opened.de.txt",
         "Subject: Ihr Link für {{recipient_name}} wurde geöffnet ({{case_reference}})\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "Am {{at}} hat {{recipient_name}} zum ersten Mal {{access}}.\n"
         "Fall: {{case_reference}}\n"
         "\n"
         "Alle Zugriffe sehen Sie im Fall unter \"Externes Teilen\".\n"},
        {"owner_opened.de.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>Am {{at}} hat {{recipient_name}} zum ersten Mal {{access}}.<br>"
         "Fall: {{case_reference}}</p>\n"
         "<p>Alle Zugriffe sehen Sie im Fall unter «Externes Teilen».</p>\n" ES_HTML_TAIL},
        {"owner_opened.en.txt",
         "Subject: Your link for {{recipient_name}} was opened ({{case_reference}})\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "On {{at}}, {{recipient_name}} {{access}} for the first time.\n"
         "Case: {{case_reference}}\n"
         "\n"
         "Every access is listed in the case's \"External Sharing\" tab.\n"},
        {"owner_opened.en.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>On {{at}}, {{recipient_name}} {{access}} for the first time.<br>"
         "Case: {{case_reference}}</p>\n"
         "<p>Every access is listed in the case's “External Sharing” tab.</p>\n" ES_HTML_TAIL},

        // ---- owner: failed tries or throttling ------------------------------------------------
        {"owner_failed_attempts.de.txt",
         "Subject: Fehlgeschlagene Zugriffsversuche auf Ihren Link ({{case_reference}})\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "Auf den Link für {{recipient_name}} gab es bis {{at}} {{attempts}} "
         "fehlgeschlagene Versuche.\n"
         "{{reason}}\n"
         "Fall: {{case_reference}}\n"
         "\n"
         "Wenn das nicht die empfangende Person war, widerrufen Sie den Link im Fall unter\n"
         "\"Externes Teilen\".\n"},
        {"owner_failed_attempts.de.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>Auf den Link für {{recipient_name}} gab es bis {{at}} {{attempts}} "
         "fehlgeschlagene Versuche.<br>{{reason}}<br>Fall: {{case_reference}}</p>\n"
         "<p>Wenn das nicht die empfangende Person war, widerrufen Sie den Link im Fall unter "
         "«Externes Teilen».</p>\n" ES_HTML_TAIL},
        {"owner_failed_attempts.en.txt",
         "Subject: Failed attempts on your link ({{case_reference}})\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "The link for {{recipient_name}} saw {{attempts}} failed attempts up to {{at}}.\n"
         "{{reason}}\n"
         "Case: {{case_reference}}\n"
         "\n"
         "If that was not the recipient, revoke the link in the case's \"External Sharing\" "
         "tab.\n"},
        {"owner_failed_attempts.en.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>The link for {{recipient_name}} saw {{attempts}} failed attempts up to {{at}}.<br>"
         "{{reason}}<br>Case: {{case_reference}}</p>\n"
         "<p>If that was not the recipient, revoke the link in the case's “External Sharing” "
         "tab.</p>\n" ES_HTML_TAIL},

        // ---- owner: a message to the recipient could not be delivered -------------------------
        {"owner_delivery_failed.de.txt",
         "Subject: Zustellung fehlgeschlagen: {{failed_message}} an {{address}}\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "{{failed_message}} an {{recipient_name}} ({{address}}) konnte nicht zugestellt werden.\n"
         "Grund: {{error}}\n"
         "Fall: {{case_reference}}\n"
         "\n"
         "Prüfen Sie die Adresse oder geben Sie den Link auf anderem Weg weiter.\n"},
        {"owner_delivery_failed.de.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>{{failed_message}} an {{recipient_name}} ({{address}}) konnte nicht zugestellt "
         "werden.<br>Grund: {{error}}<br>Fall: {{case_reference}}</p>\n"
         "<p>Prüfen Sie die Adresse oder geben Sie den Link auf anderem Weg "
         "weiter.</p>\n" ES_HTML_TAIL},
        {"owner_delivery_failed.en.txt",
         "Subject: Delivery failed: {{failed_message}} to {{address}}\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "{{failed_message}} to {{recipient_name}} ({{address}}) could not be delivered.\n"
         "Reason: {{error}}\n"
         "Case: {{case_reference}}\n"
         "\n"
         "Check the address, or pass the link on another way.\n"},
        {"owner_delivery_failed.en.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>{{failed_message}} to {{recipient_name}} ({{address}}) could not be delivered.<br>"
         "Reason: {{error}}<br>Case: {{case_reference}}</p>\n"
         "<p>Check the address, or pass the link on another way.</p>\n" ES_HTML_TAIL},

        // ---- owner: expiry reminder -----------------------------------------------------------
        // No deep link: the host ABI offers none to a case, so the mail names the way there. The
        // expiry date, not "in N days", so the text is right for one day and for many.
        {"expiry_reminder.de.txt",
         "Subject: Ihr Link für {{recipient_name}} läuft am {{expires}} ab\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "Der Link für {{recipient_name}} läuft am {{expires}} ab.\n"
         "Fall: {{case_reference}}\n"
         "\n"
         "Soll er länger gültig bleiben: Öffnen Sie den Fall, wählen Sie im Reiter \"Externes "
         "Teilen\" beim Link \"Verlängern\" und setzen Sie ein neues Datum. Der Link bleibt "
         "derselbe; "
         "{{recipient_name}} muss nichts tun.\n"
         "\n"
         "Sonst ist nichts zu tun: Nach Ablauf funktioniert der Link nicht mehr.\n"},
        {"expiry_reminder.de.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>Der Link für {{recipient_name}} läuft am {{expires}} ab.<br>"
         "Fall: {{case_reference}}</p>\n"
         "<p>Soll er länger gültig bleiben: Öffnen Sie den Fall, wählen Sie im Reiter «Externes "
         "Teilen» beim Link «Verlängern» und setzen Sie ein neues Datum. Der Link bleibt derselbe; "
         "{{recipient_name}} muss nichts tun.</p>\n"
         "<p>Sonst ist nichts zu tun: Nach Ablauf funktioniert der Link nicht "
         "mehr.</p>\n" ES_HTML_TAIL},
        {"expiry_reminder.en.txt",
         "Subject: Your link for {{recipient_name}} expires on {{expires}}\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "The link for {{recipient_name}} expires on {{expires}}.\n"
         "Case: {{case_reference}}\n"
         "\n"
         "To keep it working longer, open the case, choose \"Extend\" next to the link in its "
         "\"External Sharing\" tab and set a new date. The link stays the same; "
         "{{recipient_name}} need not do anything.\n"
         "\n"
         "Otherwise there is nothing to do: the link stops working when it expires.\n"},
        {"expiry_reminder.en.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>The link for {{recipient_name}} expires on {{expires}}.<br>"
         "Case: {{case_reference}}</p>\n"
         "<p>To keep it working longer, open the case, choose “Extend” next to the link in its "
         "“External Sharing” tab and set a new date. The link stays the same; "
         "{{recipient_name}} need not do anything.</p>\n"
         "<p>Otherwise there is nothing to do: the link stops working when it "
         "expires.</p>\n" ES_HTML_TAIL},

        // ---- owner: the link's security codes for this hour are used up -----------------------
        // Sent when the share-wide cap (an SMS cost bound) refuses a code: until the hour is over
        // the recipient cannot get one either, unless the owner resets the link's counters.
        {"owner_code_limit.de.txt",
         "Subject: Keine Sicherheitscodes mehr für Ihren Link in dieser Stunde "
         "({{case_reference}})\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "Für den Link für {{recipient_name}} wurden bis {{at}} {{attempts}} Sicherheitscodes "
         "angefordert, so viele wie in einer Stunde erlaubt sind. Bis die Stunde um ist, "
         "erhält niemand einen neuen Code, auch {{recipient_name}} nicht.\n"
         "Fall: {{case_reference}}\n"
         "\n"
         "Wartet {{recipient_name}} auf einen Code: Öffnen Sie den Fall und wählen Sie im Reiter "
         "\"Externes Teilen\" beim Link \"Zähler zurücksetzen\". Hat niemand Codes angefordert, "
         "widerrufen Sie den Link dort.\n"},
        {"owner_code_limit.de.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>Für den Link für {{recipient_name}} wurden bis {{at}} {{attempts}} Sicherheitscodes "
         "angefordert, so viele wie in einer Stunde erlaubt sind. Bis die Stunde um ist, "
         "erhält niemand einen neuen Code, auch {{recipient_name}} nicht.<br>"
         "Fall: {{case_reference}}</p>\n"
         "<p>Wartet {{recipient_name}} auf einen Code: Öffnen Sie den Fall und wählen Sie im "
         "Reiter "
         "«Externes Teilen» beim Link «Zähler zurücksetzen». Hat niemand Codes angefordert, "
         "widerrufen Sie den Link dort.</p>\n" ES_HTML_TAIL},
        {"owner_code_limit.en.txt",
         "Subject: No more security codes for your link this hour ({{case_reference}})\n"
         "\n"
         "{{greeting}}\n"
         "\n"
         "Up to {{at}}, {{attempts}} security codes were requested for the link for "
         "{{recipient_name}}: as many as one hour allows. Until the hour is over nobody gets a "
         "new code, {{recipient_name}} neither.\n"
         "Case: {{case_reference}}\n"
         "\n"
         "If {{recipient_name}} is waiting for a code, open the case and choose \"Reset counters\" "
         "next to the link in its \"External Sharing\" tab. If nobody should be asking for codes, "
         "revoke the link there.\n"},
        {"owner_code_limit.en.html", ES_HTML_HEAD
         "<p>{{greeting}}</p>\n"
         "<p>Up to {{at}}, {{attempts}} security codes were requested for the link for "
         "{{recipient_name}}: as many as one hour allows. Until the hour is over nobody gets a "
         "new code, {{recipient_name}} neither.<br>Case: {{case_reference}}</p>\n"
         "<p>If {{recipient_name}} is waiting for a code, open the case and choose “Reset "
         "counters” next to the link in its “External Sharing” tab. If nobody should be asking "
         "for codes, revoke the link there.</p>\n" ES_HTML_TAIL},
    };
    return templates;
}

}  // namespace es::notify
