// One e-mail ready for a MailSender: envelope addresses and the complete RFC 5322 message.
#pragma once

#include <string>

namespace es::notify {

struct OutgoingMail {
    std::string envelope_from;  // bare address for MAIL FROM
    std::string envelope_to;    // bare address for RCPT TO
    std::string message_id;     // "<…@…>", also in `data`; senders use it to name spool files
    std::string data;           // headers and body, CRLF line ends, not dot-stuffed
};

}  // namespace es::notify
