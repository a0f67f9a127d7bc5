// OwnerAlertRepository over either SQL backend (see Database for reconnection rules).
#pragma once

#include "store/owner_alert_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlOwnerAlertRepository : public OwnerAlertRepository {
  public:
    explicit SqlOwnerAlertRepository(Database& db) : db_(db) {}

    std::optional<domain::Timestamp> first_opened_at(const std::string& share_id) override;
    bool mark_first_opened(const std::string& share_id,
                           const std::optional<domain::OutboxMessage>& message) override;
    bool failed_attempts_alert_due(const std::string& share_id,
                                   std::chrono::seconds interval) override;
    bool mark_failed_attempts_alerted(const std::string& share_id, std::chrono::seconds interval,
                                      const std::optional<domain::OutboxMessage>& message) override;
    bool code_limit_alert_due(const std::string& mark_key, std::chrono::seconds interval) override;
    bool mark_code_limit_alerted(const std::string& mark_key, std::chrono::seconds interval,
                                 const std::optional<domain::OutboxMessage>& message) override;

  private:
    Database& db_;
};

}  // namespace es::store::sql
