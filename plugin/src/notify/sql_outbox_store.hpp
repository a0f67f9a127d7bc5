// OutboxStore over the store's SQL layer, one implementation for SQLite and MySQL/MariaDB: claim,
// find and listing by share come from store::sql::SqlOutboxRepository; what the worker needs
// beyond it (scrubbing payloads, the owner alert in the failure's transaction, release, next due,
// the admin's failed list) is here, on the same `outbox` table and the same Database.
//
// Thread safety: as Database — any thread, each call its own transaction.
#pragma once

#include "notify/outbox_store.hpp"
#include "store/sql/database.hpp"
#include "store/sql/sql_outbox_repository.hpp"

namespace es::notify {

class SqlOutboxStore : public OutboxStore {
  public:
    // `db` (SqlStore::database()) must outlive the store.
    explicit SqlOutboxStore(store::sql::Database& db) : db_(db), repository_(db) {}

    std::int64_t enqueue(const domain::OutboxMessage& message) override;
    std::vector<domain::OutboxMessage> claim(int limit, std::chrono::seconds lease) override;
    void mark_sent(std::int64_t id, const std::string& scrubbed_payload) override;
    void reschedule(std::int64_t id, const std::string& error,
                    std::chrono::milliseconds delay) override;
    void mark_failed(std::int64_t id, const std::string& error, const std::string& scrubbed_payload,
                     const std::optional<domain::OutboxMessage>& alert) override;
    void release(std::int64_t id) override;
    int expire_overdue() override;
    std::optional<std::chrono::milliseconds> next_due_in() override;
    std::vector<domain::OutboxMessage> list_for_share(const std::string& organisation_id,
                                                      const std::string& share_id) override;
    std::vector<domain::OutboxMessage> list_failed(const std::string& organisation_id,
                                                   int limit) override;
    std::optional<domain::OutboxMessage> find(std::int64_t id) override;

  private:
    store::sql::Database& db_;
    store::sql::SqlOutboxRepository repository_;
};

}  // namespace es::notify
