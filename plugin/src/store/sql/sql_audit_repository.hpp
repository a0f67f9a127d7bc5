// AuditRepository over either SQL backend.
#pragma once

#include "store/audit_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlAuditRepository : public AuditRepository {
  public:
    explicit SqlAuditRepository(Database& db) : db_(db) {}

    void append(const domain::AuditEntry& entry) override;
    std::vector<domain::AuditEntry> for_share(const std::string& organisation_id,
                                              const std::string& share_id,
                                              domain::Page page) override;
    std::vector<domain::AuditEntry> for_case(const std::string& organisation_id,
                                             const std::string& case_id,
                                             domain::Page page) override;
    std::vector<domain::AuditEntry> for_organisation(const std::string& organisation_id,
                                                     domain::Page page) override;

  private:
    std::vector<domain::AuditEntry> page_of(const std::string& condition,
                                            const std::vector<SqlValue>& params, domain::Page page);

    Database& db_;
};

}  // namespace es::store::sql
