#include "notify/message_kind.hpp"

#include <array>
#include <stdexcept>
#include <utility>

namespace es::notify {

namespace {

constexpr std::array<std::pair<MessageKind, std::string_view>, 7> kKinds{{
    {MessageKind::ShareLink, "share_link"},
    {MessageKind::AccessCode, "one_time_code"},
    {MessageKind::OwnerFirstOpened, "owner_opened"},
    {MessageKind::OwnerFailedAttempts, "owner_failed_attempts"},
    {MessageKind::OwnerDeliveryFailed, "owner_delivery_failed"},
    {MessageKind::OwnerExpiryReminder, "expiry_reminder"},
    {MessageKind::OwnerCodeLimit, "owner_code_limit"},
}};

}  // namespace

std::string_view to_text(MessageKind kind) {
    for (const auto& [k, text] : kKinds) {
        if (k == kind) {
            return text;
        }
    }
    throw std::invalid_argument("unknown message kind");
}

std::string_view to_text(Channel channel) {
    return channel == Channel::Email ? "email" : "sms";
}

MessageKind parse_message_kind(std::string_view text) {
    for (const auto& [k, t] : kKinds) {
        if (t == text) {
            return k;
        }
    }
    throw std::invalid_argument("unknown message kind '" + std::string(text) + "'");
}

Channel parse_channel(std::string_view text) {
    if (text == "email") {
        return Channel::Email;
    }
    if (text == "sms") {
        return Channel::Sms;
    }
    throw std::invalid_argument("unknown channel '" + std::string(text) + "'");
}

}  // namespace es::notify
