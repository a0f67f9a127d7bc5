// The licence state machine: pure functions of a stored OrganisationLicence and a point in time
// (always the database clock in production). No I/O, so every transition is tested with a
// hand-set clock.
//
//   not_activated ──start_trial──▶ trial ──(trial_days pass)──▶ expired
//        │                           │                            │
//        └──────accept_licence───────┴────────accept_licence──────┴──▶ licensed ──(exp)──▶ expired
//   trial | licensed ──deactivate──▶ deactivated ──reactivate──▶ (the state underneath)
//   deactivated ──accept_licence──▶ licensed;  deactivated ──start_trial──▶ trial (if never used)
//
// Transitions return the next record (revision unchanged; the store bumps it) or throw
// TransitionRefused. Thread-safe: immutable after construction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "config/settings.hpp"
#include "domain/licence.hpp"
#include "domain/organisation_licence.hpp"
#include "domain/timestamp.hpp"
#include "licence/licence_state.hpp"
#include "licence/seat_usage.hpp"

namespace es::licence {

class LicenceLifecycle {
  public:
    explicit LicenceLifecycle(config::LicensingSettings settings)
        : settings_(std::move(settings)) {}

    LicenceState state(const domain::OrganisationLicence& record, domain::Timestamp now) const;

    // The state ignoring an admin's deactivation: what reactivating would give.
    LicenceState state_underneath(const domain::OrganisationLicence& record,
                                  domain::Timestamp now) const;

    // End of the trial (exclusive), when one was started.
    std::optional<domain::Timestamp> trial_end(const domain::OrganisationLicence& record) const;

    // When the current state ends by itself: the trial's or the licence's end; nothing otherwise.
    std::optional<domain::Timestamp> active_until(const domain::OrganisationLicence& record,
                                                  domain::Timestamp now) const;

    domain::OrganisationLicence start_trial(const domain::OrganisationLicence& record,
                                            domain::Timestamp now) const;
    // `licence` must come from LicenceVerifier::verify for this organisation and `now`.
    domain::OrganisationLicence accept_licence(const domain::OrganisationLicence& record,
                                               const domain::Licence& licence,
                                               const std::string& key, domain::Timestamp now) const;
    domain::OrganisationLicence deactivate(const domain::OrganisationLicence& record,
                                           domain::Timestamp now) const;
    domain::OrganisationLicence reactivate(const domain::OrganisationLicence& record,
                                           domain::Timestamp now) const;

    // Seats used against licensed, with the grace period counted from `seats_exceeded_since` (or
    // from `now` when the excess is seen for the first time).
    SeatUsage seats(const domain::OrganisationLicence& record, domain::Timestamp now,
                    std::int64_t active_users) const;

    // The record with the excess marker set or cleared to match `active_users`, or nothing when it
    // already matches.
    std::optional<domain::OrganisationLicence> observe_seats(
        const domain::OrganisationLicence& record, domain::Timestamp now,
        std::int64_t active_users) const;

    const config::LicensingSettings& settings() const noexcept { return settings_; }

  private:
    config::LicensingSettings settings_;
};

}  // namespace es::licence
