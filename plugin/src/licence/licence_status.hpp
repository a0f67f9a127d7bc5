// One organisation's licensing as the admin page and the lead's enforcement see it: derived from
// the stored record, the database clock and the host's active user count at one moment.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/licence.hpp"
#include "domain/timestamp.hpp"
#include "licence/licence_state.hpp"
#include "licence/licence_warning.hpp"
#include "licence/seat_usage.hpp"

namespace es::licence {

struct LicenceStatus {
    std::string organisation_id;
    domain::Timestamp now;  // the database time it was computed at
    LicenceState state = LicenceState::NotActivated;
    bool active = false;                     // trial or licensed: links work, the module shows
    bool may_create_shares = false;          // active and not past the seat grace period
    std::optional<domain::Licence> licence;  // in force, or the last one
    std::optional<domain::Timestamp> trial_started_at;
    std::optional<domain::Timestamp> trial_ends_at;
    std::optional<domain::Timestamp> active_until;  // when the trial or licence ends by itself
    bool trial_available = false;                   // never used
    bool may_reactivate = false;                    // deactivated with a trial or key in force
    SeatUsage seats;
    // Prices in Rappen. The module plan: per user per month, always for the whole organisation;
    // the total is what the current active users cost. PRO and PRO+ include the module.
    std::int64_t price_per_user_per_month = 0;
    std::int64_t monthly_total = 0;
    bool included_in_plan = false;
    std::vector<LicenceWarning> warnings;
};

}  // namespace es::licence
