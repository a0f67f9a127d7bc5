// The outbox the notification worker drains. Messages of a new share are written by
// ShareRepository::create in the share's transaction; enqueue() is for later messages (a code, a
// resent link, an owner notice).
//
// Thread safety and errors as in share_repository.hpp. Claims are atomic per row, so several
// workers (in several processes) never deliver one message twice within a lease.
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

    // Stores a pending message due now (created_at, next_attempt_at: database clock when the given
    // values are zero). Returns its id.
    virtual std::int64_t enqueue(const domain::OutboxMessage& message) = 0;

    // Claims up to `limit` due messages (pending, next attempt reached, not expired), oldest first:
    // they become "sending" with the next attempt `lease` ahead, so a crashed worker's claims come
    // back after the lease. Attempts are counted here.
    virtual std::vector<domain::OutboxMessage> claim_due(int limit, std::chrono::seconds lease) = 0;

    virtual void mark_sent(std::int64_t id) = 0;
    // Back to pending, due after `delay`, with the error remembered.
    virtual void mark_retry(std::int64_t id, const std::string& error,
                            std::chrono::seconds delay) = 0;
    // Given up: no further attempts.
    virtual void mark_failed(std::int64_t id, const std::string& error) = 0;

    // Pending or sending messages past their expires_at become "dropped" (a stale code must not
    // arrive). Returns how many.
    virtual int drop_expired() = 0;

    virtual std::optional<domain::OutboxMessage> find(std::int64_t id) = 0;
    virtual std::vector<domain::OutboxMessage> for_share(const std::string& share_id) = 0;
};

}  // namespace es::store
