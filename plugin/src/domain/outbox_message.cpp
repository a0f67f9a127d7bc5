#include "domain/outbox_message.hpp"

#include <string>

#include "domain/error.hpp"

namespace es::domain {

std::string_view to_text(OutboxMessage::Status s) {
    switch (s) {
        case OutboxMessage::Status::Pending:
            return "pending";
        case OutboxMessage::Status::Sending:
            return "sending";
        case OutboxMessage::Status::Sent:
            return "sent";
        case OutboxMessage::Status::Failed:
            return "failed";
        case OutboxMessage::Status::Dropped:
            return "dropped";
    }
    return "failed";
}

OutboxMessage::Status parse_outbox_status(std::string_view text) {
    using S = OutboxMessage::Status;
    for (S s : {S::Pending, S::Sending, S::Sent, S::Failed, S::Dropped}) {
        if (to_text(s) == text) {
            return s;
        }
    }
    throw Error(Error::Kind::Internal, "unknown outbox status '" + std::string(text) + "'");
}

}  // namespace es::domain
