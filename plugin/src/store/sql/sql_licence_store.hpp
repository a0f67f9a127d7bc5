// LicenceStore on the store's shared SQL layer, so one implementation serves SQLite and
// MySQL/MariaDB alike (the statements are portable; the dialect supplies the clock). Its table,
// `licence_state`, comes from the store's migrations (version 8).
//
// A change and its audit entry are written in one transaction; `save` is a compare-and-swap on the
// revision column, so two admins acting at once cannot both win.
#pragma once

#include "store/licence_store.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlLicenceStore final : public store::LicenceStore {
  public:
    // `database` must outlive the store; its migrations must have run.
    explicit SqlLicenceStore(Database& database) : db_(database) {}

    domain::Timestamp database_now() override;
    domain::OrganisationLicence load(const std::string& organisation_id) override;
    bool save(const domain::OrganisationLicence& next, const domain::AuditEntry& audit) override;
    std::optional<bool> case_type_enabled(const std::string& organisation_id,
                                          const std::string& case_type_id) override;
    void set_case_type_enabled(const std::string& organisation_id, const std::string& case_type_id,
                               bool enabled, const domain::AuditEntry& audit) override;
    void append_audit(const domain::AuditEntry& audit) override;
    std::vector<domain::AuditEntry> audit_trail(const std::string& organisation_id,
                                                int limit) override;

  private:
    Database& db_;
};

}  // namespace es::store::sql
