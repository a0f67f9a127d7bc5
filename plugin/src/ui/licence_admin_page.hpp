// The organisation admin page of External Sharing (panel ui::kAdminPanel, organisation scope) and
// the answers of its actions, as view models (host-sdk/docs/view-model.md). What the page shows
// arrives as plain values (LicenceAdminView): the caller reads them from the licence services, so
// this file knows how the page looks and nothing about how licensing works.
//
// Destructive actions (deactivate, revoke all) carry a `confirm` text for the host to ask and
// {"confirm": true} in their payload; licence_admin_confirmation() is the dialog for a host that
// called without it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "domain/share_options.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

// Something the admin should act on: `code` is a licence warning code ("trial_ends_soon", …),
// `date` the day it is about, already written as the page shows dates (empty when none).
struct LicenceAdminWarning {
    std::string level;  // "info", "warning", "error"
    std::string code;
    std::string date;
};

struct CaseTypeSwitch {
    std::string id;
    std::string name;  // the id is shown when empty
    bool on = false;
};

// Whether External Sharing writes into the cases' journals, and in which language.
struct JournalEntrySettings {
    bool enabled = false;
    domain::Language language = domain::Language::De;
};

// The organisation's time zone (an IANA name) and the configured one that applies without a
// choice.
struct TimeZoneSetting {
    std::string zone;
    std::string configured;
};

// One line of the licensing audit trail, as shown.
struct LicenceChange {
    std::string when;
    std::string who;
    std::string what;
    std::string details;
};

// A message the outbox gave up on; `kind` is the outbox kind ("share_link", …).
struct UndeliveredMessage {
    std::string id;
    std::string when;
    std::string kind;
    std::string to;
    int attempts = 0;
    std::string error;
};

struct LicenceAdminView {
    Language language = Language::En;
    bool admin = false;  // organisation admins get the actions
    bool active = false;
    std::vector<LicenceAdminWarning> warnings;
    // The facts: state id ("not_activated", "trial", …), the plan of the licence in force or the
    // last one, seats used / licensed, the end of the trial or licence, the price.
    std::string state;
    std::optional<domain::Plan> plan;
    std::string licence_id;    // empty without a licence
    std::string active_until;  // empty when it does not end by itself
    std::int64_t seats_used = 0;
    std::optional<std::int64_t> seats_licensed;
    bool unlimited_seats = false;  // the trial: no limit instead of "–"
    bool included_in_plan = false;
    std::int64_t monthly_total = 0;  // Rappen
    bool trial_available = false;
    bool may_reactivate = false;
    std::vector<CaseTypeSwitch> case_types;
    std::optional<JournalEntrySettings> journal;            // no section without it
    std::optional<TimeZoneSetting> time_zone;               // no section without it
    std::optional<std::vector<UndeliveredMessage>> failed;  // no table without it
    std::vector<LicenceChange> changes;
};

// The panel.
Json licence_admin_page(const LicenceAdminView& view);

// The answer to a submitted licence key that was refused or empty: `sentence` beside the key
// field of the form that was sent, wherever it stands.
Json licence_key_field_error(const std::string& sentence);

// The answer to a time zone the system does not know: `sentence` beside the time zone field.
Json time_zone_field_error(const std::string& sentence);

// The sentence for a refused key: `reason` is the refusal's id ("signature", …), `detail` what
// it names (an algorithm, a date).
std::string licence_key_refusal(Language language, const std::string& reason,
                                const std::string& detail);

// The dialog asking whether to run `action` (kAdminDeactivate or kAdminRevokeAll).
Json licence_admin_confirmation(Language language, const std::string& action);

// After a change: close any dialog, say `text`, re-render the panels.
Json licence_admin_done(const std::string& text);

}  // namespace es::ui
