// The owner's preview: GET /p/{ticket} trades a single-use ticket for a preview of its own — a
// random id, a cookie named after it — and redirects to /preview/{id}, which renders through the
// same routes as the recipient's pages. Each preview is bound to its link, so previews of several
// links in one browser work side by side. POST /preview/{id}/hide hides one item of that link
// (CSRF token bound to the share). A preview whose link was revoked or has expired says so.
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

// Any request to a preview whose link is no longer live: 410 with the page that says so.
class PreviewEndedRoute {
  public:
    explicit PreviewEndedRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& ended);

  private:
    PortalContext& ctx_;
};

class PreviewHideRoute {
  public:
    explicit PreviewHideRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access);

  private:
    PortalContext& ctx_;
};

}  // namespace es::portal::routes
