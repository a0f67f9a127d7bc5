// POST /s/{token}/code: spends one try of the newest code, behind the throttle.
#pragma once

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class CodeVerifyRoute {
  public:
    explicit CodeVerifyRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access);

  private:
    PortalContext& ctx_;
};

}  // namespace es::portal::routes
