// OutboxRepository over either SQL backend.
#pragma once

#include "store/outbox_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlOutboxRepository : public OutboxRepository {
  public:
    explicit SqlOutboxRepository(Database& db) : db_(db) {}

    std::int64_t enqueue(const domain::OutboxMessage& message) override;
    std::vector<domain::OutboxMessage> claim_due(int limit, std::chrono::seconds lease) override;
    void mark_sent(std::int64_t id) override;
    void mark_retry(std::int64_t id, const std::string& error, std::chrono::seconds delay) override;
    void mark_failed(std::int64_t id, const std::string& error) override;
    int drop_expired() override;
    std::optional<domain::OutboxMessage> find(std::int64_t id) override;
    std::vector<domain::OutboxMessage> for_share(const std::string& share_id) override;

  private:
    Database& db_;
};

}  // namespace es::store::sql
