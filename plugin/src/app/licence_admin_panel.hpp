// The organisation admin page of External Sharing (panel "external-sharing.admin", organisation
// scope): licence state, plan, seats, expiry, prices, the trial / key / deactivate actions, the
// module switch per case type, the journal entries in the cases' files (on/off, language), "revoke
// all links", the licensing audit trail, and (for admins) the organisation's messages that could
// not be delivered.
//
// This class reads what the page shows from the licence services and runs its actions through
// them; ui/licence_admin_page draws it (host-sdk/docs/view-model.md, version 1). Everyone of the
// organisation may see the page; only organisation admins get the actions, and invoke() refuses
// non-admins with domain::Error Kind::Denied whatever the payload says. Destructive actions
// (deactivate, revoke all) act only with "confirm": true in the payload: their buttons carry a
// `confirm` text for the host to ask, and a call without it answers a confirmation dialog instead
// of acting.
//
// Thread-safe: no state of its own besides references to thread-safe collaborators.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"
#include "domain/actor.hpp"
#include "domain/outbox_message.hpp"
#include "licence/licence_service.hpp"
#include "licence/organisation_directory.hpp"
#include "store/organisation_settings_repository.hpp"
#include "ui/ids.hpp"

namespace es::app {

// Revokes every link of the acting organisation and returns how many (ShareService).
using RevokeAllLinks = std::function<std::int64_t(const domain::Actor& actor)>;

// The organisation's messages that finally failed, newest first, at most `limit` (the outbox's
// failed messages). Shown to admins only: they name recipients'
// addresses.
using FailedMessages = std::function<std::vector<domain::OutboxMessage>(
    const std::string& organisation_id, int limit)>;

class LicenceAdminPanel {
  public:
    // Action ids for invoke_action with an empty case id (ui/ids.hpp).
    static constexpr const char* kStartTrial = ui::kAdminStartTrial;
    static constexpr const char* kEnterKey = ui::kAdminEnterKey;
    static constexpr const char* kDeactivate = ui::kAdminDeactivate;
    static constexpr const char* kReactivate = ui::kAdminReactivate;
    static constexpr const char* kCaseType = ui::kAdminCaseType;
    static constexpr const char* kRevokeAll = ui::kAdminRevokeAll;
    static constexpr const char* kJournalEntries = ui::kAdminJournalEntries;
    static constexpr const char* kLanguage = ui::kAdminLanguage;
    static constexpr const char* kTimeZone = ui::kAdminTimeZone;

    // Collaborators must outlive the panel. `policy` gives each case type's configured default.
    // Without `failed_messages` the page has no such table; without `settings` no section on the
    // journal entries written into the organisation's cases (store::JournalPreferences).
    LicenceAdminPanel(licence::LicenceService& licences, licence::OrganisationDirectory& directory,
                      const config::PolicyConfig& policy, RevokeAllLinks revoke_all,
                      FailedMessages failed_messages = {},
                      store::OrganisationSettingsRepository* settings = nullptr,
                      const config::OrganisationSettings* organisations = nullptr);

    // True for the action ids above.
    static bool handles(std::string_view action_id) noexcept;

    // The panel's view model (JSON).
    std::string render(const domain::Actor& actor);

    // Runs an admin action; returns the invoke_action result: {"type":"close"} with a notice and
    // refresh after a change; a dialog with the key form and the refusal next to the field when a
    // key is refused; a confirmation dialog; or an error notice when the state forbids the change.
    // Nothing changes on a refusal. Throws domain::Error Denied for non-admins, InvalidInput for a
    // malformed payload.
    std::string invoke(const domain::Actor& actor, std::string_view action_id,
                       std::string_view payload_json);

  private:
    // The organisation's zone: the admin's choice, else the configured one.
    std::string zone_of(const std::string& organisation_id) const;
    std::string configured_zone(const std::string& organisation_id) const;

    licence::LicenceService& licences_;
    licence::OrganisationDirectory& directory_;
    const config::PolicyConfig& policy_;
    RevokeAllLinks revoke_all_;
    FailedMessages failed_messages_;
    store::OrganisationSettingsRepository* settings_;
    const config::OrganisationSettings* organisations_;  // time zones; null: the default zone
};

}  // namespace es::app
