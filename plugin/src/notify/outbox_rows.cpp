#include "notify/outbox_rows.hpp"

#include "domain/contact.hpp"
#include "domain/share.hpp"
#include "notify/invalid_address.hpp"
#include "notify/message_kind.hpp"
#include "notify/outbox_payload.hpp"

namespace es::notify {

namespace {

OutboxPayload payload_for(const ShareFacts& facts) {
    OutboxPayload p;
    p.locale = facts.locale;
    p.organisation = facts.organisation_name;
    p.recipient_name = facts.recipient_name;
    p.sender_name = facts.owner_name;
    p.sender_email = facts.owner_email;
    p.case_reference = facts.case_reference;
    return p;
}

std::string checked_email(const std::string& address) {
    if (!domain::is_valid_email(address)) {
        throw InvalidAddress("not a valid e-mail address");
    }
    return address;
}

std::string checked_phone(const std::string& number) {
    const auto normalised = domain::normalise_phone(number);
    if (!normalised) {
        throw InvalidAddress("not a valid phone number (E.164, e.g. +41791234567)");
    }
    return *normalised;
}

domain::OutboxMessage row(const ShareFacts& facts, MessageKind kind, Channel channel,
                          std::string address, const OutboxPayload& payload,
                          domain::Timestamp now) {
    domain::OutboxMessage m;
    m.organisation_id = facts.organisation_id;
    m.share_id = facts.share_id;
    m.kind = std::string(to_text(kind));
    m.channel = std::string(to_text(channel));
    m.recipient_address = std::move(address);
    m.payload_json = payload.to_json();
    m.created_at = now;
    m.next_attempt_at = now;
    m.status = domain::OutboxMessage::Status::Pending;
    return m;
}

}  // namespace

ShareFacts share_facts(const domain::Share& share) {
    ShareFacts facts;
    facts.organisation_id = share.organisation_id;
    facts.share_id = share.id;
    facts.locale = share.locale;
    facts.recipient_name = share.recipient.name.value_or("");
    facts.protection = share.protection;
    facts.code_channel = share.code_channel;
    return facts;
}

domain::OutboxMessage share_link_row(const ShareFacts& facts, const std::string& recipient_email,
                                     const std::string& sealed_token, domain::Timestamp expires_at,
                                     domain::Timestamp now) {
    OutboxPayload p = payload_for(facts);
    p.sealed_token = sealed_token;
    p.expires_at = expires_at;
    if (facts.protection != domain::Protection::None) {
        p.protection = facts.protection == domain::Protection::Password ? "password"
                       : facts.protection == domain::Protection::Code   ? "code"
                                                                        : "both";
        if (domain::needs_code(facts.protection)) {
            p.code_channel = std::string(domain::to_text(facts.code_channel));
        }
    }
    return row(facts, MessageKind::ShareLink, Channel::Email, checked_email(recipient_email), p,
               now);
}

domain::OutboxMessage one_time_code_row(const ShareFacts& facts, domain::CodeChannel channel,
                                        const std::string& address, const std::string& sealed_code,
                                        int lifetime_minutes, domain::Timestamp now) {
    OutboxPayload p = payload_for(facts);
    p.sealed_code = sealed_code;
    p.valid_minutes = lifetime_minutes;
    domain::OutboxMessage m;
    if (channel == domain::CodeChannel::Sms) {
        m = row(facts, MessageKind::AccessCode, Channel::Sms, checked_phone(address), p, now);
    } else if (channel == domain::CodeChannel::Email) {
        m = row(facts, MessageKind::AccessCode, Channel::Email, checked_email(address), p, now);
    } else {
        throw InvalidAddress("a one-time code needs a phone number or an e-mail address");
    }
    m.expires_at = now + std::chrono::minutes(lifetime_minutes);
    return m;
}

domain::OutboxMessage first_opened_row(const ShareFacts& facts, AccessKind access,
                                       domain::Timestamp at, domain::Timestamp now) {
    OutboxPayload p = payload_for(facts);
    p.access = access == AccessKind::View ? "view" : "download";
    p.at = at;
    return row(facts, MessageKind::OwnerFirstOpened, Channel::Email,
               checked_email(facts.owner_email), p, now);
}

domain::OutboxMessage failed_attempts_row(const ShareFacts& facts, Credential credential,
                                          int attempts, bool throttled, domain::Timestamp at,
                                          domain::Timestamp now) {
    OutboxPayload p = payload_for(facts);
    p.credential = credential == Credential::Password ? "password" : "code";
    p.attempts = attempts;
    p.throttled = throttled;
    p.at = at;
    return row(facts, MessageKind::OwnerFailedAttempts, Channel::Email,
               checked_email(facts.owner_email), p, now);
}

domain::OutboxMessage code_limit_row(const ShareFacts& facts, int per_hour, domain::Timestamp at,
                                     domain::Timestamp now) {
    OutboxPayload p = payload_for(facts);
    p.attempts = per_hour;
    p.at = at;
    return row(facts, MessageKind::OwnerCodeLimit, Channel::Email, checked_email(facts.owner_email),
               p, now);
}

domain::OutboxMessage expiry_reminder_row(const ShareFacts& facts, domain::Timestamp expires_at,
                                          domain::Timestamp now) {
    OutboxPayload p = payload_for(facts);
    p.expires_at = expires_at;
    // Rounded up: a link expiring in 36 hours is reported as expiring "in 2 days".
    const auto hours = std::chrono::duration_cast<std::chrono::hours>(expires_at - now).count();
    p.days_left = static_cast<int>(std::max<std::int64_t>(1, (hours + 23) / 24));
    return row(facts, MessageKind::OwnerExpiryReminder, Channel::Email,
               checked_email(facts.owner_email), p, now);
}

std::optional<domain::OutboxMessage> delivery_failed_row(const domain::OutboxMessage& failed,
                                                         const std::string& error,
                                                         domain::Timestamp now) {
    MessageKind kind;
    try {
        kind = parse_message_kind(failed.kind);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    if (is_owner_alert(kind)) {
        return std::nullopt;
    }
    OutboxPayload original;
    try {
        original = OutboxPayload::from_json(failed.payload_json);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    if (!domain::is_valid_email(original.sender_email)) {
        return std::nullopt;
    }
    OutboxPayload p = original.scrubbed();
    p.expires_at.reset();
    p.valid_minutes = 0;
    p.failed_kind = failed.kind;
    p.failed_address = failed.recipient_address;
    p.error = error.substr(0, 300);
    p.at = now;
    ShareFacts facts;
    facts.organisation_id = failed.organisation_id;
    facts.share_id = failed.share_id;
    return row(facts, MessageKind::OwnerDeliveryFailed, Channel::Email, original.sender_email, p,
               now);
}

}  // namespace es::notify
