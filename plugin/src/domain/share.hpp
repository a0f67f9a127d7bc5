// A temporary, protected link to part of one case for one external person.
//
// Plain value type, no I/O. The selection (what is visible) lives beside it in Selection, because
// it changes independently (hide/show) and is loaded only when content is served.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/recipient.hpp"
#include "domain/revocation.hpp"
#include "domain/share_options.hpp"
#include "domain/share_secrets.hpp"
#include "domain/timestamp.hpp"

namespace es::domain {

struct Share {
    std::string id;  // 32 lowercase hex digits, random; never the token
    std::string organisation_id;
    std::string case_id;
    std::string creator_user_id;
    bool creator_removed = false;  // the host removed the user; the share stays, the panel says so
    // The creator's name as the host gave it when the share was made; empty for shares made
    // before it was kept (the panel then asks the host).
    std::string creator_name;
    Recipient recipient;
    Timestamp created_at;
    Timestamp expires_at;
    std::optional<Revocation> revocation;
    Protection protection = Protection::None;
    CodeChannel code_channel = CodeChannel::None;
    Language locale = Language::De;
    Delivery delivery = Delivery::DirectLink;
    std::optional<std::int64_t> download_limit;  // none: unlimited
    std::int64_t downloads_used = 0;
    bool notify_owner_on_open = false;
    // The recipient's first opening has been dealt with (recorded in the case's journal when the
    // organisation and the host have journal entries); set once, by a conditional update.
    bool first_opening_recorded = false;
    ShareSecrets secrets;

    // Revoked wins over expired: the owner's explicit act is what the panel should show. A share is
    // expired from `expires_at` on (the instant itself is no longer valid).
    ShareStatus status_at(Timestamp now) const {
        if (revocation) {
            return ShareStatus::Revoked;
        }
        return now >= expires_at ? ShareStatus::Expired : ShareStatus::Active;
    }

    bool downloads_exhausted() const { return download_limit && downloads_used >= *download_limit; }

    bool operator==(const Share&) const = default;
};

// Chooses where codes go: SMS when a phone is known, else e-mail; policy may force e-mail. None
// when the protection has no code part or there is no contact at all (validation rejects that).
CodeChannel choose_code_channel(Protection protection, const Recipient& recipient,
                                bool force_email);

}  // namespace es::domain
