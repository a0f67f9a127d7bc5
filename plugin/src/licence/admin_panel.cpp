#include "licence/admin_panel.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "domain/error.hpp"
#include "licence/admin_texts.hpp"
#include "licence/licence_refused.hpp"
#include "licence/transition_refused.hpp"
#include "store/journal_preferences.hpp"
#include "text/time_text.hpp"

namespace es::licence {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string to_json(const Object::Ptr& o) {
    std::ostringstream out;
    o->stringify(out);
    return out.str();
}

std::string replace(std::string text, const std::string& placeholder, const std::string& value) {
    if (auto pos = text.find(placeholder); pos != std::string::npos) {
        text.replace(pos, placeholder.size(), value);
    }
    return text;
}

std::string chf(std::int64_t rappen) {
    std::ostringstream out;
    out << rappen / 100 << '.' << (rappen % 100 < 10 ? "0" : "") << rappen % 100;
    return out.str();
}

Object::Ptr element(const std::string& type) {
    Object::Ptr o = new Object;
    o->set("type", type);
    return o;
}

Object::Ptr notice(const std::string& level, const std::string& text) {
    auto o = element("notice");
    o->set("level", level);
    o->set("text", text);
    return o;
}

Object::Ptr button(const std::string& label, const std::string& action, Object::Ptr payload,
                   const std::string& style, const std::string& icon = "") {
    auto o = element("button");
    o->set("label", label);
    o->set("action", action);
    o->set("payload", payload ? payload : Object::Ptr(new Object));
    o->set("style", style);
    if (!icon.empty()) {
        o->set("icon", icon);
    }
    return o;
}

// A button the host confirms with `question` before it calls the action with {"confirm": true}.
Object::Ptr confirmed_button(const std::string& label, const std::string& action,
                             const std::string& question, const std::string& icon) {
    Object::Ptr payload = new Object;
    payload->set("confirm", true);
    auto o = button(label, action, payload, "danger", icon);
    o->set("confirm", question);
    return o;
}

Object::Ptr fact(const std::string& label, const std::string& value) {
    Object::Ptr o = new Object;
    o->set("label", label);
    o->set("value", value);
    return o;
}

Object::Ptr column(const std::string& id, const std::string& label) {
    Object::Ptr o = new Object;
    o->set("id", id);
    o->set("label", label);
    return o;
}

Object::Ptr badge(const std::string& text, const std::string& tone) {
    Object::Ptr o = new Object;
    o->set("badge", text);
    o->set("tone", tone);
    return o;
}

// The licence key form; in the panel, and again in a dialog with the refusal next to the field.
Object::Ptr key_form(ui::Language lang, const std::string& value, const std::string& error) {
    auto form = element("form");
    form->set("action", AdminPanel::kEnterKey);
    Object::Ptr submit = new Object;
    submit->set("label", admin_text(lang, "action.enter_key"));
    form->set("submit", submit);
    auto field = element("textarea");
    field->set("name", "licence_key");
    field->set("label", admin_text(lang, "field.licence_key"));
    field->set("value", value);
    field->set("rows", 4);
    // Not required: the page offers the trial beside it, which needs no key. An empty key is
    // refused beside the field when submitted.
    field->set("help", admin_text(lang, "field.licence_key.help"));
    Array::Ptr fields = new Array;
    fields->add(field);
    form->set("fields", fields);
    if (!error.empty()) {
        Object::Ptr errors = new Object;
        errors->set("licence_key", error);
        form->set("errors", errors);
    }
    return form;
}

const char* level_of(LicenceWarning::Level level) {
    switch (level) {
        case LicenceWarning::Level::Info:
            return "info";
        case LicenceWarning::Level::Warning:
            return "warning";
        case LicenceWarning::Level::Error:
            return "error";
    }
    return "info";
}

struct Page {
    ui::Language lang = ui::Language::En;
    text::TimeReader time;  // the admin's language on the organisation's clock
    bool admin = false;
};

class PanelBuilder {
  public:
    PanelBuilder(const Page& page, LicenceService& licences, OrganisationDirectory& directory,
                 const config::PolicyConfig& policy, const FailedMessages& failed_messages,
                 store::OrganisationSettingsRepository* settings)
        : page_(page),
          licences_(licences),
          directory_(directory),
          policy_(policy),
          failed_messages_(failed_messages),
          settings_(settings) {}

