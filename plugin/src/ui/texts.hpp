// UI texts in German and English. German labels follow the German source document, English labels
// the English one, so users recognise what they were trained on.
#pragma once

#include <string>
#include <string_view>

#include "domain/language.hpp"

namespace es::ui {

// The one language type (domain/language.hpp), named here as the view models have always named it.
using domain::Language;

// The text for `key` in `language`; the key itself when unknown, so a missing text is visible.
std::string text(Language language, std::string_view key);

// The language's plural category of `count` by ICU's rules (CLDR): "one" or "other" in German and
// English, "few", "many", … in languages that have them.
std::string plural_category(Language language, long long count);

// The text for `key` in the plural form `count` asks for, "{count}" filled in: the entry
// `key` + "." + plural_category ("toast.revoked_all.one") when the table has one, else `key`
// itself, which holds the "other" form. Every text with a number of something goes through here,
// so "1 links" cannot happen.
std::string count_text(Language language, std::string_view key, long long count);

// "1 day" / "20 days", "1 Tag" / "20 Tage"; "1 hour" / "24 hours", "1 Stunde" / "24 Stunden".
std::string days_text(Language language, long long days);
std::string hours_text(Language language, long long hours);

}  // namespace es::ui
