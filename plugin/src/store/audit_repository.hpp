// The audit trail of changes. Share changes write their entry inside their own transaction (see
// ShareRepository); append() is for changes that touch no share (policy edits, licence changes).
//
// Thread safety and errors as in share_repository.hpp.
#pragma once

#include <string>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/page.hpp"

namespace es::store {

class AuditRepository {
  public:
    virtual ~AuditRepository() = default;

    virtual void append(const domain::AuditEntry& entry) = 0;

    // Newest first.
    virtual std::vector<domain::AuditEntry> for_share(const std::string& organisation_id,
                                                      const std::string& share_id,
                                                      domain::Page page) = 0;
    virtual std::vector<domain::AuditEntry> for_case(const std::string& organisation_id,
                                                     const std::string& case_id,
                                                     domain::Page page) = 0;
    virtual std::vector<domain::AuditEntry> for_organisation(const std::string& organisation_id,
                                                             domain::Page page) = 0;
};

}  // namespace es::store
