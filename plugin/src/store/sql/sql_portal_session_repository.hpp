// PortalSessionRepository over either SQL backend.
#pragma once

#include "store/portal_session_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlPortalSessionRepository : public PortalSessionRepository {
  public:
    explicit SqlPortalSessionRepository(Database& db) : db_(db) {}

    void create(const domain::PortalSession& session) override;
    std::optional<domain::PortalSession> find_valid(const std::string& session_hash,
                                                    std::chrono::minutes idle) override;
    void mark_passed(const std::string& session_hash, bool password, bool code) override;
    void remove(const std::string& session_hash) override;
    int purge_idle(std::chrono::minutes idle) override;

  private:
    Database& db_;
};

}  // namespace es::store::sql
