// What the case-list column shows for one case: how many active shares, and when the next ends.
#pragma once

#include <optional>
#include <string>

#include "domain/timestamp.hpp"

namespace es::domain {

struct CaseShareSummary {
    std::string case_id;
    int active_count = 0;
    std::optional<Timestamp> next_expiry;  // none when active_count is 0

    bool operator==(const CaseShareSummary&) const = default;
};

}  // namespace es::domain
