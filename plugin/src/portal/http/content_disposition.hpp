// `Content-Disposition: attachment` with both filename forms of RFC 6266 / RFC 8187 (5987):
// a quoted ASCII fallback for old clients and `filename*=UTF-8''…` with the exact name.
#pragma once

#include <string>
#include <string_view>

namespace es::portal::http {

// `name` is passed through safe_filename first; the result never contains CR, LF, a quote inside
// the quoted string, or a byte outside printable ASCII.
std::string attachment_disposition(std::string_view name);

// The quoted-string fallback: printable ASCII only, no quote or backslash, '_' for the rest.
std::string ascii_fallback(std::string_view safe_name);

// RFC 8187 value-chars: attr-char as is, everything else %XX (uppercase hex).
std::string rfc8187_encode(std::string_view utf8);

}  // namespace es::portal::http
