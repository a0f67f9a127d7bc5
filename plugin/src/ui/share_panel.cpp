#include "ui/share_panel.hpp"

#include "text/time_text.hpp"
#include "text/unicode_text.hpp"
#include "ui/browser_cell.hpp"
#include "ui/download_limit_field.hpp"
#include "ui/human_size.hpp"
#include "ui/share_edit_form.hpp"

namespace es::ui {

namespace {

Json share_payload(const std::string& share_id) {
    Json p = object();
    p->set("share_id", share_id);
    return p;
}

Json cell_text(const std::string& text) {
    return element({{"text", text}});
}

std::string when(domain::Timestamp at, const SharePanelInput& in) {
    return text::date_time_text(at, {in.language, in.time_zone});
}

// "26.12.2026, 23:59 (in 3 days)": when a link ends or was last opened is read as a distance.
std::string when_and_distance(domain::Timestamp at, const SharePanelInput& in) {
    return when(at, in) + " (" + text::relative_text(at, in.now, in.language) + ")";
}

Json status_cell(Language lang, domain::ShareStatus status, bool exhausted) {
    if (status == domain::ShareStatus::Active && exhausted) {
        return element({{"badge", text(lang, "status.locked")}, {"tone", "warning"}});
    }
    switch (status) {
        case domain::ShareStatus::Active:
            return element({{"badge", text(lang, "status.active")}, {"tone", "success"}});
        case domain::ShareStatus::Expired:
            return element({{"badge", text(lang, "status.expired")}, {"tone", "neutral"}});
        case domain::ShareStatus::Revoked:
            break;
    }
    return element({{"badge", text(lang, "status.revoked")}, {"tone", "danger"}});
}

std::string protection_text(Language lang, domain::Protection p) {
    switch (p) {
        case domain::Protection::None:
            return text(lang, "protection.none");
        case domain::Protection::Password:
            return text(lang, "protection.password");
        case domain::Protection::Code:
            return text(lang, "protection.code");
        case domain::Protection::PasswordAndCode:
            break;
    }
    return text(lang, "protection.both");
}

// "Link by e-mail: sent; Code by SMS: failed — <the server's words>". The kind and channel are
// the outbox's internal names; a kind this build does not know (a newer instance wrote it) is
// named as a message, never shown raw.
std::string message_text(Language lang, const std::vector<domain::OutboxMessage>& messages) {
    std::string out;
    for (const auto& m : messages) {
        const std::string kind_key = "delivery.kind." + m.kind + "." + m.channel;
        std::string kind = text(lang, kind_key);
        if (kind == kind_key) {
            kind = text(
                lang, m.channel == "sms" ? "delivery.kind.other.sms" : "delivery.kind.other.email");
        }
        const std::string status_key = "delivery.status." + std::string(domain::to_text(m.status));
        std::string status = text(lang, status_key);
        if (status == status_key) {
            status = text(lang, "delivery.status.other");
        }
        std::string line = kind + ": " + status;
        if (m.status == domain::OutboxMessage::Status::Failed && !m.last_error.empty()) {
            line += " — " + m.last_error;  // the server's own words, for whoever fixes it
        }
        out += (out.empty() ? "" : "; ") + line;
    }
    return out;
}

// "2 of 5" with a limit, else "2".
std::string downloads_text(Language lang, const domain::Share& s) {
    if (!s.download_limit) {
        return std::to_string(s.downloads_used);
    }
    return fill(
        fill(text(lang, "panel.downloads.limited"), "used", std::to_string(s.downloads_used)),
        "limit", std::to_string(*s.download_limit));
}

Json row_of(const SharePanelInput& in, const SharePanelRow& r, const std::string& label) {
    const Language lang = in.language;
    const domain::Share& s = r.overview.share;
    const bool active = r.overview.status == domain::ShareStatus::Active;
    Json cells = object();
    std::string recipient = s.recipient.name.value_or("");
    if (s.recipient.phone) {
        recipient += (recipient.empty() ? "" : ", ") + *s.recipient.phone;
    }
    cells->set("recipient", cell_text(recipient.empty() ? "—" : recipient));
    // Only a link that was e-mailed names an address here ("an welche Email er verschickt wurde");
    // a direct link was never sent, whatever address the recipient has.
    cells->set("emailed_to", cell_text(s.delivery == domain::Delivery::EmailedLink
                                           ? s.recipient.email.value_or("—")
                                           : "—"));
    cells->set("created", cell_text(r.creator_name + ", " + when(s.created_at, in)));
    cells->set("expires", cell_text(when_and_distance(s.expires_at, in)));
    cells->set("protection", cell_text(protection_text(lang, s.protection)));
    cells->set("status", status_cell(lang, r.overview.status, s.downloads_exhausted()));
    cells->set("downloads", cell_text(downloads_text(lang, s)));
    if (r.private_url && active) {
        Json link = object();
        link->set("url", *r.private_url);
        link->set("copy", true);
        link->set("label", text(lang, "panel.col.private_url"));
        Json cell = object();
        cell->set("link", link);
        cells->set("private_url", cell);
    } else {
        cells->set("private_url", element({{"text", "—"}}));
    }
    cells->set(
        "last_access",
        cell_text(r.overview.last_access ? when_and_distance(*r.overview.last_access, in) : "—"));
    cells->set("delivery", cell_text(message_text(lang, r.messages)));

    JsonArray actions = array();
    // Every link, also an ended one, opens its details: the row cuts long texts with "…".
    Json details = button(text(lang, "panel.details"), "external-sharing.details",
                          share_payload(s.id), "info");
    if (active) {
        Json preview = button(text(lang, "common.preview"), "external-sharing.preview",
                              share_payload(s.id), "eye");
        actions->add(preview);
        actions->add(details);
        if (domain::needs_password(s.protection)) {
            actions->add(button(text(lang, "panel.show_password"),
                                "external-sharing.reveal-password", share_payload(s.id), "key"));
        }
        actions->add(button(text(lang, "panel.change_protection"),
                            "external-sharing.edit-protection", share_payload(s.id), "lock"));
        actions->add(button(text(lang, "panel.extend"), "external-sharing.edit-expiry",
                            share_payload(s.id), "calendar"));
        actions->add(button(text(lang, "panel.edit_items"), "external-sharing.edit-items",
                            share_payload(s.id), "eye-off"));
        if (s.protection != domain::Protection::None) {
            // Lets the recipient try again at once after others' guesses or code requests held
            // the link back (the owner is e-mailed when its codes for the hour are used up).
            Json reset = button(text(lang, "panel.reset_counters"),
                                "external-sharing.reset-counters", share_payload(s.id), "refresh");
            reset->set("confirm", text(lang, "panel.reset_counters.confirm"));
            actions->add(reset);
        }
        Json revoke = button(text(lang, "panel.revoke"), "external-sharing.revoke",
                             share_payload(s.id), "trash", "danger");
        revoke->set("confirm", text(lang, "panel.revoke.confirm"));
        revoke->set("icon_only", true);
        actions->add(revoke);
    } else {
        actions->add(details);
    }
    Json row = object();
    row->set("id", s.id);
    row->set("cells", cells);
    row->set("actions", actions);
    // One line per link: the first action as a button, the rest behind "⋯". An ended link's one
    // action (Details) stays a button; its `menu` still asks the host for one-line rows, which cut
    // long texts with "…" (read whole in Details).
    Json menu = element({{"label", fill(text(lang, "panel.more_actions"), "link", label)}});
    menu->set("after", 1);
    row->set("menu", menu);
    return row;
}

Json column(const std::string& id, const std::string& label) {
    return element({{"id", id}, {"label", label}});
}

std::string action_text(Language lang, const std::string& action) {
    // The portal logs visits from a browser of the owner's organisation as "owner_<action>".
    if (action.rfind("owner_", 0) == 0) {
        return text(lang, "log.owner_visit") + ": " + action_text(lang, action.substr(6));
    }
    static const std::map<std::string, std::pair<const char*, const char*>> names = {
        {"view", {"viewed", "angesehen"}},
        {"download", {"downloaded", "heruntergeladen"}},
        {"download_all", {"downloaded all (zip)", "alles heruntergeladen (ZIP)"}},
        {"print", {"opened the print view", "Druckansicht geöffnet"}},
        {"password", {"password entered", "Passwort eingegeben"}},
        {"code_send", {"code requested", "Code angefordert"}},
        {"code_verify", {"code entered", "Code eingegeben"}},
        {"open", {"opened the link", "Link geöffnet"}},
    };
    auto it = names.find(action);
    if (it == names.end()) {
        return text(lang, "log.action.other");  // never the stored code itself
    }
    return lang == Language::De ? it->second.second : it->second.first;
}

// The stored outcome codes (portal/access_recorder.hpp) as the owner reads them.
std::string outcome_text(Language lang, const std::string& outcome) {
    static const std::map<std::string, std::pair<const char*, const char*>> names = {
        {"ok", {"OK", "OK"}},
        {"partial", {"part of the file", "Teil der Datei"}},
        {"wrong_password", {"wrong password", "falsches Passwort"}},
        {"wrong_code", {"wrong code", "falscher Code"}},
        {"code_expired", {"code expired", "Code abgelaufen"}},
        {"throttled",
         {"held back after too many tries", "zurückgehalten nach zu vielen Versuchen"}},
        {"limit_reached", {"download limit reached", "Download-Grenze erreicht"}},
        {"denied", {"refused", "abgelehnt"}},
        {"aborted", {"broken off", "abgebrochen"}},
        {"busy", {"server busy, not checked", "Server ausgelastet, nicht geprüft"}},
    };
    auto it = names.find(outcome);
    if (it == names.end()) {
        return text(lang, "log.outcome.other");
    }
    return lang == Language::De ? it->second.second : it->second.first;
}

// Which link a log row belongs to: its recipient's name (else e-mail address, else phone number,
// else "Link of <date>"); with the creation time when two links of the case would read the same.
std::map<std::string, std::string> link_labels(const SharePanelInput& in) {
    const Language lang = in.language;
    const std::vector<SharePanelRow>& rows = in.rows;
    std::map<std::string, std::string> labels;
    std::map<std::string, int> uses;
    for (const auto& r : rows) {
        const domain::Share& s = r.overview.share;
        std::string label = s.recipient.name.value_or("");
        if (label.empty()) {
            label = s.recipient.email.value_or(s.recipient.phone.value_or(""));
        }
        if (label.empty()) {
            label = fill(text(lang, "log.link.unnamed"), "date", when(s.created_at, in));
        }
        labels[s.id] = label;
        ++uses[label];
    }
    for (const auto& r : rows) {
        const domain::Share& s = r.overview.share;
        if (uses[labels[s.id]] > 1) {
            labels[s.id] +=
                " (" + fill(text(lang, "log.link.created"), "date", when(s.created_at, in)) + ")";
        }
    }
    return labels;
}

Json access_log_table(const SharePanelInput& in) {
    const Language lang = in.language;
    JsonArray columns = array();
    columns->add(column("when", text(lang, "log.col.when")));
    columns->add(column("link", text(lang, "log.col.link")));
    columns->add(column("from", text(lang, "log.col.from")));
    columns->add(column("browser", text(lang, "log.col.browser")));
    columns->add(column("what", text(lang, "log.col.what")));
    columns->add(column("outcome", text(lang, "log.col.outcome")));
    const auto labels = link_labels(in);
    JsonArray rows = array();
    for (const auto& e : in.access_log) {
        Json cells = object();
        cells->set("when", cell_text(when_and_distance(e.at, in)));
        const auto label = labels.find(e.share_id);
        cells->set("link", cell_text(label == labels.end() ? "—" : label->second));
        cells->set("from", cell_text(e.client_ip));
        cells->set("browser", browser_cell(lang, e.user_agent, in.user_agents));
        std::string what = action_text(lang, e.action);
        if (!e.item_id.empty() && in.snapshot != nullptr) {
            // Shown as the recipient's page shows it (text::without_hidden_marks).
            what += ": " + text::without_hidden_marks(
                               in.snapshot->item_label(e.item_id, [&](const std::string& date) {
                                   return text::host_date_text(date, {in.language, in.time_zone});
                               }));
        }
        Json what_cell = cell_text(what);
        if (e.action.rfind("owner_", 0) == 0) {
            what_cell->set("muted", true);
        }
        cells->set("what", what_cell);
        const bool ok = e.outcome == "ok";
        cells->set("outcome", element({{"badge", outcome_text(lang, e.outcome)},
                                       {"tone", ok ? "success" : "warning"}}));

        Json row = object();
        row->set("id", std::to_string(e.id));
        row->set("cells", cells);
        rows->add(row);
    }
    Json table = element({{"type", "table"}, {"empty", text(lang, "panel.access_log.none")}});
    table->set("columns", columns);
    table->set("rows", rows);
    return table;
}

}  // namespace

Json share_panel(const SharePanelInput& in) {
    const Language lang = in.language;
    JsonArray body = array();
    if (in.notice) {
        body->add(notice("info", *in.notice));
    }
    JsonArray toolbar = array();
    if (in.can_share) {
        // Someone new: the dialog starts without the case's correspondent.
        Json new_recipient = object();
        new_recipient->set("new_recipient", true);
        // The "plus" icon is the source's "+ Symbol"; a "+ " in the label would show it twice.
        toolbar->add(button(text(lang, "panel.new"), "external-sharing.share", new_recipient,
                            "plus", "primary"));
    }
    bool any_active = false;
    for (const auto& r : in.rows) {
        any_active = any_active || r.overview.status == domain::ShareStatus::Active;
    }
    if (any_active) {
        Json all = button(text(lang, "panel.revoke_all"), "external-sharing.revoke-case", nullptr,
                          "trash", "danger");
        all->set("confirm", text(lang, "panel.revoke_all.confirm"));
        toolbar->add(all);
    }
    if (toolbar->size() > 0) {
        Json buttons = element({{"type", "buttons"}});
        buttons->set("items", toolbar);
        body->add(buttons);
    }

    JsonArray columns = array();
    for (const char* id : {"recipient", "emailed_to", "created", "expires", "protection", "status",
                           "downloads", "private_url", "last_access", "delivery"}) {
        columns->add(
            column(id, text(lang, std::string("panel.col.") +
                                      (std::string(id) == "created" ? "created_by" : id))));
    }
    JsonArray rows = array();
    const auto labels = link_labels(in);
    for (const auto& r : in.rows) {
        rows->add(row_of(in, r, labels.at(r.overview.share.id)));
    }
    Json table = element({{"type", "table"}, {"empty", text(lang, "panel.none")}});
    table->set("columns", columns);
    table->set("rows", rows);
    body->add(table);

    body->add(element({{"type", "heading"}, {"text", text(lang, "panel.access_log")}}));
    body->add(access_log_table(in));

    Json panel = element({{"type", "panel"}, {"title", text(lang, "panel.title")}});
    panel->set("body", body);
    return panel;
}

Json expiry_dialog(Language lang, const domain::Share& share, const domain::Policy& policy,
                   domain::Timestamp now, const std::map<std::string, std::string>& errors,
                   const std::optional<std::string>& limit_value) {
    JsonArray fields = array();
    Json date = element({{"type", "date"},
                         {"name", "expires_on"},
                         {"label", text(lang, "dialog.expiry")},
                         {"value", text::local_date(share.expires_at, policy.time_zone())},
                         {"min", text::local_date(now, policy.time_zone())},
                         {"max", text::local_date(policy.latest_expiry(now), policy.time_zone())}});
    date->set("required", true);
    fields->add(date);
    fields->add(download_limit_field(
        lang, limit_value ? *limit_value
                          : (share.download_limit ? std::to_string(*share.download_limit) : "")));
    Json form = share_edit_form(lang, "external-sharing.save-expiry", share.id, fields);
    form->set("errors", field_errors_object(errors));
    JsonArray body = array();
    body->add(form);
    return dialog_element(text(lang, "panel.extend"), body);
}

Json items_dialog(const text::TimeReader& reader, const domain::Share& share,
                  const domain::Selection& selection, const domain::CaseSnapshot& snapshot) {
    const Language lang = reader.language;
    auto visible = [&](domain::Section s, const std::string& id) {
        return selection.includes_section(s) && selection.lists(s, id) &&
               selection.is_visible(s, id, snapshot.items());
    };
    auto group = [&](domain::Section s, const char* label_key, JsonArray items) {
        Json g =
            element({{"name", std::string(domain::to_text(s))}, {"label", text(lang, label_key)}});
        g->set("included", selection.includes_section(s));
        g->set("items", items);
        return g;
    };
    JsonArray details = array(), journal = array(), attachments = array();
    for (const auto& f : snapshot.fields) {
        Json i = element({{"id", f.id}, {"label", f.label}, {"detail", f.value}});
        i->set("checked", visible(domain::Section::Details, f.id));
        details->add(i);
    }
    for (const auto& j : snapshot.journal) {
        Json i = element({{"id", j.id},
                          {"label", text::host_date_text(j.date, reader) + " — " + j.author},
                          {"detail", j.text.substr(0, 140)}});
        if (j.internal) {
            i->set("badge", text(lang, "journal.internal"));
        }
        i->set("checked", visible(domain::Section::Journal, j.id));
        journal->add(i);
    }
    for (const auto& a : snapshot.attachments) {
        Json i = element({{"id", a.id}, {"label", a.name}, {"detail", human_size(a.size, lang)}});
        i->set("checked", visible(domain::Section::Attachments, a.id));
        attachments->add(i);
    }
    JsonArray groups = array();
    groups->add(group(domain::Section::Details, "section.details", details));
    groups->add(group(domain::Section::Journal, "section.journal", journal));
    groups->add(group(domain::Section::Attachments, "section.attachments", attachments));
    Json field =
        element({{"type", "items"}, {"name", "selection"}, {"label", text(lang, "dialog.what")}});
    field->set("groups", groups);
    JsonArray fields = array();
    fields->add(field);
    JsonArray body = array();
    body->add(share_edit_form(lang, "external-sharing.save-items", share.id, fields));
    return dialog_element(text(lang, "panel.edit_items"), body, true);
}

Json password_dialog(Language lang, const std::string& password) {
    JsonArray pairs = array();
    pairs->add(element({{"label", text(lang, "dialog.password")}, {"value", password}}));
    Json list = element({{"type", "pairs"}});
    list->set("items", pairs);
    JsonArray body = array();
    body->add(list);
    body->add(text_element(text(lang, "dialog.password.help"), true));
    return dialog_element(text(lang, "panel.show_password"), body);
}

namespace {

std::string status_text(Language lang, domain::ShareStatus status, bool exhausted) {
    return status_cell(lang, status, exhausted)->getValue<std::string>("badge");
}

// "Case details: 3 of 5; Journal entries: not shared; Attachments: 0 of 2".
std::string visible_items_text(Language lang, const domain::Selection& selection,
                               const domain::CaseItems& items) {
    std::string out;
    for (domain::Section s : domain::kAllSections) {
        const std::string key = "section." + std::string(domain::to_text(s));
        std::string part;
        if (!selection.includes_section(s)) {
            part = text(lang, "details.items.excluded");
        } else {
            int visible = 0;
            for (const auto& id : items.of(s)) {
                visible += selection.lists(s, id) && selection.is_visible(s, id, items) ? 1 : 0;
            }
            part = fill(fill(text(lang, "details.items.count"), "visible", std::to_string(visible)),
                        "total", std::to_string(items.of(s).size()));
        }
        out += (out.empty() ? "" : "; ") + text(lang, key) + ": " + part;
    }
    return out;
}

}  // namespace

Json link_details_dialog(const SharePanelInput& in, const SharePanelRow& r,
                         const domain::Selection& selection, const domain::CaseItems& items) {
    const Language lang = in.language;
    const domain::Share& s = r.overview.share;
    JsonArray pairs = array();
    auto add = [&](const char* label_key, const std::string& value) {
        pairs->add(
            element({{"label", text(lang, label_key)}, {"value", value.empty() ? "—" : value}}));
    };
    add("panel.col.recipient", s.recipient.name.value_or(""));
    add("dialog.recipient.email", s.recipient.email.value_or(""));
    add("dialog.recipient.phone", s.recipient.phone.value_or(""));
    add("panel.col.emailed_to",
        s.delivery == domain::Delivery::EmailedLink ? s.recipient.email.value_or("") : "");
    add("panel.col.created_by", r.creator_name);
    add("panel.col.created", when(s.created_at, in));
    add("panel.col.expires", when_and_distance(s.expires_at, in));
    add("panel.col.status", status_text(lang, r.overview.status, s.downloads_exhausted()));
    add("panel.col.protection", protection_text(lang, s.protection));
    add("panel.col.downloads", downloads_text(lang, s));
    add("panel.col.last_access",
        r.overview.last_access ? when_and_distance(*r.overview.last_access, in) : "");
    add("panel.col.delivery", message_text(lang, r.messages));
    add("details.visible_items", visible_items_text(lang, selection, items));
    Json list = element({{"type", "pairs"}});
    list->set("items", pairs);
    JsonArray body = array();
    body->add(list);
    return dialog_element(text(lang, "details.title"), body);
}

}  // namespace es::ui
