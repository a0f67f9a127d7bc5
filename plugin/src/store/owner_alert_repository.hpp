// What the owner alerts raised by the portal need from the store: "first opened" at most once per
// share, "failed tries" at most once per share per interval, each recorded together with its
// outbox message.
//
// Several requests (and several plugin instances on one database) may race to raise the same
// alert: the marks are conditional updates of the share's row, and the message is queued in the
// same transaction only by the request whose update changed the row.
//
// Thread safety and errors as in share_repository.hpp.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "domain/outbox_message.hpp"
#include "domain/timestamp.hpp"

namespace es::store {

class OwnerAlertRepository {
  public:
    virtual ~OwnerAlertRepository() = default;

    // When the recipient first opened the share (the database clock), or nothing: not yet, or no
    // alert was asked for. One read by primary key, so the portal may ask on every request.
    virtual std::optional<domain::Timestamp> first_opened_at(const std::string& share_id) = 0;

    // Records the first opening now and, in the same transaction, queues `message` (none: nothing
    // to send, e.g. the owner has no address — the share is marked all the same). False, and
    // nothing queued, when the share was already marked (another request won) or does not exist.
    virtual bool mark_first_opened(const std::string& share_id,
                                   const std::optional<domain::OutboxMessage>& message) = 0;

    // Whether no failed-tries alert was recorded for the share within the last `interval`.
    virtual bool failed_attempts_alert_due(const std::string& share_id,
                                           std::chrono::seconds interval) = 0;

    // Records a failed-tries alert now and queues `message` with it, unless one was recorded
    // within the last `interval` (then false and nothing queued).
    virtual bool mark_failed_attempts_alerted(
        const std::string& share_id, std::chrono::seconds interval,
        const std::optional<domain::OutboxMessage>& message) = 0;

    // The same pair for "the share's security codes are used up". Its mark is the throttle row
    // `mark_key`, one of the share's counters (domain::share_throttle_key), so that the owner's
    // "reset counters" also lets the next exhaustion alert again.
    virtual bool code_limit_alert_due(const std::string& mark_key,
                                      std::chrono::seconds interval) = 0;
    virtual bool mark_code_limit_alerted(const std::string& mark_key, std::chrono::seconds interval,
                                         const std::optional<domain::OutboxMessage>& message) = 0;
};

}  // namespace es::store