    Object::Ptr build(const domain::Actor& actor) {
        const LicenceStatus status = licences_.status(actor.organisation_id);
        auto panel = element("panel");
        panel->set("title", t("title"));
        Array::Ptr body = new Array;
        if (!status.active) {
            body->add(notice("info", t("explain.not_active")));
        }
        for (const auto& w : status.warnings) {
            if (w.code == "not_activated") {
                continue;  // said by the explanation above
            }
            body->add(
                notice(level_of(w.level), replace(t("warning." + w.code), "{date}",
                                                  w.at ? text::date_text(*w.at, page_.time) : "")));
        }
        body->add(facts(status));
        if (page_.admin) {
            add_actions(status, body);
        } else {
            body->add(notice("info", t("only_admins")));
        }
        add_case_types(actor, body);
        if (settings_ != nullptr) {
            add_journal_entries(actor, body);
        }
        if (page_.admin && failed_messages_) {
            add_failed_messages(actor, body);
        }
        add_audit(actor, body);
        panel->set("body", body);
        return panel;
    }

  private:
    std::string t(std::string_view key) const { return admin_text(page_.lang, key); }

    Object::Ptr facts(const LicenceStatus& s) const {
        Array::Ptr items = new Array;
        items->add(fact(t("state"), t("state." + std::string(state_id(s.state)))));
        items->add(fact(t("plan"), s.licence
                                       ? t("plan." + std::string(domain::plan_id(s.licence->plan)))
                                       : t("plan.none")));
        std::string seats = std::to_string(s.seats.used) + " / ";
        seats += s.seats.licensed ? std::to_string(*s.seats.licensed)
                                  : (s.state == LicenceState::Trial ? t("seats.unlimited") : "–");
        items->add(fact(t("seats"), seats));
        if (s.active_until) {
            items->add(fact(t("valid_until"), text::date_text(*s.active_until, page_.time)));
        }
        if (s.licence) {
            items->add(fact(t("licence_id"), s.licence->licence_id));
        }
        if (s.included_in_plan) {
            items->add(fact(t("price"), t("price.included")));
        } else {
            items->add(fact(t("price"), replace(admin_count_text(page_.lang, "price.module",
                                                                 s.seats.used, "users"),
                                                "{total}", chf(s.monthly_total))));
        }
        auto o = element("pairs");
        o->set("items", items);
        return o;
    }

    void add_actions(const LicenceStatus& s, Array::Ptr& body) const {
        Array::Ptr items = new Array;
        if (s.trial_available) {
            items->add(button(t("action.start_trial"), AdminPanel::kStartTrial, nullptr, "primary",
                              "clock"));
        }
        if (s.may_reactivate) {
            items->add(button(t("action.reactivate"), AdminPanel::kReactivate, nullptr, "primary",
                              "check"));
        }
        if (s.active) {
            items->add(confirmed_button(t("action.deactivate"), AdminPanel::kDeactivate,
                                        t("confirm.deactivate"), "lock"));
        }
        items->add(confirmed_button(t("action.revoke_all"), AdminPanel::kRevokeAll,
                                    t("confirm.revoke_all"), "trash"));
        auto toolbar = element("buttons");
        toolbar->set("items", items);
        body->add(toolbar);
        body->add(key_form(page_.lang, "", ""));
    }

