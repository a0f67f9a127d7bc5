// OrganisationSettingsRepository over either SQL backend.
#pragma once

#include "store/organisation_settings_repository.hpp"
#include "store/sql/database.hpp"

namespace es::store::sql {

class SqlOrganisationSettingsRepository : public OrganisationSettingsRepository {
  public:
    explicit SqlOrganisationSettingsRepository(Database& db) : db_(db) {}

    std::optional<std::string> value(const std::string& organisation_id,
                                     const std::string& key) override;
    void set_value(const std::string& organisation_id, const std::string& key,
                   const std::string& value) override;
    void remove_value(const std::string& organisation_id, const std::string& key) override;
    std::map<std::string, std::string> values(const std::string& organisation_id) override;
    domain::PolicyOverrides policy_overrides(const std::string& organisation_id,
                                             const std::string& case_type_id) override;
    void set_policy_override(const std::string& organisation_id, const std::string& case_type_id,
                             const std::string& key, const std::string& value) override;
    void remove_policy_override(const std::string& organisation_id, const std::string& case_type_id,
                                const std::string& key) override;

  private:
    Database& db_;
};

}  // namespace es::store::sql
