// The outbox: messages waiting for the notification worker. Messages caused by a change are
// written by the repository making that change, in its transaction (ShareRepository::create and
// send_by_email, CodeRepository::issue_and_queue, the owner-alert and reminder marks); enqueue()
// is for callers without a transaction of their own. Rows are built by notify/outbox_rows.hpp.
//
// Every call is one short transaction of its own, safe from several threads and processes at
// once. Times are the database's clock. claim() is the only way to take a message for delivery,
// and it is an atomic conditional UPDATE per row, so two workers (in one process or on two
// machines) never hold the same message within a lease. Every later change of a claimed row is
// conditional on that claim, so a worker whose lease ran out cannot undo its successor's work.
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

    // The calls below act on one claim, named by the row's id and its `attempts` as claim()
    // returned them: every claim counts one more attempt, so once a lapsed claim was taken by
    // another worker the old pair matches nothing. Each returns false, changing nothing, when the
    // claim is no longer the caller's (lapsed and claimed again, or the row was dropped).

    // The claim holds for `lease` from now: called just before sending, so that the lease covers
    // one delivery rather than a whole batch.
    [[nodiscard]] virtual bool renew(std::int64_t id, int attempts, std::chrono::seconds lease) = 0;

    // Outcomes of a claimed delivery. `scrubbed_payload` replaces the payload: a finished row
    // keeps no sealed link token or code.
    virtual bool mark_sent(std::int64_t id, int attempts, const std::string& scrubbed_payload) = 0;
    // Back to pending, due after `delay`, with the error remembered.
    virtual bool reschedule(std::int64_t id, int attempts, const std::string& error,
                            std::chrono::milliseconds delay) = 0;
    // Given up. `alert` (to the share's owner) is added in the same transaction, so it cannot be
    // lost, and only when the claim was still ours, so it cannot come twice.
    virtual bool mark_failed(std::int64_t id, int attempts, const std::string& error,
                             const std::string& scrubbed_payload,
                             const std::optional<domain::OutboxMessage>& alert) = 0;
    // Gives a claimed message back untried (the worker is stopping):
    // pending, due now, the attempt not counted. The caller forgets the claim: the next claim
    // counts the same attempt again.
    virtual bool release(std::int64_t id, int attempts) = 0;

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
