#include "ui/licence_admin_page.hpp"

#include <string_view>

#include "ui/ids.hpp"
#include "ui/licence_admin_texts.hpp"

namespace es::ui {

namespace {

// "12.30" from 1230 Rappen.
std::string chf(std::int64_t rappen) {
    const std::int64_t cents = rappen % 100;
    return std::to_string(rappen / 100) + (cents < 10 ? ".0" : ".") + std::to_string(cents);
}

Json pair(const std::string& label, const std::string& value) {
    return element({{"label", label}, {"value", value}});
}

Json pairs(const JsonArray& items) {
    Json o = element({{"type", "pairs"}});
    o->set("items", items);
    return o;
}

Json heading(const std::string& text) {
    return element({{"type", "heading"}, {"text", text}});
}

Json toolbar(const JsonArray& items) {
    Json o = element({{"type", "buttons"}});
    o->set("items", items);
    return o;
}

Json table(const JsonArray& columns, const JsonArray& rows) {
    Json o = element({{"type", "table"}});
    o->set("columns", columns);
    o->set("rows", rows);
    return o;
}

Json column(const std::string& id, const std::string& label) {
    return element({{"id", id}, {"label", label}});
}

// A button the host confirms with `question` before it calls the action with {"confirm": true}.
Json confirmed_button(const std::string& label, const std::string& action,
                      const std::string& question, const std::string& icon) {
    Json payload = object();
    payload->set("confirm", true);
    Json b = button(label, action, payload, icon, "danger");
    b->set("confirm", question);
    return b;
}

class PageBuilder {
  public:
    explicit PageBuilder(const LicenceAdminView& view) : view_(view) {}

    Json build() const {
        Json panel = element({{"type", "panel"}, {"title", t("title")}});
        JsonArray body = array();
        if (!view_.active) {
            body->add(notice("info", t("explain.not_active")));
        }
        for (const auto& w : view_.warnings) {
            if (w.code == "not_activated") {
                continue;  // said by the explanation above
            }
            body->add(notice(w.level, fill(t("warning." + w.code), "date", w.date)));
        }
        body->add(facts());
        if (view_.admin) {
            add_actions(body);
        } else {
            body->add(notice("info", t("only_admins")));
        }
        add_case_types(body);
        if (view_.journal) {
            add_journal_entries(*view_.journal, body);
        }
        if (view_.time_zone) {
            add_time_zone(*view_.time_zone, body);
        }
        if (view_.admin && view_.failed) {
            add_failed_messages(*view_.failed, body);
        }
        add_changes(body);
        panel->set("body", body);
        return panel;
    }

  private:
    std::string t(std::string_view key) const { return admin_text(view_.language, key); }

    Json facts() const {
        JsonArray items = array();
        items->add(pair(t("state"), t("state." + view_.state)));
        items->add(pair(t("plan"), view_.plan
                                       ? t("plan." + std::string(domain::plan_id(*view_.plan)))
                                       : t("plan.none")));
        std::string seats = std::to_string(view_.seats_used) + " / ";
        seats += view_.seats_licensed ? std::to_string(*view_.seats_licensed)
                                      : (view_.unlimited_seats ? t("seats.unlimited") : "–");
        items->add(pair(t("seats"), seats));
        if (!view_.active_until.empty()) {
            items->add(pair(t("valid_until"), view_.active_until));
        }
        if (!view_.licence_id.empty()) {
            items->add(pair(t("licence_id"), view_.licence_id));
        }
        if (view_.included_in_plan) {
            items->add(pair(t("price"), t("price.included")));
        } else {
            items->add(pair(t("price"), fill(admin_count_text(view_.language, "price.module",
                                                              view_.seats_used, "users"),
                                             "total", chf(view_.monthly_total))));
        }
        return pairs(items);
    }

    void add_actions(JsonArray& body) const {
        JsonArray items = array();
        if (view_.trial_available) {
            items->add(
                button(t("action.start_trial"), kAdminStartTrial, nullptr, "clock", "primary"));
        }
        if (view_.may_reactivate) {
            items->add(
                button(t("action.reactivate"), kAdminReactivate, nullptr, "check", "primary"));
        }
        if (view_.active) {
            items->add(confirmed_button(t("action.deactivate"), kAdminDeactivate,
                                        t("confirm.deactivate"), "lock"));
        }
        items->add(confirmed_button(t("action.revoke_all"), kAdminRevokeAll,
                                    t("confirm.revoke_all"), "trash"));
        body->add(toolbar(items));
        body->add(key_form());
    }

    // The licence key form. Its field is not required: the page offers the trial beside it,
    // which needs no key; an empty key is refused beside the field when submitted.
    Json key_form() const {
        Json form = element({{"type", "form"}, {"action", kAdminEnterKey}});
        form->set("submit", element({{"label", t("action.enter_key")}}));
        Json field = element({{"type", "textarea"},
                              {"name", "licence_key"},
                              {"label", t("field.licence_key")},
                              {"value", ""},
                              {"help", t("field.licence_key.help")}});
        field->set("rows", 4);
        JsonArray fields = array();
        fields->add(field);
        form->set("fields", fields);
        return form;
    }

    void add_case_types(JsonArray& body) const {
        body->add(heading(t("case_types")));
        JsonArray columns = array();
        columns->add(column("case_type", t("case_type")));
        columns->add(column("module", t("module")));
        JsonArray rows = array();
        for (const auto& type : view_.case_types) {
            Json cells = element({{"case_type", type.name.empty() ? type.id : type.name}});
            cells->set("module", element({{"badge", t(type.on ? "on" : "off")},
                                          {"tone", type.on ? "success" : "neutral"}}));
            JsonArray actions = array();
            if (view_.admin) {
                Json payload = element({{"case_type_id", type.id}});
                payload->set("enabled", !type.on);
                actions->add(button(t(type.on ? "action.disable" : "action.enable"), kAdminCaseType,
                                    payload));
            }
            Json row = element({{"id", type.id}});
            row->set("cells", cells);
            row->set("actions", actions);
            rows->add(row);
        }
        body->add(table(columns, rows));
    }

