// Quoted-printable (RFC 2045 §6.7) for UTF-8 text bodies: 7-bit safe, lines of at most 76
// characters, CRLF line ends. A body's own line breaks (LF or CRLF) stay hard breaks.
#pragma once

#include <string>
#include <string_view>

namespace es::notify {

std::string encode_quoted_printable(std::string_view text);

}  // namespace es::notify
