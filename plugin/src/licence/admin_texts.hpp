// Texts of the organisation admin page (licensing), German and English. Kept beside the page
// rather than in ui/texts.cpp so licensing changes touch only licensing files.
#pragma once

#include <string>
#include <string_view>

#include "ui/texts.hpp"

namespace es::licence {

// The text for `key`; the key itself when unknown, so a missing text shows.
std::string admin_text(domain::Language language, std::string_view key);

// The text for `key` in the plural form the language's rules choose for `count`
// (`key` + ".one" when the table has it, else `key`), "{`name`}" filled with the number.
std::string admin_count_text(domain::Language language, std::string_view key, long long count,
                             const std::string& name = "count");

}  // namespace es::licence
