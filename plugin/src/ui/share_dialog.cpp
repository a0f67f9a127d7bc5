#include "ui/share_dialog.hpp"

#include "text/time_text.hpp"
#include "ui/download_limit_field.hpp"
#include "ui/human_size.hpp"
#include "ui/protection_field.hpp"
#include "ui/selection_summary.hpp"

namespace es::ui {

namespace {

using namespace share_form;

std::string submitted_text(const Json& submitted, const char* name, const std::string& fallback) {
    if (submitted && submitted->has(name) && submitted->get(name).isString()) {
        return submitted->getValue<std::string>(name);
    }
    return fallback;
}

Json field(const char* type, const char* name, const std::string& label) {
    return element({{"type", type}, {"name", name}, {"label", label}});
}

// A checkbox of the previous submission (the host sends true/false); `fallback` on first display.
bool submitted_flag(const Json& submitted, const char* name, bool fallback) {
    if (submitted && submitted->has(name) && submitted->get(name).isBoolean()) {
        return submitted->getValue<bool>(name);
    }
    return fallback;
}

std::string default_protection(const config::PolicySettings& p) {
    if (p.require_password && p.require_code) {
        return "both";
    }
    if (p.require_password) {
        return "password";
    }
    return p.require_code ? "code" : "none";
}

// Whether an item was ticked in the previous submission; `fallback` on first display.
bool was_checked(const Json& submitted, const char* group, const std::string& id, bool fallback) {
    if (!submitted || !submitted->has(kSelection)) {
        return fallback;
    }
    auto selection = submitted->getObject(kSelection);
    auto g = selection ? selection->getObject(group) : nullptr;
    auto items = g ? g->getArray("items") : nullptr;
    if (!items) {
        return false;
    }
    for (unsigned i = 0; i < items->size(); ++i) {
        if (items->getElement<std::string>(i) == id) {
            return true;
        }
    }
    return false;
}

Json item(const std::string& id, const std::string& label, const std::string& detail,
          bool checked) {
    Json o = element({{"id", id}, {"label", label}});
    if (!detail.empty()) {
        o->set("detail", detail);
    }
    o->set("checked", checked);
    return o;
}

// A group of the item choice with its part of the folded summary ("{checked} of 4 attachments").
Json group(const char* name, const std::string& label, JsonArray items, Language lang) {
    Json g = element({{"name", name}, {"label", label}});
    g->set("included", true);
    g->set("items", items);
    if (items->size() > 0) {
        g->set("summary", group_summary_template(lang, name, items->size()));
    }
    return g;
}

std::string excerpt(const std::string& text) {
    if (text.size() <= 140) {
        return text;
    }
    size_t cut = 140;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;  // never split a UTF-8 sequence
    }
    return text.substr(0, cut) + "…";
}

Json selection_field(const ShareDialogInput& in) {
    const Language lang = in.language;
    const domain::CaseSnapshot& c = *in.snapshot;
    JsonArray details = array();
    for (const auto& f : c.fields) {
        details->add(
            item(f.id, f.label, f.value, was_checked(in.submitted, "details", f.id, true)));
    }
    JsonArray journal = array();
    for (const auto& j : c.journal) {
        // Internal entries are for the organisation's own staff: unticked until the caseworker
        // decides.
        Json e = item(
            j.id, text::host_date_text(j.date, {lang, in.policy->time_zone()}) + " — " + j.author,
            excerpt(j.text), was_checked(in.submitted, "journal", j.id, !j.internal));
        if (j.internal) {
            e->set("badge", text(lang, "journal.internal"));
        }
        journal->add(e);
    }
    JsonArray attachments = array();
    for (const auto& a : c.attachments) {
        attachments->add(item(a.id, a.name, human_size(a.size, lang),
                              was_checked(in.submitted, "attachments", a.id, true)));
    }
    JsonArray groups = array();
    groups->add(group("details", text(lang, "section.details"), details, lang));
    groups->add(group("journal", text(lang, "section.journal"), journal, lang));
    groups->add(group("attachments", text(lang, "section.attachments"), attachments, lang));
    Json f = field("items", kSelection, text(lang, "dialog.what"));
    f->set("groups", groups);
    // Most shares take what is preselected: the host shows the summary and opens the list on
    // demand (host-sdk/docs/view-model.md, "collapsed"), so the Share button stays in sight.
    f->set("collapsed", true);
    f->set("expand_label", text(lang, "dialog.items.expand"));
    return f;
}

// "Advanced options": a checkbox that shows what most shares do without (the download limit).
void add_advanced_fields(JsonArray& fields, const ShareDialogInput& in) {
    const Language lang = in.language;
    const std::string limit = submitted_text(in.submitted, kDownloadLimit, "");
    Json advanced = field("checkbox", kAdvanced, text(lang, "dialog.advanced"));
    advanced->set("checked", submitted_flag(in.submitted, kAdvanced, !limit.empty()));
    fields->add(advanced);
    fields->add(download_limit_field(lang, limit, kAdvanced));
}

}  // namespace

