// One e-mail ready for a MailSender: envelope addresses and the complete RFC 5322 message.
#pragma once

#include <string>

namespace es::notify {

struct OutgoingMail {
    std::string envelope_from;  // bare address for MAIL FROM
    std::string envelope_to;    // bare address for RCPT TO
    std::string message_id;     // "<…@…>", also in `data`; senders use it to name spool files
    std::string data;           // headers and body, CRLF line ends, not dot-stuffed
    // Whose message this is. Not part of `data`: only the spool sender writes it down, so a
    // development mailbox can show each organisation its own mail and nobody else's.
    std::string organisation_id;
};

}  // namespace es::notify
