// UI texts in German and English. German labels follow the German source document, English labels
// the English one, so users recognise what they were trained on.
#pragma once

#include <string>
#include <string_view>

#include "domain/share_options.hpp"

namespace es::ui {

enum class Language { English, German };

// "de", "de-CH", "de_DE" → German; everything else English.
Language language_of(std::string_view locale) noexcept;
Language language_of(domain::Locale locale) noexcept;

// The text for `key` in `language`; the key itself when unknown, so a missing text is visible.
std::string text(Language language, std::string_view key);

}  // namespace es::ui
