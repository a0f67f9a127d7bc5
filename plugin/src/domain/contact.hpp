// Checks for the recipient's contact data. Both end up in mail headers or gateway requests, so
// anything that could smuggle a header or a second recipient (CR, LF, comma, angle brackets,
// quotes, spaces, NUL) is rejected rather than escaped.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace es::domain {

// A pragmatic subset of RFC 5321/5322 that real mailboxes use: dot-atom local part (at most 64
// octets), '@', a DNS host name with at least two labels (at most 253 octets), ASCII only (an
// internationalised domain must be given as punycode "xn--…"), 254 octets in all.
bool is_valid_email(std::string_view address);

// E.164: '+', a non-zero first digit, 8 to 15 digits in all; spaces and dashes between digits are
// allowed and removed. Returns the normalised number ("+41791234567") or nothing when invalid.
std::optional<std::string> normalise_phone(std::string_view number);

}  // namespace es::domain
