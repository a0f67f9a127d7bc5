// The one language type: what a caseworker's screens, a recipient's pages, messages and journal
// entries are written in. Every layer uses this type; the parsers of its spellings live here too.
#pragma once

#include <optional>
#include <string_view>

namespace es::domain {

enum class Language { De, En };

std::string_view to_text(Language l);  // "de" / "en": the stored and the HTML form

// A BCP 47 tag or POSIX locale from the host ("de", "de-CH", "de_DE"): German when it says
// German, else English.
Language parse_language(std::string_view tag);
// Exactly "de" or "en" (a cookie, a form value); nothing for anything else.
std::optional<Language> parse_language_tag(std::string_view tag);
// The first of German and English by q-value in an Accept-Language header, or `fallback`.
Language negotiate_language(std::string_view accept_language, Language fallback);

}  // namespace es::domain