    void add_case_types(const domain::Actor& actor, Array::Ptr& body) const {
        auto heading = element("heading");
        heading->set("text", t("case_types"));
        body->add(heading);
        Array::Ptr columns = new Array;
        columns->add(column("case_type", t("case_type")));
        columns->add(column("module", t("module")));
        Array::Ptr rows = new Array;
        for (const auto& type : directory_.case_types(actor)) {
            const bool on = licences_.case_type_enabled(actor.organisation_id, type.id,
                                                        policy_.for_case_type(type.id).enabled);
            Object::Ptr cells = new Object;
            cells->set("case_type", type.name.empty() ? type.id : type.name);
            cells->set("module", badge(t(on ? "on" : "off"), on ? "success" : "neutral"));
            Object::Ptr row = new Object;
            row->set("id", type.id);
            row->set("cells", cells);
            Array::Ptr actions = new Array;
            if (page_.admin) {
                Object::Ptr payload = new Object;
                payload->set("case_type_id", type.id);
                payload->set("enabled", !on);
                actions->add(button(t(on ? "action.disable" : "action.enable"),
                                    AdminPanel::kCaseType, payload, "default"));
            }
            row->set("actions", actions);
            rows->add(row);
        }
        auto table = element("table");
        table->set("columns", columns);
        table->set("rows", rows);
        body->add(table);
    }

    // Whether External Sharing records its links in the cases' own journals, and in which
    // language: the organisation's, one for all its cases.
    void add_journal_entries(const domain::Actor& actor, Array::Ptr& body) const {
        const auto prefs = store::journal_preferences(*settings_, actor.organisation_id);
        auto heading = element("heading");
        heading->set("text", t("journal"));
        body->add(heading);
        auto explain = element("text");
        explain->set("text", t("journal.explain"));
        body->add(explain);
        Array::Ptr items = new Array;
        items->add(fact(t("journal.entries"), t(prefs.enabled ? "on" : "off")));
        items->add(fact(t("journal.language"),
                        t(prefs.language == domain::Language::De ? "language.de" : "language.en")));
        auto facts = element("pairs");
        facts->set("items", items);
        body->add(facts);
        if (!page_.admin) {
            return;
        }
        Array::Ptr buttons = new Array;
        Object::Ptr toggle = new Object;
        toggle->set("enabled", !prefs.enabled);
        buttons->add(button(t(prefs.enabled ? "action.disable" : "action.enable"),
                            AdminPanel::kJournalEntries, toggle, "default"));
        Object::Ptr language = new Object;
        const bool german = prefs.language == domain::Language::De;
        language->set("language", german ? "en" : "de");
        buttons->add(button(t(german ? "action.language.en" : "action.language.de"),
                            AdminPanel::kLanguage, language, "default"));
        auto toolbar = element("buttons");
        toolbar->set("items", buttons);
        body->add(toolbar);
    }

    void add_audit(const domain::Actor& actor, Array::Ptr& body) const {
        auto heading = element("heading");
        heading->set("text", t("audit"));
        body->add(heading);
        Array::Ptr columns = new Array;
        columns->add(column("when", t("audit.when")));
        columns->add(column("who", t("audit.who")));
        columns->add(column("what", t("audit.what")));
        columns->add(column("details", t("audit.details")));
        Array::Ptr rows = new Array;
        for (const auto& entry : licences_.audit_trail(actor.organisation_id, 50)) {
            Object::Ptr cells = new Object;
            cells->set("when", text::date_time_text(entry.at, page_.time));
            cells->set("who", entry.actor);
            cells->set("what", entry.action);
            cells->set("details", entry.details);
            Object::Ptr row = new Object;
            row->set("cells", cells);
            rows->add(row);
        }
        auto table = element("table");
        table->set("columns", columns);
        table->set("rows", rows);
        table->set("empty", t("audit.empty"));
        body->add(table);
    }

    // A message given up on is visible to the organisation admin, with its last error.
    void add_failed_messages(const domain::Actor& actor, Array::Ptr& body) const {
        auto heading = element("heading");
        heading->set("text", t("failed"));
        body->add(heading);
        Array::Ptr columns = new Array;
        columns->add(column("when", t("failed.when")));
        columns->add(column("message", t("failed.message")));
        columns->add(column("to", t("failed.to")));
        columns->add(column("attempts", t("failed.attempts")));
        columns->add(column("error", t("failed.error")));
        Array::Ptr rows = new Array;
        for (const auto& m : failed_messages_(actor.organisation_id, 50)) {
            Object::Ptr cells = new Object;
            cells->set("when", text::date_time_text(m.created_at, page_.time));
            const std::string kind = t("failed.kind." + m.kind);
            cells->set("message", kind.rfind("failed.kind.", 0) == 0 ? m.kind : kind);
            cells->set("to", m.recipient_address);
            cells->set("attempts", std::to_string(m.attempts));
            cells->set("error", m.last_error);
            Object::Ptr row = new Object;
            row->set("id", std::to_string(m.id));
            row->set("cells", cells);
            rows->add(row);
        }
        auto table = element("table");
        table->set("columns", columns);
        table->set("rows", rows);
        table->set("empty", t("failed.empty"));
        body->add(table);
    }