Json share_dialog(const ShareDialogInput& in) {
    const Language lang = in.language;
    const domain::CaseSnapshot& c = *in.snapshot;
    const config::PolicySettings& p = in.policy->settings();
    JsonArray fields = array();

    // "Share with someone new" starts without the case's correspondent.
    const domain::CaseSnapshot::Correspondent none;
    const domain::CaseSnapshot::Correspondent& known = in.new_recipient ? none : c.correspondent;
    const std::string recipient_email = submitted_text(in.submitted, kRecipientEmail, known.email);
    const std::string recipient_phone = submitted_text(in.submitted, kRecipientPhone, known.phone);
    // E-mail is the way when an address is known; the expiry date shown follows the choice.
    const bool send_email = submitted_flag(in.submitted, kSendEmail, !recipient_email.empty());
    const std::string& zone = in.policy->time_zone();
    const std::string direct_default =
        text::local_date(in.policy->default_expiry(domain::Delivery::DirectLink, in.now), zone);
    const std::string email_default =
        text::local_date(in.policy->default_expiry(domain::Delivery::EmailedLink, in.now), zone);

    // Who, how protected and until when lead (the e-mail choice right above the date it changes);
    // what is shared follows as one line, the rest below it (issue #18: the Share button in sight
    // at 1280×800).
    Json name = field("text", kRecipientName, text(lang, "dialog.recipient.name"));
    name->set("value", submitted_text(in.submitted, kRecipientName, known.name));
    fields->add(name);
    Json email = field("email", kRecipientEmail, text(lang, "dialog.recipient.email"));
    email->set("value", recipient_email);
    email->set("help", text(lang, "dialog.recipient.email.help"));
    fields->add(email);
    Json phone = field("tel", kRecipientPhone, text(lang, "dialog.recipient.phone"));
    phone->set("value", recipient_phone);
    fields->add(phone);

    ProtectionFieldInput protection;
    protection.language = lang;
    protection.policy = &p;
    protection.selected = submitted_text(in.submitted, kProtection, default_protection(p));
    protection.code_phone = recipient_phone;
    protection.code_email = recipient_email;
    protection.typed_password = submitted_text(in.submitted, kPassword, "");
    add_protection_fields(fields, protection);

    Json send = field("checkbox", kSendEmail, text(lang, "dialog.send_email"));
    send->set("checked", send_email);
    const text::TimeReader reader{lang, zone};
    send->set(
        "help",
        fill(fill(fill(text(lang, "dialog.send_email.help"), "hours",
                       hours_text(lang, p.email_link_expiry_hours)),
                  "date",
                  text::date_time_text(
                      in.policy->default_expiry(domain::Delivery::EmailedLink, in.now), reader)),
             "max", text::date_text(in.policy->latest_expiry(in.now), reader)));
    fields->add(send);

    Json expiry = field("date", kExpiresOn, text(lang, "dialog.expiry"));
    expiry->set("value", submitted_text(in.submitted, kExpiresOn,
                                        send_email ? email_default : direct_default));
    expiry->set("min", text::local_date(in.now, zone));
    expiry->set("max", text::local_date(in.policy->latest_expiry(in.now), zone));
    expiry->set("required", true);
    expiry->set("help", fill(fill(text(lang, "dialog.expiry.help"), "days",
                                  days_text(lang, p.direct_link_expiry_days)),
                             "max", days_text(lang, p.max_expiry_days)));
    // While the caseworker has not typed a date, the host shows the default of the delivery
    // chosen (host-sdk/docs/view-model.md, "value_if").
    Json value_if = object();
    value_if->set("field", kSendEmail);
    Json values = object();
    values->set("true", email_default);
    values->set("false", direct_default);
    value_if->set("values", values);
    expiry->set("value_if", value_if);
    fields->add(expiry);

    fields->add(selection_field(in));

    Json notify = field("checkbox", kNotifyOnOpen, text(lang, "dialog.notify_on_open"));
    notify->set("checked", submitted_flag(in.submitted, kNotifyOnOpen, false));
    notify->set("help", text(lang, "dialog.notify_on_open.help"));
    fields->add(notify);
    add_advanced_fields(fields, in);

    Json form = element({{"type", "form"}, {"action", "external-sharing.create"}});
    form->set("fields", fields);

    form->set("submit", element({{"label", text(lang, "dialog.submit")}, {"style", "primary"}}));
    form->set("cancel", element({{"label", text(lang, "dialog.cancel")}}));
    form->set("errors", field_errors_object(in.errors));

    JsonArray body = array();
    body->add(text_element(c.number + " — " + c.title, true));
    body->add(form);
    return dialog_element(text(lang, "dialog.title"), body, true);
}

