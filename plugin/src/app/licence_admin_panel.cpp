#include "app/licence_admin_panel.hpp"

#include <Poco/JSON/Parser.h>

#include <map>

#include "domain/error.hpp"
#include "licence/licence_refused.hpp"
#include "licence/transition_refused.hpp"
#include "store/journal_preferences.hpp"
#include "store/organisation_time_zone.hpp"
#include "text/time_text.hpp"
#include "ui/licence_admin_page.hpp"
#include "ui/licence_admin_texts.hpp"
#include "ui/licence_change_text.hpp"

namespace es::app {

namespace {

using Poco::JSON::Object;

const char* level_of(licence::LicenceWarning::Level level) {
    switch (level) {
        case licence::LicenceWarning::Level::Info:
            return "info";
        case licence::LicenceWarning::Level::Warning:
            return "warning";
        case licence::LicenceWarning::Level::Error:
            return "error";
    }
    return "info";
}

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

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return "";
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// What the admin typed, as the field error repeats it: at most 64 bytes (no zone name is longer),
// cut before a UTF-8 continuation byte, so a pasted essay does not come back whole.
std::string shown_back(const std::string& typed) {
    constexpr std::size_t kShown = 64;
    if (typed.size() <= kShown) {
        return typed;
    }
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(typed[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return typed.substr(0, cut) + "…";
}

}  // namespace

std::string LicenceAdminPanel::configured_zone(const std::string& organisation_id) const {
    return organisations_ ? organisations_->configured_zone_of(organisation_id)
                          : std::string(text::kDefaultTimeZone);
}

std::string LicenceAdminPanel::zone_of(const std::string& organisation_id) const {
    if (settings_ != nullptr) {
        if (auto chosen = store::organisation_time_zone(*settings_, organisation_id)) {
            return *chosen;
        }
    }
    return configured_zone(organisation_id);
}

LicenceAdminPanel::LicenceAdminPanel(licence::LicenceService& licences,
                                     licence::OrganisationDirectory& directory,
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

bool LicenceAdminPanel::handles(std::string_view action_id) noexcept {
    for (const char* id : {kStartTrial, kEnterKey, kDeactivate, kReactivate, kCaseType, kRevokeAll,
                           kJournalEntries, kLanguage, kTimeZone}) {
        if (action_id == id) {
            return true;
        }
    }
    return false;
}

std::string LicenceAdminPanel::render(const domain::Actor& actor) {
    const std::string& org = actor.organisation_id;
    const licence::LicenceStatus status = licences_.status(org);
    ui::LicenceAdminView view;
    view.language = actor.locale;
    // The admin's language on the organisation's clock.
    const text::TimeReader time{actor.locale, zone_of(org)};
    view.admin = directory_.is_organisation_admin(actor);
    view.active = status.active;
    for (const auto& w : status.warnings) {
        view.warnings.push_back(
            {level_of(w.level), w.code, w.at ? text::date_text(*w.at, time) : ""});
    }
    view.state = std::string(licence::state_id(status.state));
    if (status.licence) {
        view.plan = status.licence->plan;
        view.licence_id = status.licence->licence_id;
    }
    if (status.active_until) {
        view.active_until = text::date_text(*status.active_until, time);
    }
    view.seats_used = status.seats.used;
    if (status.seats.licensed) {
        view.seats_licensed = *status.seats.licensed;
    }
    view.unlimited_seats = status.state == licence::LicenceState::Trial;
    view.included_in_plan = status.included_in_plan;
    view.monthly_total = status.monthly_total;
    view.trial_available = status.trial_available;
    view.may_reactivate = status.may_reactivate;
    for (const auto& type : directory_.case_types(actor)) {
        view.case_types.push_back(
            {type.id, type.name,
             licences_.case_type_enabled(org, type.id, policy_.for_case_type(type.id).enabled)});
    }
    if (settings_ != nullptr) {
        const auto prefs = store::journal_preferences(*settings_, org);
        view.journal = ui::JournalEntrySettings{prefs.enabled, prefs.language};
        view.time_zone = ui::TimeZoneSetting{time.time_zone, configured_zone(org)};
    }
    if (view.admin && failed_messages_) {
        view.failed.emplace();
        for (const auto& m : failed_messages_(org, 50)) {
            view.failed->push_back({std::to_string(m.id), text::date_time_text(m.created_at, time),
                                    m.kind, m.recipient_address, m.attempts, m.last_error});
        }
    }
    // Who and what in words: a name for each user id (asked once per id), the action and its
    // facts as sentences (ui/licence_change_text).
    std::map<std::string, std::string> names;
    auto name_of = [&](const std::string& user_id) -> const std::string& {
        auto it = names.find(user_id);
        if (it == names.end()) {
            std::string name = user_id.empty() || user_id == "system"
                                   ? ui::admin_text(actor.locale, "change.who.system")
                                   : directory_.user_name(actor, user_id);
            if (name.empty()) {
                name = ui::admin_text(actor.locale, "change.who.unknown");
            }
            it = names.emplace(user_id, std::move(name)).first;
        }
        return it->second;
    };
    auto case_type_name = [&](const std::string& id) {
        for (const auto& type : view.case_types) {
            if (type.id == id) {
                return type.name;
            }
        }
        return std::string();
    };
    for (const auto& entry : licences_.audit_trail(org, 50)) {
        const ui::ChangeWords words =
            ui::licence_change_words(time, entry.action, entry.details, case_type_name);
        view.changes.push_back({text::date_time_text(entry.at, time), name_of(entry.actor),
                                words.what, words.details});
    }
    return ui::stringify(ui::licence_admin_page(view));
}

std::string LicenceAdminPanel::invoke(const domain::Actor& actor, std::string_view action_id,
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
    auto done = [lang](std::string_view key) {
        return ui::stringify(ui::licence_admin_done(ui::admin_text(lang, key)));
    };
    try {
        if (action == kStartTrial) {
            licences_.start_trial(org, actor.user_id);
            return done("done.trial");
        }
        if (action == kEnterKey) {
            const std::string key = payload->optValue<std::string>("licence_key", "");
            // A refusal goes beside the field of the form that was sent, where it stands (panel
            // or dialog), instead of opening another dialog; nothing was changed.
            if (key.find_first_not_of(" \t\r\n") == std::string::npos) {
                return ui::stringify(
                    ui::licence_key_field_error(ui::admin_text(lang, "field.licence_key.missing")));
            }
            try {
                licences_.enter_licence_key(org, actor.user_id, key);
            } catch (const licence::LicenceRefused& refused) {
                return ui::stringify(ui::licence_key_field_error(ui::licence_key_refusal(
                    lang, licence::reason_id(refused.reason()), refused.detail())));
            }
            return done("done.key");
        }
        if (action == kDeactivate) {
            if (!confirmed(payload)) {
                return ui::stringify(ui::licence_admin_confirmation(lang, kDeactivate));
            }
            licences_.deactivate(org, actor.user_id);
            return done("done.deactivate");
        }
        if (action == kReactivate) {
            licences_.reactivate(org, actor.user_id);
            return done("done.reactivate");
        }
        if (action == kCaseType) {
            const std::string type = payload->optValue<std::string>("case_type_id", "");
            if (type.empty() || !payload->has("enabled") || !payload->get("enabled").isBoolean()) {
                throw domain::Error(domain::Error::Kind::InvalidInput,
                                    "case_type_id and enabled (true/false) are required");
            }
            licences_.set_case_type_enabled(org, actor.user_id, type,
                                            payload->getValue<bool>("enabled"));
            return done("done.case_type");
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
                const bool enabled = payload->getValue<bool>("enabled");
                store::set_journal_entries(*settings_, org, enabled);
                licences_.record_journal_setting(org, actor.user_id, enabled, "");
            } else {
                const std::string language = payload->optValue<std::string>("language", "");
                if (language != "de" && language != "en") {
                    throw domain::Error(domain::Error::Kind::InvalidInput,
                                        "language must be \"de\" or \"en\"");
                }
                store::set_organisation_language(*settings_, org, domain::parse_language(language));
                licences_.record_journal_setting(org, actor.user_id, std::nullopt, language);
            }
            return done("done.journal");
        }
        if (action == kTimeZone) {
            if (settings_ == nullptr) {
                throw domain::Error(domain::Error::Kind::NotFound, "no time zone setting here");
            }
            const std::string zone = trimmed(payload->optValue<std::string>("time_zone", ""));
            // Only a zone of the system's database (ICU's): a typo would otherwise show every
            // time in UTC or fail where it is formatted.
            if (!text::is_time_zone(zone)) {
                return ui::stringify(ui::time_zone_field_error(ui::fill(
                    ui::admin_text(lang, "field.time_zone.unknown"), "zone", shown_back(zone))));
            }
            const std::string before = zone_of(org);
            store::set_organisation_time_zone(*settings_, org, zone);
            if (organisations_ != nullptr && organisations_->forget_chosen_zone) {
                organisations_->forget_chosen_zone(org);
            }
            licences_.record_time_zone(org, actor.user_id, before, zone);
            return done("done.time_zone");
        }
        // kRevokeAll
        if (!confirmed(payload)) {
            return ui::stringify(ui::licence_admin_confirmation(lang, kRevokeAll));
        }
        const std::int64_t count = revoke_all_(actor);
        licences_.record_revoke_all(org, actor.user_id, count);
        return ui::stringify(
            ui::licence_admin_done(ui::admin_count_text(lang, "done.revoke_all", count)));
    } catch (const licence::TransitionRefused& refused) {
        return ui::stringify(ui::notice("error", refused.what()));
    }
}

}  // namespace es::app
