// A message to deliver (the link e-mail, a one-time code, an owner notice), written in the same
// transaction as the change that causes it, delivered later by the notification worker.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/timestamp.hpp"

namespace es::domain {

struct OutboxMessage {
    enum class Status { Pending, Sending, Sent, Failed, Dropped };

    std::int64_t id = 0;  // assigned by the store; also the base of an idempotent Message-ID
    std::string organisation_id;
    std::string share_id;
    std::string kind;     // "share_link", "one_time_code", "owner_opened", "expiry_reminder"
    std::string channel;  // "email" or "sms"
    std::string recipient_address;  // validated e-mail address or normalised phone number
    // JSON for the template. Secrets inside are sealed (SecretBox), never plain: the link token as
    // "sealed_token", a code as "sealed_code", each with associated data "<purpose>:<share id>".
    std::string payload_json;
    Timestamp created_at;
    Timestamp next_attempt_at;
    int attempts = 0;
    Status status = Status::Pending;
    std::string last_error;
    std::optional<Timestamp> expires_at;  // codes: not sent after this; dropped instead

    bool operator==(const OutboxMessage&) const = default;
};

std::string_view to_text(OutboxMessage::Status s);
OutboxMessage::Status parse_outbox_status(std::string_view text);

}  // namespace es::domain
