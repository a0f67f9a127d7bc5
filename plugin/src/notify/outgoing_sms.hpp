// One SMS ready for an SmsSender.
#pragma once

#include <string>

#include "domain/timestamp.hpp"

namespace es::notify {

struct OutgoingSms {
    std::string to;          // E.164, "+41791234567"
    std::string text;        // UTF-8, one line
    std::string message_id;  // the same scheme as e-mails; sent as Idempotency-Key to gateways
    domain::Timestamp created_at;
    std::string organisation_id;  // as in OutgoingMail: for the spool file only
};

}  // namespace es::notify
