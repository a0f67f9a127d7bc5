// Texts of the organisation admin page (licensing), German and English. Kept beside the page
// rather than in ui/texts.cpp so licensing changes touch only licensing files.
#pragma once

#include <string>
#include <string_view>

#include "ui/texts.hpp"

namespace es::licence {

// The text for `key`; the key itself when unknown, so a missing text shows.
std::string admin_text(ui::Language language, std::string_view key);

}  // namespace es::licence
