// POST /s/{token}/code: reserves a guess with the throttle, then spends one try of the newest code
// this browser was sent (codes belong to the browser that asked for them).
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
