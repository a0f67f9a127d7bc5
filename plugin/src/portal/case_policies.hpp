// Where the portal gets the policy for a share's case (code length, lifetime, tries, sends): the
// module's one resolver (app::PolicyResolver) behind a port, so the portal decides by the same
// rules as the caseworker's side.
#pragma once

#include <string>

#include "domain/policy.hpp"

namespace es::portal {

class CasePolicies {
  public:
    virtual ~CasePolicies() = default;
    // The policy for a case of `case_type_id` (never empty) in the organisation. [any-thread]
    virtual domain::Policy resolve(const std::string& organisation_id,
                                   const std::string& case_type_id) const = 0;
};

}  // namespace es::portal
