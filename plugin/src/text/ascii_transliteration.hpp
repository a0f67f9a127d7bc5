// Text in any script written with ASCII letters, for places that accept nothing else (the plain
// `filename=` of a download, which curl and older clients use).
//
// ICU's transform "de-ASCII; Any-Latin; Latin-ASCII": German umlauts as "ae", "oe", "ue", "ss"
// (the way German speakers write them without umlauts), every other script romanised
// (Japanese, Cyrillic, Greek, Arabic, Chinese …), then accents dropped. Characters without an ASCII
// form (symbols, emoji) stay as they are; the caller filters what its context allows.
// Thread-safe: each thread uses its own copy of the transform.
#pragma once

#include <string>
#include <string_view>

namespace es::text {

// `utf8` must be valid UTF-8 (invalid sequences come back as U+FFFD).
std::string ascii_transliteration(std::string_view utf8);

}  // namespace es::text