    const Page& page_;
    LicenceService& licences_;
    OrganisationDirectory& directory_;
    const config::PolicyConfig& policy_;
    const FailedMessages& failed_messages_;
    store::OrganisationSettingsRepository* settings_;
};

Object::Ptr parse_payload(std::string_view payload_json) {
    try {
        auto value =
            Poco::JSON::Parser().parse(std::string(payload_json.empty() ? "{}" : payload_json));
        if (value.type() == typeid(Object::Ptr)) {
            return value.extract<Object::Ptr>();
        }
    } catch (const Poco::Exception&) {
    }
    throw domain::Error(domain::Error::Kind::InvalidInput, "the payload is not a JSON object");
}

// true from a button's payload, "true" from a form's hidden values.
bool confirmed(const Object::Ptr& payload) {
    if (!payload->has("confirm")) {
        return false;
    }
    const auto value = payload->get("confirm");
    return (value.isBoolean() && value.extract<bool>()) ||
           (value.isString() && value.extract<std::string>() == "true");
}

// For a host that called without confirming (the buttons carry "confirm", so normally it did).
Object::Ptr confirmation(ui::Language lang, const std::string& action, const std::string& question,
                         const std::string& label) {
    auto dialog = element("dialog");
    dialog->set("title", admin_text(lang, "title"));
    Array::Ptr body = new Array;
    auto text = element("text");
    text->set("text", question);
    body->add(text);
    auto form = element("form");
    form->set("action", action);
    Object::Ptr submit = new Object;
    submit->set("label", label);
    submit->set("style", "danger");
    form->set("submit", submit);
    Object::Ptr cancel = new Object;
    cancel->set("label", admin_text(lang, "action.cancel"));
    form->set("cancel", cancel);
    Object::Ptr hidden = new Object;
    hidden->set("confirm", "true");
    form->set("hidden", hidden);
    form->set("fields", Array::Ptr(new Array));
    body->add(form);
    dialog->set("body", body);
    return dialog;
}

// After a change: close any dialog, say what happened, re-render the panels.
Object::Ptr done(const std::string& level, const std::string& text) {
    auto result = element("close");
    result->set("notice", notice(level, text));
    result->set("refresh", true);
    return result;
}

}  // namespace

AdminPanel::AdminPanel(LicenceService& licences, OrganisationDirectory& directory,
                       const config::PolicyConfig& policy, RevokeAllLinks revoke_all,
                       FailedMessages failed_messages,
                       store::OrganisationSettingsRepository* settings,
                       const config::OrganisationSettings* organisations)
    : licences_(licences),
      directory_(directory),
      policy_(policy),
      revoke_all_(std::move(revoke_all)),
      failed_messages_(std::move(failed_messages)),
      settings_(settings),
      organisations_(organisations) {}

bool AdminPanel::handles(std::string_view action_id) noexcept {
    for (const char* id : {kStartTrial, kEnterKey, kDeactivate, kReactivate, kCaseType, kRevokeAll,
                           kJournalEntries, kLanguage}) {
        if (action_id == id) {
            return true;
        }
    }
    return false;
}

std::string AdminPanel::activation_explanation(std::string_view locale) {
    return admin_text(domain::parse_language(locale), "explain.not_active");
}

std::string AdminPanel::render(const domain::Actor& actor) {
    Page page;
    page.lang = actor.locale;
    page.time = {actor.locale, organisations_ ? organisations_->time_zone_of(actor.organisation_id)
                                              : std::string(text::kDefaultTimeZone)};
    page.admin = directory_.is_organisation_admin(actor);
    return to_json(PanelBuilder(page, licences_, directory_, policy_, failed_messages_, settings_)
                       .build(actor));
}

