// The licensing use cases of one installation: activate the trial, enter a vendor key, deactivate
// and reactivate, switch the module per case type, and the checks every other part enforces.
//
// Enforcement (`is_active`, `may_create_shares`) reads the database on every call — no cache, TTL
// zero — so deactivation, expiry and renewal take effect for the very next request in every host
// process. The query is one primary-key lookup plus the database time.
//
// Thread-safe: holds no mutable state; concurrent writers are detected by the store's revision
// check (the loser gets domain::Error Kind::Conflict). Errors: LicenceRefused, TransitionRefused,
// domain::Error from the store.
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "domain/audit_entry.hpp"
#include "licence/clock.hpp"
#include "licence/licence_lifecycle.hpp"
#include "licence/licence_status.hpp"
#include "licence/licence_verifier.hpp"
#include "store/licence_store.hpp"

namespace es::licence {

// The host's number of active users of an organisation (dm.directory/1 active_user_count).
using ActiveUserCount = std::function<std::int64_t(const std::string& organisation_id)>;

class LicenceService {
  public:
    // `store`, `clock` and `verifier` must outlive the service.
    LicenceService(store::LicenceStore& store, Clock& clock, const LicenceVerifier& verifier,
                   config::LicensingSettings settings, ActiveUserCount active_users);

    // Trial or licensed, and not deactivated. The portal answers every link of an organisation
    // for which this is false exactly like an unknown link; nothing is deleted.
    bool is_active(const std::string& organisation_id);

    // is_active, and the seat grace period has not run out. Asks the host for the user count.
    bool may_create_shares(const std::string& organisation_id);

    // The full picture for the admin page; records when a seat excess is first seen.
    LicenceStatus status(const std::string& organisation_id);

    // Each returns the status after the change; the change and its audit entry are written
    // together. `actor` is the acting user id.
    LicenceStatus start_trial(const std::string& organisation_id, const std::string& actor);
    LicenceStatus enter_licence_key(const std::string& organisation_id, const std::string& actor,
                                    const std::string& key);
    LicenceStatus deactivate(const std::string& organisation_id, const std::string& actor);
    LicenceStatus reactivate(const std::string& organisation_id, const std::string& actor);

    // The organisation's switch for a case type, else `configured` (the config's policy value).
    bool case_type_enabled(const std::string& organisation_id, const std::string& case_type_id,
                           bool configured);
    void set_case_type_enabled(const std::string& organisation_id, const std::string& actor,
                               const std::string& case_type_id, bool enabled);

    // Records in the licensing trail that `actor` revoked all `count` links of the organisation.
    void record_revoke_all(const std::string& organisation_id, const std::string& actor,
                           std::int64_t count);

    // Records in the trail that `actor` switched the journal entries on or off, or set the
    // language they are written in ("de"/"en"; empty when only the switch changed).
    void record_journal_setting(const std::string& organisation_id, const std::string& actor,
                                std::optional<bool> enabled, const std::string& language);

    // Records in the trail that `actor` changed the organisation's time zone `from` → `to`.
    void record_time_zone(const std::string& organisation_id, const std::string& actor,
                          const std::string& from, const std::string& to);

    std::vector<domain::AuditEntry> audit_trail(const std::string& organisation_id, int limit);

    const LicenceLifecycle& lifecycle() const noexcept { return lifecycle_; }

  private:
    LicenceStatus describe(const domain::OrganisationLicence& record, domain::Timestamp now,
                           std::int64_t active_users) const;
    domain::OrganisationLicence observe_seats(domain::OrganisationLicence record,
                                              domain::Timestamp now, std::int64_t active_users);
    // An organisation setting's change, in the audit trail.
    void record_setting_change(const std::string& organisation_id, const std::string& actor,
                               const std::string& action, const Poco::JSON::Object& details);
    void save(const domain::OrganisationLicence& before, const domain::OrganisationLicence& after,
              const std::string& actor, const std::string& action, domain::Timestamp now,
              const std::string& extra_details);

    store::LicenceStore& store_;
    Clock& clock_;
    const LicenceVerifier& verifier_;
    LicenceLifecycle lifecycle_;
    ActiveUserCount active_users_;
};

}  // namespace es::licence
