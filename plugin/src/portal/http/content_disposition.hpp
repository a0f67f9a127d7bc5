// `Content-Disposition: attachment` with both filename forms of RFC 6266 / RFC 8187 (5987):
// `filename*=UTF-8''…` with the exact name for browsers, and a quoted ASCII `filename=` for curl
// and older clients, transliterated ("Bericht über Lärm.pdf" → "Bericht ueber Laerm.pdf",
// "レポート.txt" → "repoto.txt") rather than reduced to underscores.
#pragma once

#include <string>
#include <string_view>

namespace es::portal::http {

// `name` is passed through safe_filename first; the result never contains CR, LF, a quote inside
// the quoted string, or a byte outside printable ASCII. `fallback_stem` names the file in the
// ASCII form when nothing readable is left of the name's stem (see ascii_filename).
std::string attachment_disposition(std::string_view name, std::string_view fallback_stem);
// The same names with `inline`, for a file shown in the browser (http/inline_view.hpp); the name
// is what the browser offers when the recipient saves it from its viewer.
std::string inline_disposition(std::string_view name, std::string_view fallback_stem);

// The quoted-string form: the name transliterated to ASCII (text::ascii_transliteration), with
// letters, digits, spaces and harmless punctuation kept and '_' for each run of anything else (no
// quote, backslash, '%' or ';'). The extension is kept. When the stem has no letter or digit
// left, `fallback_stem` (filtered the same way; "download" when that is empty too) takes its place.
std::string ascii_filename(std::string_view safe_name, std::string_view fallback_stem);

// True when ascii_filename would use the fallback for this name: callers that must fetch the
// fallback's parts (the case number) do so only then.
bool needs_fallback_stem(std::string_view safe_name);

// A fallback stem from what identifies a file in its case: "<case number>-<item id>", or the item
// id alone when the case number is not to be shown (empty).
std::string fallback_stem(std::string_view case_number, std::string_view item_id);

// RFC 8187 value-chars: attr-char as is, everything else %XX (uppercase hex).
std::string rfc8187_encode(std::string_view utf8);

}  // namespace es::portal::http
