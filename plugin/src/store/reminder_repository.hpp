// What the expiry-reminder job needs from the store: the shares whose owner should now be told that
// the link expires soon, and a way to record "reminded" together with the reminder message.
//
// The window is resolved per organisation: its organisation-wide policy override of
// `expiry_reminder_days` (policy_overrides, case type ""), else the configured default; 0 = none.
//
// Thread safety and errors as in share_repository.hpp. Several plugin instances may run the job
// at once on one database: mark_reminded() is a conditional update, so only one of them records a
// share and queues its message.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/outbox_message.hpp"
#include "domain/share.hpp"

namespace es::store {

class ReminderRepository {
  public:
    virtual ~ReminderRepository() = default;

    // Live shares (not revoked, expiry after the database clock) not yet reminded for their current
    // expiry, whose expiry lies within their organisation's reminder window; soonest expiry first,
    // at most `limit`. `default_days` is the configured `policy.expiry_reminder_days`.
    virtual std::vector<domain::Share> due_for_reminder(int default_days, int limit) = 0;

    // Records that the owner of `share_id` was reminded of the expiry `expires_at` and, in the same
    // transaction, queues `message` (none: nothing to send, e.g. the owner has no address — the
    // share is still marked so it is not tried again). False, and nothing queued, when the share
    // was reminded meanwhile (another instance), revoked, or its expiry changed since it was read.
    virtual bool mark_reminded(const std::string& share_id, domain::Timestamp expires_at,
                               const std::optional<domain::OutboxMessage>& message) = 0;
};

}  // namespace es::store
