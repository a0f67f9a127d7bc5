// GET /s/{token} and GET /preview/{id}: whatever the visitor needs next — the password form, the
// code form, or the shared content. Changes nothing (mail scanners open links): no code is sent
// here.
#pragma once

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class SharePageRoute {
  public:
    explicit SharePageRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access);

  private:
    PortalContext& ctx_;
};

// "+41 •• ••• •• 67" or "m•••@example.org" for the share's code channel.
std::string masked_code_destination(const domain::Share& share);

}  // namespace es::portal::routes
