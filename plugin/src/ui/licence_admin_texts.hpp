// Texts of the organisation admin page (licensing), German and English. Kept apart from
// ui/texts.cpp so licensing changes touch only the licence page's files.
#pragma once

#include <string>
#include <string_view>

#include "ui/texts.hpp"

namespace es::ui {

// The text for `key`; the key itself when unknown, so a missing text shows.
std::string admin_text(Language language, std::string_view key);

// The text for `key` in the plural form the language's rules choose for `count`
// (`key` + ".one" when the table has it, else `key`), "{`name`}" filled with the number.
std::string admin_count_text(Language language, std::string_view key, long long count,
                             const std::string& name = "count");

}  // namespace es::ui
