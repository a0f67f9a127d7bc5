// Maps a request to its route. Anything it does not know — path, method, or share — gets the
// dead-link answer, so probing the portal teaches nothing.
//
//   GET  /ready                     HEAD too      readiness for a load balancer (before throttles)
//   GET  /assets/portal.css
//   GET  /s/{token}                 HEAD too      entry: password form, code form, or content
//   POST /s/{token}/password
//   POST /s/{token}/code/send
//   POST /s/{token}/code
//   POST /s/{token}/language
//   GET  /s/{token}/files/{id}      HEAD too      one attachment (Range)
//   GET  /s/{token}/all.zip         HEAD too      everything as a streamed zip
//   GET  /p/{ticket}                              owner's preview ticket → cookie → /preview/{id}
//   GET  /preview/{id}, /preview/{id}/files/{file}, /preview/{id}/all.zip
//   POST /preview/{id}/hide, /preview/{id}/language   (410 for all of them once the link is dead)
#pragma once

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/preview_tickets.hpp"

namespace es::portal {

class PortalRouter {
  public:
    PortalRouter(PortalContext& ctx, PreviewTickets& tickets) : ctx_(ctx), tickets_(tickets) {}

    // Never throws: failures become a generic error page, or a closed connection once the head
    // was sent.
    void route(Exchange& ex) noexcept;

  private:
    void dispatch(Exchange& ex);
    void share_routes(Exchange& ex, const ShareAccess& access,
                      const std::vector<std::string>& rest);

    PortalContext& ctx_;
    PreviewTickets& tickets_;
};

}  // namespace es::portal
