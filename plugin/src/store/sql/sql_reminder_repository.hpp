// ReminderRepository over either SQL backend (see Database for reconnection rules).
#pragma once

#include "store/reminder_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

// The SET clauses every change of a share's expiry carries: the expiry was set now, and a reminder
// is forgotten when the expiry moves later, so the new expiry gets its own. Binds one parameter,
// the new expiry (epoch ms). They must come before the assignment of expires_at: MySQL evaluates
// single-table SET clauses left to right, so a later clause would compare with the new value.
extern const char* const kExpiryChangeClauses;

class SqlReminderRepository : public ReminderRepository {
  public:
    explicit SqlReminderRepository(Database& db) : db_(db) {}

    std::vector<domain::Share> due_for_reminder(int default_days, int limit) override;
    bool mark_reminded(const std::string& share_id, domain::Timestamp expires_at,
                       const std::optional<domain::OutboxMessage>& message) override;

  private:
    Database& db_;
};

}  // namespace es::store::sql
