// HTML escaping. Every text a page shows passes through escape(): host data (case fields,
// journal text, file names), organisation names, and our own strings alike.
#pragma once

#include <string>
#include <string_view>

namespace es::portal::pages {

// Escapes & < > " ' so the result is safe in element content and in quoted attribute values.
std::string escape(std::string_view text);

}  // namespace es::portal::pages
