#include "licence/licence_lifecycle.hpp"

#include <chrono>

#include "licence/transition_refused.hpp"

namespace es::licence {

namespace {

std::chrono::milliseconds days(int n) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::hours(24) * n);
}

bool licence_current(const domain::OrganisationLicence& record, domain::Timestamp now) {
    return record.licence && now >= record.licence->valid_from && now < record.licence->valid_until;
}

}  // namespace

std::optional<domain::Timestamp> LicenceLifecycle::trial_end(
    const domain::OrganisationLicence& record) const {
    if (!record.trial_started_at) {
        return std::nullopt;
    }
    return *record.trial_started_at + days(settings_.trial_days);
}

LicenceState LicenceLifecycle::state_underneath(const domain::OrganisationLicence& record,
                                                domain::Timestamp now) const {
    if (licence_current(record, now)) {
        return LicenceState::Licensed;
    }
    if (auto end = trial_end(record); end && now < *end) {
        return LicenceState::Trial;
    }
    if (record.licence || record.trial_started_at) {
        return LicenceState::Expired;
    }
    return LicenceState::NotActivated;
}

LicenceState LicenceLifecycle::state(const domain::OrganisationLicence& record,
                                     domain::Timestamp now) const {
    return record.deactivated ? LicenceState::Deactivated : state_underneath(record, now);
}

std::optional<domain::Timestamp> LicenceLifecycle::active_until(
    const domain::OrganisationLicence& record, domain::Timestamp now) const {
    switch (state_underneath(record, now)) {
        case LicenceState::Licensed:
            return record.licence->valid_until;
        case LicenceState::Trial:
            return trial_end(record);
        default:
            return std::nullopt;
    }
}

domain::OrganisationLicence LicenceLifecycle::start_trial(const domain::OrganisationLicence& record,
                                                          domain::Timestamp now) const {
    if (record.trial_started_at) {
        throw TransitionRefused("The free trial month has already been used by this organisation.");
    }
    if (licence_current(record, now)) {
        throw TransitionRefused("A licence is in force, so there is no trial to start.");
    }
    domain::OrganisationLicence next = record;
    next.trial_started_at = now;
    next.deactivated = false;
    return next;
}

domain::OrganisationLicence LicenceLifecycle::accept_licence(
    const domain::OrganisationLicence& record, const domain::Licence& licence,
    const std::string& key, domain::Timestamp now) const {
    // The verifier checked both already; repeated here because a wrong record would be a bug that
    // must not silently license another organisation.
    if (licence.organisation_id != record.organisation_id || now < licence.valid_from ||
        now >= licence.valid_until) {
        throw TransitionRefused("This licence key does not apply to this organisation now.");
    }
    domain::OrganisationLicence next = record;
    next.licence = licence;
    next.licence_key = key;
    next.deactivated = false;
    next.seats_exceeded_since.reset();  // a new seat count starts a new count of the grace period
    return next;
}

domain::OrganisationLicence LicenceLifecycle::deactivate(const domain::OrganisationLicence& record,
                                                         domain::Timestamp now) const {
    if (record.deactivated) {
        throw TransitionRefused("The module is already deactivated.");
    }
    if (!is_active_state(state_underneath(record, now))) {
        throw TransitionRefused("The module is not active, so there is nothing to deactivate.");
    }
    domain::OrganisationLicence next = record;
    next.deactivated = true;
    return next;
}

domain::OrganisationLicence LicenceLifecycle::reactivate(const domain::OrganisationLicence& record,
                                                         domain::Timestamp now) const {
    if (!record.deactivated) {
        throw TransitionRefused("The module is not deactivated.");
    }
    if (!is_active_state(state_underneath(record, now))) {
        throw TransitionRefused(
            "The trial or licence has ended; start the trial or enter a licence key instead.");
    }
    domain::OrganisationLicence next = record;
    next.deactivated = false;
    return next;
}

SeatUsage LicenceLifecycle::seats(const domain::OrganisationLicence& record, domain::Timestamp now,
                                  std::int64_t active_users) const {
    SeatUsage usage;
    usage.used = active_users;
    if (state(record, now) != LicenceState::Licensed) {
        return usage;
    }
    usage.licensed = record.licence->seats;
    usage.exceeded = active_users > record.licence->seats;
    if (usage.exceeded) {
        const domain::Timestamp since = record.seats_exceeded_since.value_or(now);
        usage.grace_until = since + days(settings_.seat_grace_days);
        usage.grace_over = now >= *usage.grace_until;
    }
    return usage;
}

std::optional<domain::OrganisationLicence> LicenceLifecycle::observe_seats(
    const domain::OrganisationLicence& record, domain::Timestamp now,
    std::int64_t active_users) const {
    const SeatUsage usage = seats(record, now, active_users);
    if (usage.exceeded && !record.seats_exceeded_since) {
        domain::OrganisationLicence next = record;
        next.seats_exceeded_since = now;
        return next;
    }
    if (!usage.exceeded && record.seats_exceeded_since) {
        domain::OrganisationLicence next = record;
        next.seats_exceeded_since.reset();
        return next;
    }
    return std::nullopt;
}

}  // namespace es::licence
