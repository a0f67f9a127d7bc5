// GET/HEAD /s/{token}/print (and /preview/{id}/print): the print view of what the recipient may
// see (pages/print_page.hpp). The same checks as the page itself: the gate has already refused
// dead, expired, revoked and unlicensed links; a visitor without a session is sent to the link's
// page for the password or code. Logged as "print".
#pragma once

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class PrintRoute {
  public:
    explicit PrintRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access);

  private:
    PortalContext& ctx_;
};

}  // namespace es::portal::routes
