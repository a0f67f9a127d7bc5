// OrganisationDirectory over the host adapter: roles from the host's directory, case types from
// its cases service. Thread-safe (the adapter is).
#pragma once

#include "host/host_adapter.hpp"
#include "licence/organisation_directory.hpp"

namespace es::licence {

class HostDirectory final : public OrganisationDirectory {
  public:
    // `host` must outlive this object.
    explicit HostDirectory(const host::HostAdapter& host) : host_(host) {}

    bool is_organisation_admin(const domain::Actor& actor) override;
    std::vector<CaseTypeInfo> case_types(const domain::Actor& actor) override;
    std::string user_name(const domain::Actor& actor, const std::string& user_id) override;

  private:
    const host::HostAdapter& host_;
};

}  // namespace es::licence
