// Mail header values built from untrusted text (names, subjects with names in them).
//
// Every function here returns a value that cannot end the header it is put into: control
// characters (CR, LF, TAB, NUL, …) become spaces before anything else happens, and non-ASCII text
// becomes RFC 2047 encoded-words (UTF-8, base64), folded with CRLF + space as RFC 5322 allows.
#pragma once

#include <string>
#include <string_view>

#include "domain/timestamp.hpp"

namespace es::notify {

// An unstructured header value (Subject): plain when printable ASCII, encoded-words otherwise.
// The result may contain "\r\n " folds; put it after "Subject: ".
std::string encode_header_text(std::string_view utf8);

// "Name <address>" for From/To. The address must pass domain::is_valid_email (InvalidAddress
// otherwise); the name is quoted or encoded as needed and may be empty.
std::string format_mailbox(std::string_view display_name, std::string_view address);

// RFC 5322 date-time in UTC: "Mon, 24 Nov 2025 14:30:05 +0000".
std::string format_mail_date(domain::Timestamp at);

}  // namespace es::notify
