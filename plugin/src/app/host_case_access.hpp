// CaseAccess over the host adapter: how the share service reads cases in the running module.
#pragma once

#include "app/case_access.hpp"
#include "host/host_adapter.hpp"

namespace es::app {

class HostCaseAccess final : public CaseAccess {
  public:
    // `host` must outlive this object.
    explicit HostCaseAccess(const host::HostAdapter& host) : host_(host) {}

    domain::CaseSnapshot read_case(const domain::Actor& actor, const std::string& case_id,
                                   domain::CaseParts parts) override {
        return host_.read_case(actor, case_id, parts);
    }

  private:
    const host::HostAdapter& host_;
};

}  // namespace es::app
