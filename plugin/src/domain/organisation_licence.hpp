// What is stored about one organisation's licence: the facts, never the derived state. The state
// follows from these facts and the database clock (LicenceLifecycle::state), so a key running out
// needs no job to flip a flag, and a renewal restores everything at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/licence.hpp"
#include "domain/timestamp.hpp"

namespace es::domain {

struct OrganisationLicence {
    std::string organisation_id;
    // Set when the trial starts and never cleared: the trial is granted once per organisation.
    std::optional<domain::Timestamp> trial_started_at;
    std::optional<Licence> licence;  // the key in force (or the last one, once it ran out)
    std::string licence_key;         // that key as entered, for support and re-inspection
    bool deactivated = false;        // an admin switched the module off
    // When more users than seats were first seen; cleared when the count fits again.
    std::optional<domain::Timestamp> seats_exceeded_since;
    std::int64_t revision = 0;  // 0 = never stored; each write stores revision + 1

    bool operator==(const OrganisationLicence&) const = default;
};

}  // namespace es::domain
