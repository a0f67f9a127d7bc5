// OutboxRepository over either SQL backend.
#pragma once

#include "store/outbox_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlOutboxRepository : public OutboxRepository {
  public:
    explicit SqlOutboxRepository(Database& db) : db_(db) {}

    std::int64_t enqueue(const domain::OutboxMessage& message) override;
    std::vector<domain::OutboxMessage> claim(int limit, std::chrono::seconds lease) override;
    bool renew(std::int64_t id, int attempts, std::chrono::seconds lease) override;
    bool mark_sent(std::int64_t id, int attempts, const std::string& scrubbed_payload) override;
    bool reschedule(std::int64_t id, int attempts, const std::string& error,
                    std::chrono::milliseconds delay) override;
    bool mark_failed(std::int64_t id, int attempts, const std::string& error,
                     const std::string& scrubbed_payload,
                     const std::optional<domain::OutboxMessage>& alert) override;
    bool release(std::int64_t id, int attempts) override;
    int expire_overdue() override;
    std::optional<std::chrono::milliseconds> next_due_in() override;
    std::optional<domain::OutboxMessage> find(std::int64_t id) override;
    std::vector<domain::OutboxMessage> for_share(const std::string& share_id) override;
    std::vector<domain::OutboxMessage> list_failed(const std::string& organisation_id,
                                                   int limit) override;

  private:
    bool change_claimed(SqlConnection& c, const std::string& set, std::vector<SqlValue> params,
                        std::int64_t id, int attempts);

    Database& db_;
};

}  // namespace es::store::sql
