// Points in time as licence texts and keys show them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/timestamp.hpp"

namespace es::licence {

// "2026-11-23T13:27:16Z"
std::string format_utc(domain::Timestamp at);
// "2026-11-23"
std::string format_date(domain::Timestamp at);

// "2026-11-23" (midnight UTC) or "2026-11-23T13:27:16Z"; nothing when neither.
std::optional<domain::Timestamp> parse_utc(std::string_view text);

}  // namespace es::licence
