// The outbox: messages waiting for the notification worker. Messages caused by a change are
// written by the repository making that change, in its transaction (ShareRepository::create and
// send_by_email, CodeRepository::issue_and_queue, the owner-alert and reminder marks); enqueue()
// is for callers without a transaction of their own. Rows are built by notify/outbox_rows.hpp.
//
// Every call is one short transaction of its own, safe from several threads and processes at
// once. Times are the database's clock. claim() is the only way to take a message for delivery,
// and it is an atomic conditional UPDATE per row, so two workers (in one process or on two
// machines) never hold the same message within a lease.
//
// Errors: es::domain::Error (Kind::Unavailable when the database is away); the worker logs it
// and tries again at its next wake-up, so nothing is lost.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/outbox_message.hpp"

namespace es::store {

class OutboxRepository {
  public:
    virtual ~OutboxRepository() = default;

    // Stores a pending message (its id is ignored), due at its next_attempt_at or, when that is
    // zero, now by the database clock. Returns its id.
    virtual std::int64_t enqueue(const domain::OutboxMessage& message) = 0;

    // Up to `limit` due messages become "sending" for `lease` (attempts + 1, so a crash
    // mid-delivery still counts). Not reported within the lease, a message is due again:
    // at-least-once delivery, with the same Message-ID. Never returns a message past expires_at.
    virtual std::vector<domain::OutboxMessage> claim(int limit, std::chrono::seconds lease) = 0;

    // Outcomes of a claimed delivery. `scrubbed_payload` replaces the payload: a finished row
    // keeps no sealed link token or code.
    virtual void mark_sent(std::int64_t id, const std::string& scrubbed_payload) = 0;
    // Back to pending, due after `delay`, with the error remembered; only while still "sending",
    // so a row dropped meanwhile stays dropped.
    virtual void reschedule(std::int64_t id, const std::string& error,
                            std::chrono::milliseconds delay) = 0;
    // Given up. `alert` (to the share's owner) is added in the same transaction, so it cannot be
    // lost.
    virtual void mark_failed(std::int64_t id, const std::string& error,
                             const std::string& scrubbed_payload,
                             const std::optional<domain::OutboxMessage>& alert) = 0;
    // Gives a claimed message back untried (the worker is stopping): pending, due now, the
    // attempt not counted.
    virtual void release(std::int64_t id) = 0;

    // Pending or sending messages past their expires_at become "dropped" and lose their payload
    // (a stale code must not arrive). Returns how many.
    virtual int expire_overdue() = 0;

    // How long until the earliest pending message is due (zero or negative: now), or nothing
    // when none is pending; the worker sleeps that long at most.
    virtual std::optional<std::chrono::milliseconds> next_due_in() = 0;

    virtual std::optional<domain::OutboxMessage> find(std::int64_t id) = 0;
    // Every message of one share with its payload, oldest first.
    virtual std::vector<domain::OutboxMessage> for_share(const std::string& share_id) = 0;
    // For the organisation admin: failed messages without their payloads, newest first.
    virtual std::vector<domain::OutboxMessage> list_failed(const std::string& organisation_id,
                                                           int limit) = 0;
};

}  // namespace es::store
