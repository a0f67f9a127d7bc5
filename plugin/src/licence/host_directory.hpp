// OrganisationDirectory over the host's services: roles from dm.directory/1 `user`, case types from
// dm.cases/1 `case_types`, and the active user count for seats. Thread-safe (HostServices is).
#pragma once

#include <dm/cpp/host_services.hpp>

#include <cstdint>

#include "licence/organisation_directory.hpp"

namespace es::licence {

class HostDirectory final : public OrganisationDirectory {
  public:
    // `host` must outlive this object.
    explicit HostDirectory(const dm::HostServices& host) : host_(host) {}

    bool is_organisation_admin(const dm::Context& ctx) override;
    std::vector<CaseTypeInfo> case_types(const dm::Context& ctx) override;

    // For LicenceService's ActiveUserCount: asks on behalf of the organisation (no user).
    std::int64_t active_user_count(const std::string& organisation_id) const;

  private:
    const dm::HostServices& host_;
};

}  // namespace es::licence
