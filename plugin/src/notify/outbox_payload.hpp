// The facts a message is made from, as stored in domain::OutboxMessage::payload_json.
//
// Only facts, no text: the composer renders the text at delivery time from the templates in force,
// in `locale`. Secrets are never in plain text here: the link token travels as the share's own
// sealed token (associated data "token:<share id>"), a code as "sealed_code" ("code:<share id>");
// both are removed from the row once the message is sent, failed or dropped (scrubbed()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/share_options.hpp"
#include "domain/timestamp.hpp"

namespace es::notify {

struct OutboxPayload {
    domain::Language locale = domain::Language::De;
    std::string organisation;    // display name of the organisation
    std::string recipient_name;  // the external person (may be empty)
    std::string sender_name;     // the share's owner
    std::string sender_email;    // the owner's address: where delivery-failed alerts go
    std::string case_reference;  // how the owner recognises the case (owner alerts only)

    std::optional<domain::Timestamp> expires_at;  // share_link, expiry_reminder
    std::string sealed_token;                     // share_link
    // share_link: what the recipient will be asked for ("password", "code", "both"; empty: none)
    // and where a code goes ("sms", "email"). Never the password itself.
    std::string protection;
    std::string code_channel;
    std::string sealed_code;  // one_time_code
    int valid_minutes = 0;    // one_time_code

    std::optional<domain::Timestamp> at;  // owner alerts: when it happened
    std::string access;                   // owner_opened: "view" or "download"
    int attempts = 0;                     // owner_failed_attempts; owner_code_limit: codes/hour
    std::string credential;               // owner_failed_attempts: "password" or "code"
    bool throttled = false;               // owner_failed_attempts
    std::string failed_kind;              // owner_delivery_failed: kind of the lost message
    std::string failed_address;           // owner_delivery_failed
    std::string error;                    // owner_delivery_failed
    int days_left = 0;                    // expiry_reminder

    std::string to_json() const;
    // Throws std::invalid_argument for text that is not a payload.
    static OutboxPayload from_json(const std::string& json);

    // The same payload without its sealed secrets: what a finished row keeps.
    OutboxPayload scrubbed() const;
};

}  // namespace es::notify
