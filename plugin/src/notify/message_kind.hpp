// What an outbox message is about and which way it travels, as enums over the text forms that
// domain::OutboxMessage::kind/channel hold (and template file names use). parse_* throws
// std::invalid_argument for anything else.
#pragma once

#include <string>
#include <string_view>

namespace es::notify {

enum class MessageKind {
    ShareLink,            // the e-mailed link to the recipient
    AccessCode,           // a one-time code to the recipient (SMS or e-mail)
    OwnerFirstOpened,     // to the owner: the recipient opened or downloaded for the first time
    OwnerFailedAttempts,  // to the owner: repeated wrong passwords/codes, or throttling
    OwnerDeliveryFailed,  // to the owner: a message to the recipient could not be delivered
    OwnerExpiryReminder,  // to the owner: the link expires in N days
    OwnerCodeLimit        // to the owner: the link's security codes for the hour are used up
};

enum class Channel { Email, Sms };

std::string_view to_text(MessageKind kind);
std::string_view to_text(Channel channel);
MessageKind parse_message_kind(std::string_view text);
Channel parse_channel(std::string_view text);

// Owner alerts never cause further alerts (no "delivery of the delivery-failed alert failed").
inline bool is_owner_alert(MessageKind kind) {
    return kind != MessageKind::ShareLink && kind != MessageKind::AccessCode;
}

}  // namespace es::notify
