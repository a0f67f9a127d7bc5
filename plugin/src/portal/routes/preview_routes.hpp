// The owner's preview: GET /p/{ticket} trades a single-use ticket for a preview cookie and
// redirects to /preview, which renders through the same routes as the recipient's pages.
// POST /preview/hide hides one item of the share (CSRF-protected, preview sessions only).
#pragma once

#include <string>

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/preview_tickets.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class PreviewOpenRoute {
  public:
    PreviewOpenRoute(PortalContext& ctx, PreviewTickets& tickets) : ctx_(ctx), tickets_(tickets) {}
    void handle(Exchange& ex, const std::string& ticket);

  private:
    PortalContext& ctx_;
    PreviewTickets& tickets_;
};

class PreviewHideRoute {
  public:
    explicit PreviewHideRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access);

  private:
    PortalContext& ctx_;
};

}  // namespace es::portal::routes
