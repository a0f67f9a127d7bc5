// Per-organisation state kept in the database: policy overrides (see domain::Policy::resolve) and
// free key/value settings such as the licence state (owned by the licensing work).
//
// Thread safety and errors as in share_repository.hpp.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "domain/policy.hpp"

namespace es::store {

class OrganisationSettingsRepository {
  public:
    virtual ~OrganisationSettingsRepository() = default;

    virtual std::optional<std::string> value(const std::string& organisation_id,
                                             const std::string& key) = 0;
    virtual void set_value(const std::string& organisation_id, const std::string& key,
                           const std::string& value) = 0;
    virtual void remove_value(const std::string& organisation_id, const std::string& key) = 0;
    virtual std::map<std::string, std::string> values(const std::string& organisation_id) = 0;

    // Overrides for one case type; case_type_id "" holds those for all case types.
    virtual domain::PolicyOverrides policy_overrides(const std::string& organisation_id,
                                                     const std::string& case_type_id) = 0;
    // Throws ValidationFailed (field "policy.<key>") for an unknown key or a bad value.
    virtual void set_policy_override(const std::string& organisation_id,
                                     const std::string& case_type_id, const std::string& key,
                                     const std::string& value) = 0;
    virtual void remove_policy_override(const std::string& organisation_id,
                                        const std::string& case_type_id,
                                        const std::string& key) = 0;
};

}  // namespace es::store