std::string AdminPanel::invoke(const domain::Actor& actor, std::string_view action_id,
                               std::string_view payload_json) {
    if (!handles(action_id)) {
        throw domain::Error(domain::Error::Kind::NotFound,
                            "unknown action '" + std::string(action_id) + "'");
    }
    if (!directory_.is_organisation_admin(actor)) {
        throw domain::Error(domain::Error::Kind::Denied,
                            "only organisation admins may change External Sharing's activation");
    }
    const ui::Language lang = actor.locale;
    const auto payload = parse_payload(payload_json);
    const std::string& org = actor.organisation_id;
    const std::string action(action_id);
    auto text = [lang](std::string_view key) { return admin_text(lang, key); };
    try {
        if (action == kStartTrial) {
            licences_.start_trial(org, actor.user_id);
            return to_json(done("success", text("done.trial")));
        }
        if (action == kEnterKey) {
            const std::string key = payload->optValue<std::string>("licence_key", "");
            // A refusal goes beside the field of the form that was sent, where it stands (panel
            // or dialog), instead of opening another dialog; nothing was changed.
            auto field_error = [](const std::string& sentence) {
                auto answer = element("field_errors");
                Object::Ptr errors = new Object;
                errors->set("licence_key", sentence);
                answer->set("errors", errors);
                return to_json(answer);
            };
            if (key.find_first_not_of(" \t\r\n") == std::string::npos) {
                return field_error(text("field.licence_key.missing"));
            }
            try {
                licences_.enter_licence_key(org, actor.user_id, key);
            } catch (const LicenceRefused& refused) {
                return field_error(
                    replace(text(std::string("refused.") + reason_id(refused.reason())), "{detail}",
                            refused.detail()));
            }
            return to_json(done("success", text("done.key")));
        }
        if (action == kDeactivate) {
            if (!confirmed(payload)) {
                return to_json(confirmation(lang, kDeactivate, text("confirm.deactivate"),
                                            text("action.deactivate")));
            }
            licences_.deactivate(org, actor.user_id);
            return to_json(done("success", text("done.deactivate")));
        }
        if (action == kReactivate) {
            licences_.reactivate(org, actor.user_id);
            return to_json(done("success", text("done.reactivate")));
        }
        if (action == kCaseType) {
            const std::string type = payload->optValue<std::string>("case_type_id", "");
            if (type.empty() || !payload->has("enabled") || !payload->get("enabled").isBoolean()) {
                throw domain::Error(domain::Error::Kind::InvalidInput,
                                    "case_type_id and enabled (true/false) are required");
            }
            licences_.set_case_type_enabled(org, actor.user_id, type,
                                            payload->getValue<bool>("enabled"));
            return to_json(done("success", text("done.case_type")));
        }
        if (action == kJournalEntries || action == kLanguage) {
            if (settings_ == nullptr) {
                throw domain::Error(domain::Error::Kind::NotFound, "no journal settings here");
            }
            if (action == kJournalEntries) {
                if (!payload->has("enabled") || !payload->get("enabled").isBoolean()) {
                    throw domain::Error(domain::Error::Kind::InvalidInput,
                                        "enabled (true/false) is required");
                }
                store::set_journal_entries(*settings_, org, payload->getValue<bool>("enabled"));
            } else {
                const std::string language = payload->optValue<std::string>("language", "");
                if (language != "de" && language != "en") {
                    throw domain::Error(domain::Error::Kind::InvalidInput,
                                        "language must be \"de\" or \"en\"");
                }
                store::set_organisation_language(*settings_, org, domain::parse_language(language));
            }
            return to_json(done("success", text("done.journal")));
        }
        // kRevokeAll
        if (!confirmed(payload)) {
            return to_json(confirmation(lang, kRevokeAll, text("confirm.revoke_all"),
                                        text("action.revoke_all")));
        }
        const std::int64_t count = revoke_all_(actor);
        licences_.record_revoke_all(org, actor.user_id, count);
        return to_json(done("success", admin_count_text(lang, "done.revoke_all", count)));
    } catch (const TransitionRefused& refused) {
        return to_json(notice("error", refused.what()));
    }
}

}  // namespace es::licence
