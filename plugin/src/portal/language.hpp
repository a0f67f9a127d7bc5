// The page language: a cookie the recipient set with the switch, else Accept-Language, else the
// share's locale.
#pragma once

#include <string_view>

#include "domain/share_options.hpp"

namespace es::portal {

enum class Language { De, En };

// The first of "de"/"en" by q-value in an Accept-Language header, or `fallback`.
Language negotiate_language(std::string_view accept_language, Language fallback);
Language language_of(domain::Locale locale);
std::string_view language_tag(Language language);  // "de" / "en"
bool parse_language_tag(std::string_view tag, Language& out);

}  // namespace es::portal
