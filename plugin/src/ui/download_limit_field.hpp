// The download limit as forms show it: a text field (view models of ABI 1 have no number field)
// holding a whole number, empty for "unlimited". Used by the share dialog (under the advanced
// options) and by "Extend/Change".
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/violation.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

// The field "download_limit"; with `shown_by`, only while that checkbox is ticked.
Json download_limit_field(Language language, const std::string& value,
                          const char* shown_by = nullptr);

// Reads `name` (a string of digits or a JSON whole number; empty or absent: unlimited) into
// `limit`. Anything else adds ("download_limit", "download_limit_format"); the range is the
// domain's to check (check_download_limit).
void read_download_limit(const Json& payload, const char* name, std::optional<std::int64_t>& limit,
                         domain::Violations& problems);

}  // namespace es::ui
