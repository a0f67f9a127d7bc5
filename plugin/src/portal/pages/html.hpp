// HTML escaping. Every text a page shows passes through escape(): host data (case fields, file
// names), organisation names, and our own strings alike; journal text, whose line breaks are
// kept, through text::html_escape_lines, the same escape in the same pass.
#pragma once

#include <string>
#include <string_view>

namespace es::portal::pages {

// Escapes & < > " ' so the result is safe in element content and in quoted attribute values.
std::string escape(std::string_view text);

}  // namespace es::portal::pages
