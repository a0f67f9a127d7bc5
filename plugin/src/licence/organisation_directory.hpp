// What the admin page needs from the host about the acting user and the organisation. A port, so
// the page is tested without a host; HostDirectory implements it over the host adapter.
#pragma once

#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/case_type.hpp"

namespace es::licence {

using CaseTypeInfo = domain::CaseType;

class OrganisationDirectory {
  public:
    virtual ~OrganisationDirectory() = default;
    // True when actor.user_id has the "organisation_admin" role in actor.organisation_id and is
    // active. [any-thread]
    virtual bool is_organisation_admin(const domain::Actor& actor) = 0;
    // The organisation's case types, named in the actor's language. [any-thread]
    virtual std::vector<CaseTypeInfo> case_types(const domain::Actor& actor) = 0;
    // The display name of user `user_id` of the actor's organisation, for the list of changes;
    // empty when there is no such user (any more). [any-thread]
    virtual std::string user_name(const domain::Actor& actor, const std::string& user_id) {
        (void)actor;
        (void)user_id;
        return "";
    }
};

}  // namespace es::licence