domain::ShareRequest read_share_form(const Json& payload, const domain::CaseSnapshot& snapshot,
                                     const domain::Policy& policy, domain::Timestamp now,
                                     domain::Language locale) {
    domain::ShareRequest r;
    r.case_id = snapshot.id;
    r.locale = locale;
    r.delivery = domain::Delivery::DirectLink;
    domain::Violations problems;

    const std::string expires = submitted_text(payload, kExpiresOn, "");
    // A date means the end of that day in the organisation's time zone, the direct link's default
    // date too; the e-mailed link's default is 24 hours from now to the minute (Policy::
    // default_expiry), kept when its date is left as shown. No date at all means the default.
    // Whatever date was chosen is the expiry: sending later never changes it.
    const bool send_email = submitted_flag(payload, kSendEmail, false);
    const domain::Timestamp chosen_default = policy.default_expiry(
        send_email ? domain::Delivery::EmailedLink : domain::Delivery::DirectLink, now);
    if (expires.empty() || expires == text::local_date(chosen_default, policy.time_zone())) {
        if (send_email) {
            r.expires_at = chosen_default;  // the service's own default is the direct link's
        }
    } else {
        if (auto t = text::end_of_day(expires, policy.time_zone())) {
            r.expires_at = *t;
        } else {
            problems.push_back({kExpiresOn, "date_format", "Give a date as YYYY-MM-DD."});
        }
    }

    // No default: a request that does not say how to protect the link is not read as "none".
    if (auto mode = protection_mode(submitted_text(payload, kProtection, ""))) {
        r.protection.mode = *mode;
    } else {
        problems.push_back({kProtection, "protection_choice", "Choose a protection."});
    }
    // The password field stays in the payload when another mode is chosen (the form only hides
    // it), so it is read for the password modes only; ShareService then requires it there.
    if (domain::needs_password(r.protection.mode)) {
        r.protection.password = submitted_text(payload, kPassword, "");
    }

    auto optional_text = [&](const char* name) -> std::optional<std::string> {
        std::string v = submitted_text(payload, name, "");
        size_t b = v.find_first_not_of(" \t");
        size_t e = v.find_last_not_of(" \t");
        if (b == std::string::npos) {
            return std::nullopt;
        }
        return v.substr(b, e - b + 1);
    };
    r.recipient.name = optional_text(kRecipientName);
    r.recipient.email = optional_text(kRecipientEmail);
    r.recipient.phone = optional_text(kRecipientPhone);
    if (send_email && !r.recipient.email) {
        problems.push_back({kRecipientEmail, "email_for_sending",
                            "Enter the recipient's e-mail address to send the link by e-mail."});
    }
    r.notify_owner_on_open = submitted_flag(payload, kNotifyOnOpen, false);
    // The limit counts when the advanced options are open, or when a caller of the API sends it
    // without that switch; a limit typed and then hidden again is not wanted.
    if (submitted_flag(payload, kAdvanced, true)) {
        read_download_limit(payload, kDownloadLimit, r.download_limit, problems);
    }

    r.sections.clear();
    std::vector<domain::SelectedItem> items;
    auto selection = payload && payload->has(kSelection) ? payload->getObject(kSelection) : nullptr;
    for (domain::Section s : domain::kAllSections) {
        const std::string name(domain::to_text(s));
        auto g = selection ? selection->getObject(name) : nullptr;
        if (!g) {
            continue;
        }
        if (!g->has("included") || g->getValue<bool>("included")) {
            r.sections.insert(s);
        }
        if (auto ids = g->getArray("items")) {
            for (unsigned i = 0; i < ids->size(); ++i) {
                items.push_back({s, ids->getElement<std::string>(i), true});
            }
        }
    }
    r.items = items;
    if (!problems.empty()) {
        throw domain::ValidationFailed(problems);
    }
    return r;
}

