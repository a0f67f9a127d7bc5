// What the admin page needs from the host about the acting user and the organisation. A port, so
// the page is tested without a host; HostDirectory implements it over dm.directory/1 and
// dm.cases/1.
#pragma once

#include <dm/cpp/context.hpp>

#include <string>
#include <vector>

namespace es::licence {

struct CaseTypeInfo {
    std::string id;
    std::string name;  // in the context's locale
};

class OrganisationDirectory {
  public:
    virtual ~OrganisationDirectory() = default;
    // True when ctx.user_id has the "organisation_admin" role in ctx.organisation_id. [any-thread]
    virtual bool is_organisation_admin(const dm::Context& ctx) = 0;
    // The organisation's case types. [any-thread]
    virtual std::vector<CaseTypeInfo> case_types(const dm::Context& ctx) = 0;
};

}  // namespace es::licence
