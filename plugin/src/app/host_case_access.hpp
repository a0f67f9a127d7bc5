// CaseAccess over the host's "dm.cases/1" and "dm.directory/1" services: how the core learns what
// a case holds and who may see it.
#pragma once

#include <dm/cpp/host_services.hpp>

#include "app/case_access.hpp"

namespace es::app {

class HostCaseAccess : public CaseAccess {
  public:
    explicit HostCaseAccess(const dm::HostServices& host) : host_(host) {}

    std::optional<std::string> case_type(const domain::Actor& actor,
                                         const std::string& case_id) override;
    bool may_access(const domain::Actor& actor, const std::string& case_id) override;
    domain::CaseItems items(const domain::Actor& actor, const std::string& case_id) override;

    // The context the host expects for an actor.
    static dm::Context context_of(const domain::Actor& actor);

  private:
    const dm::HostServices& host_;
};

}  // namespace es::app
