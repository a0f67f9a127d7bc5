// Something an organisation admin should act on. Codes are stable; the admin page words them.
#pragma once

#include <optional>
#include <string>

#include "domain/timestamp.hpp"

namespace es::licence {

struct LicenceWarning {
    enum class Level { Info, Warning, Error };
    Level level = Level::Warning;
    // "seats_exceeded", "seats_grace_over", "trial_ends_soon", "licence_ends_soon", "expired",
    // "not_activated", "deactivated"
    std::string code;
    std::optional<domain::Timestamp> at;  // the date the warning is about, when there is one
};

}  // namespace es::licence
