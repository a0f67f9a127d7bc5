// HTML escaping shared by everything that writes HTML: the portal's pages and the HTML part of
// e-mails. One implementation, so a fix reaches both.
#pragma once

#include <string>
#include <string_view>

namespace es::text {

// Escapes & < > " ' so the result is safe in element content and in quoted attribute values.
std::string html_escape(std::string_view text);

// The same, for text whose line breaks are kept: each line feed becomes <br>, carriage returns
// are dropped. One pass over the text.
std::string html_escape_lines(std::string_view text);

}  // namespace es::text
