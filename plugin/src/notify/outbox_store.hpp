// What the outbox worker and the panels need from the database: store::OutboxRepository (the
// store's contract, which shares use to write their rows in their own transaction) plus the few
// things the worker needs beyond it. See SqlOutboxStore for the implementation over both SQL
// backends.
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

namespace es::notify {

class OutboxStore {
  public:
    virtual ~OutboxStore() = default;

    // Adds a message (its id is ignored) in a transaction of its own; returns the id. For callers
    // without a transaction of their own: the expiry reminder job, tests, benches.
    virtual std::int64_t enqueue(const domain::OutboxMessage& message) = 0;

    // Up to `limit` due messages become "sending" for `lease` (attempts + 1, so a crash
    // mid-delivery still counts). Not reported within the lease, a message is due again:
    // at-least-once delivery, with the same Message-ID. Never returns a message past expires_at.
    virtual std::vector<domain::OutboxMessage> claim(int limit, std::chrono::seconds lease) = 0;

    // Outcomes of a claimed delivery. `scrubbed_payload` replaces the payload: a finished row
    // keeps no sealed link token or code.
    virtual void mark_sent(std::int64_t id, const std::string& scrubbed_payload) = 0;
    virtual void reschedule(std::int64_t id, const std::string& error,
                            std::chrono::milliseconds delay) = 0;
    // `alert` (to the share's owner) is added in the same transaction, so it cannot be lost.
    virtual void mark_failed(std::int64_t id, const std::string& error,
                             const std::string& scrubbed_payload,
                             const std::optional<domain::OutboxMessage>& alert) = 0;
    // Gives a claimed message back untried (the worker is stopping): pending, due now, the
    // attempt not counted.
    virtual void release(std::int64_t id) = 0;

    // Pending or sending messages past their expires_at become "dropped" and lose their payload.
    // Returns how many.
    virtual int expire_overdue() = 0;

    // How long until the earliest pending message is due (zero or negative: now), or nothing
    // when none is pending; the worker sleeps that long at most.
    virtual std::optional<std::chrono::milliseconds> next_due_in() = 0;

    // For the owner's panel: every message of one share, newest first.
    virtual std::vector<domain::OutboxMessage> list_for_share(const std::string& organisation_id,
                                                              const std::string& share_id) = 0;
    // For the organisation admin: failed messages, newest first.
    virtual std::vector<domain::OutboxMessage> list_failed(const std::string& organisation_id,
                                                           int limit) = 0;
    virtual std::optional<domain::OutboxMessage> find(std::int64_t id) = 0;
};

}  // namespace es::notify
