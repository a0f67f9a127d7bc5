// Builds the outbox row for each kind of message the module sends, and with it the payload the
// composer reads (OutboxPayload): the only way a message is made, so every author of one kind
// writes the same shape. The caller writes the row in the same transaction as the change that
// causes it (the share, the code, the access event), then calls OutboxWorker::wake() after the
// commit so the message leaves at once.
//
// Each function validates the address (InvalidAddress when malformed or dangerous), so nothing
// undeliverable or injectable reaches the outbox, and takes secrets only sealed.
#pragma once

#include <optional>
#include <string>

#include "domain/outbox_message.hpp"
#include "domain/share.hpp"
#include "domain/share_options.hpp"
#include "domain/timestamp.hpp"

namespace es::notify {

// What every message about one share says.
struct ShareFacts {
    std::string organisation_id;
    std::string organisation_name;
    std::string share_id;
    std::string case_reference;  // the case as its owner knows it (title or number)
    domain::Language locale = domain::Language::De;  // the share's locale
    std::string owner_name;
    std::string owner_email;  // may be empty: then no owner alerts can be sent
    std::string recipient_name;
    // What the link e-mail tells the recipient to have ready (share_link_row only).
    domain::Protection protection = domain::Protection::None;
    domain::CodeChannel code_channel = domain::CodeChannel::None;
};

// What the share itself tells its messages: organisation, id, locale, the recipient's name for
// the greeting (never the address), protection and code channel. The caller adds what only the
// host knows (organisation name, owner, case reference) and overrides what a message says
// otherwise.
ShareFacts share_facts(const domain::Share& share);

enum class AccessKind { View, Download };
enum class Credential { Password, Code };

// The link e-mail, for a new share and for a link sent later alike. `sealed_token` is the share's
// ShareSecrets::sealed_token (associated data "token:<share id>"); `expires_at` the share's expiry,
// shown in the mail.
domain::OutboxMessage share_link_row(const ShareFacts& facts, const std::string& recipient_email,
                                     const std::string& sealed_token, domain::Timestamp expires_at,
                                     domain::Timestamp now);

// A one-time code by SMS or e-mail (`channel`: the share's, domain::choose_code_channel).
// `sealed_code` is the code sealed with associated data "code:<share id>". The row expires with the
// code: never sent late.
domain::OutboxMessage one_time_code_row(const ShareFacts& facts, domain::CodeChannel channel,
                                        const std::string& address, const std::string& sealed_code,
                                        int lifetime_minutes, domain::Timestamp now);

// Owner alerts; all go to facts.owner_email (InvalidAddress when it is empty or malformed).
domain::OutboxMessage first_opened_row(const ShareFacts& facts, AccessKind access,
                                       domain::Timestamp at, domain::Timestamp now);
domain::OutboxMessage failed_attempts_row(const ShareFacts& facts, Credential credential,
                                          int attempts, bool throttled, domain::Timestamp at,
                                          domain::Timestamp now);
// The share's security codes for the hour are used up: `per_hour` were sent (share-wide cap).
domain::OutboxMessage code_limit_row(const ShareFacts& facts, int per_hour, domain::Timestamp at,
                                     domain::Timestamp now);
domain::OutboxMessage expiry_reminder_row(const ShareFacts& facts, domain::Timestamp expires_at,
                                          domain::Timestamp now);

// The alert that tells the owner `failed` (to the recipient) could not be delivered, or nothing
// when `failed` is itself an owner alert or its payload names no owner address.
std::optional<domain::OutboxMessage> delivery_failed_row(const domain::OutboxMessage& failed,
                                                         const std::string& error,
                                                         domain::Timestamp now);

}  // namespace es::notify
