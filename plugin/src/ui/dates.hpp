// Dates as the caseworker's forms show and submit them. Days are UTC days: a link "until
// 2026-12-13" works until the end of that day, 23:59:59 UTC.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/timestamp.hpp"

namespace es::ui {

std::string format_date(domain::Timestamp t);       // "2026-12-13"
std::string format_date_time(domain::Timestamp t);  // "2026-12-13 09:41 UTC"
// The last millisecond of the given day; nothing when `text` is not a valid YYYY-MM-DD date.
std::optional<domain::Timestamp> end_of_day(std::string_view text);

}  // namespace es::ui