bool send_email_chosen(const Json& payload) {
    return submitted_flag(payload, kSendEmail, false);
}

std::map<std::string, std::string> field_errors(const domain::ValidationFailed& failure,
                                                Language language) {
    // The rules the dialog can meet have a German wording here; others fall back to the domain's
    // English sentence.
    static const std::map<std::string, std::string> german = {
        {"email_format", "Keine gültige E-Mail-Adresse."},
        {"name_format",
         "Höchstens 200 Zeichen Text, ohne Zeilenumbrüche und ohne unsichtbare Zeichen."},
        {"phone_format", "Keine gültige Telefonnummer (z. B. +41 79 123 45 67)."},
        {"expiry_in_past", "Das Ablaufdatum liegt in der Vergangenheit."},
        {"max_expiry", "Das Ablaufdatum liegt nach der erlaubten Höchstdauer."},
        {"password_min_length", "Das Passwort ist zu kurz."},
        {"password_max_length", "Das Passwort ist zu lang."},
        {"password_required", "Für diesen Falltyp ist ein Passwort vorgeschrieben."},
        {"code_required", "Für diesen Falltyp ist ein Sicherheitscode vorgeschrieben."},
        {"code_contact_required",
         "Für den Sicherheitscode braucht es eine Telefonnummer oder eine E-Mail-Adresse."},
        {"password_missing", "Bitte ein Passwort wählen."},
        {"password_unused", "Nur ein Schutz mit Passwort nimmt ein Passwort an."},
        {"password_encoding", "Das Passwort darf keine Steuerzeichen enthalten."},
        {"protection_choice", "Bitte einen Schutz wählen."},
        {"download_limit_range", "Bitte eine ganze Zahl von 1 bis 1000 angeben."},
        {"download_limit_format", "Bitte eine ganze Zahl von 1 bis 1000 angeben."},
        {"download_limit_below_used",
         "Die Grenze liegt unter der Zahl der bereits erfolgten Downloads."},
        {"date_format", "Bitte ein Datum im Format JJJJ-MM-TT angeben."},
        {"email_for_sending",
         "Für den Versand per E-Mail braucht es die E-Mail-Adresse der Person."},
        {"required", "Bitte ausfüllen."},

        {"unknown_item", "Ein gewählter Eintrag existiert nicht mehr."},
    };
    std::map<std::string, std::string> out;
    for (const auto& v : failure.violations()) {
        std::string field = "_form";
        if (v.field == "recipient.email" || v.field == kRecipientEmail) {
            field = kRecipientEmail;
        } else if (v.field == "recipient.phone" || v.field == kRecipientPhone) {
            field = kRecipientPhone;
        } else if (v.field == "recipient.name" || v.field == kRecipientName) {
            field = kRecipientName;
        } else if (v.field == "expires_at" || v.field == kExpiresOn) {
            field = kExpiresOn;
        } else if (v.field == "password") {
            field = kPassword;
        } else if (v.field == "protection") {
            field = kProtection;
        } else if (v.field == "download_limit" || v.field == kDownloadLimit) {
            field = kDownloadLimit;
        } else if (v.field.rfind("items", 0) == 0 || v.field == "sections") {
            field = kSelection;
        }
        std::string message = v.message;
        if (language == Language::De) {
            auto it = german.find(v.rule);
            if (field == kSelection && v.rule == "required") {
                message = "Bitte mindestens einen Teil des Falls teilen.";
            } else if (it != german.end()) {
                message = it->second;
            }
        }
        auto& slot = out[field];
        slot += (slot.empty() ? "" : " ") + message;
    }
    return out;
}

}  // namespace es::ui
