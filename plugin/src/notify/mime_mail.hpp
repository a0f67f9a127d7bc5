// Writes one multipart/alternative e-mail (plain text + HTML, UTF-8, quoted-printable) with headers
// that untrusted values cannot break out of (see header_encoding.hpp).
#pragma once

#include <string>

#include "domain/timestamp.hpp"

namespace es::notify {

struct MimeMail {
    std::string from_name;
    std::string from_address;
    std::string to_name;
    std::string to_address;
    std::string subject;
    std::string message_id;  // "<local@domain>"
    domain::Timestamp date;
    std::string text;  // plain-text part, UTF-8
    std::string html;  // HTML part, UTF-8

    // The whole message with CRLF line ends. Throws InvalidAddress for a malformed address.
    std::string serialize() const;
};

}  // namespace es::notify