    // Whether External Sharing records its links in the cases' own journals, and in which
    // language: the organisation's, one for all its cases.
    void add_journal_entries(const JournalEntrySettings& prefs, JsonArray& body) const {
        body->add(heading(t("journal")));
        body->add(text_element(t("journal.explain")));
        const bool german = prefs.language == domain::Language::De;
        JsonArray items = array();
        items->add(pair(t("journal.entries"), t(prefs.enabled ? "on" : "off")));
        items->add(pair(t("journal.language"), t(german ? "language.de" : "language.en")));
        body->add(pairs(items));
        if (!view_.admin) {
            return;
        }
        JsonArray buttons = array();
        Json toggle = object();
        toggle->set("enabled", !prefs.enabled);
        buttons->add(button(t(prefs.enabled ? "action.disable" : "action.enable"),
                            kAdminJournalEntries, toggle));
        buttons->add(button(t(german ? "action.language.en" : "action.language.de"), kAdminLanguage,
                            element({{"language", german ? "en" : "de"}})));
        body->add(toolbar(buttons));
    }

    // The clock every time shown for the organisation runs on: the panel, the recipient's pages,
    // e-mails and SMS, the zip's summary. Admins change it in a form; a zone the system's
    // time-zone database does not know comes back beside the field.
    void add_time_zone(const TimeZoneSetting& setting, JsonArray& body) const {
        body->add(heading(t("time_zone")));
        body->add(text_element(fill(t("time_zone.explain"), "default", setting.configured)));
        if (!view_.admin) {
            JsonArray items = array();
            items->add(pair(t("field.time_zone"), setting.zone));
            body->add(pairs(items));
            return;
        }
        Json form = element({{"type", "form"}, {"action", kAdminTimeZone}});
        JsonArray fields = array();
        Json zone = element({{"type", "text"},
                             {"name", "time_zone"},
                             {"label", t("field.time_zone")},
                             {"value", setting.zone},
                             {"placeholder", setting.configured},
                             {"help", t("field.time_zone.help")}});
        zone->set("required", true);
        fields->add(zone);
        form->set("fields", fields);
        form->set("submit", element({{"label", t("action.time_zone")}}));
        body->add(form);
    }

    void add_changes(JsonArray& body) const {
        body->add(heading(t("audit")));
        JsonArray columns = array();
        for (const char* id : {"when", "who", "what", "details"}) {
            columns->add(column(id, t(std::string("audit.") + id)));
        }
        JsonArray rows = array();
        for (const auto& change : view_.changes) {
            Json row = object();
            row->set("cells", element({{"when", change.when},
                                       {"who", change.who},
                                       {"what", change.what},
                                       {"details", change.details}}));
            rows->add(row);
        }
        Json o = table(columns, rows);
        o->set("empty", t("audit.empty"));
        body->add(o);
    }

    // A message given up on is visible to the organisation admin, with its last error.
    void add_failed_messages(const std::vector<UndeliveredMessage>& messages,
                             JsonArray& body) const {
        body->add(heading(t("failed")));
        JsonArray columns = array();
        for (const char* id : {"when", "message", "to", "attempts", "error"}) {
            columns->add(column(id, t(std::string("failed.") + id)));
        }
        JsonArray rows = array();
        for (const auto& m : messages) {
            const std::string kind = t("failed.kind." + m.kind);
            Json row = element({{"id", m.id}});
            row->set("cells",
                     element({{"when", m.when},
                              {"message", kind.rfind("failed.kind.", 0) == 0 ? m.kind : kind},
                              {"to", m.to},
                              {"attempts", std::to_string(m.attempts)},
                              {"error", m.error}}));
            rows->add(row);
        }
        Json o = table(columns, rows);
        o->set("empty", t("failed.empty"));
        body->add(o);
    }

    const LicenceAdminView& view_;
};

}  // namespace

Json licence_admin_page(const LicenceAdminView& view) {
    return PageBuilder(view).build();
}

Json licence_key_field_error(const std::string& sentence) {
    Json answer = element({{"type", "field_errors"}});
    answer->set("errors", element({{"licence_key", sentence}}));
    return answer;
}

Json time_zone_field_error(const std::string& sentence) {
    Json answer = element({{"type", "field_errors"}});
    answer->set("errors", element({{"time_zone", sentence}}));
    return answer;
}

std::string licence_key_refusal(Language language, const std::string& reason,
                                const std::string& detail) {
    return fill(admin_text(language, "refused." + reason), "detail", detail);
}

Json licence_admin_confirmation(Language language, const std::string& action) {
    const bool deactivate = action == kAdminDeactivate;
    Json form = element({{"type", "form"}, {"action", action}});
    form->set("submit", element({{"label", admin_text(language, deactivate ? "action.deactivate"
                                                                           : "action.revoke_all")},
                                 {"style", "danger"}}));
    form->set("cancel", element({{"label", admin_text(language, "action.cancel")}}));
    form->set("hidden", element({{"confirm", "true"}}));
    form->set("fields", array());
    JsonArray body = array();
    body->add(text_element(
        admin_text(language, deactivate ? "confirm.deactivate" : "confirm.revoke_all")));
    body->add(form);
    return dialog_element(admin_text(language, "title"), body);
}

Json licence_admin_done(const std::string& text) {
    Json result = element({{"type", "close"}});
    result->set("notice", notice("success", text));
    result->set("refresh", true);
    return result;
}

}  // namespace es::ui
