// Active users against licensed seats. Too many users never lock anyone out silently: the admin is
// warned at once, and only after the grace period are new shares refused; existing links keep
// working until the licence itself ends.
#pragma once

#include <cstdint>
#include <optional>

#include "domain/timestamp.hpp"

namespace es::licence {

struct SeatUsage {
    std::int64_t used = 0;
    std::optional<std::int64_t> licensed;  // nothing during the trial: it has no seat limit
    bool exceeded = false;
    std::optional<domain::Timestamp> grace_until;  // when exceeded
    bool grace_over = false;                       // exceeded and the grace period has passed
};

}  // namespace es::licence
