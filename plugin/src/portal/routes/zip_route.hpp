// GET/HEAD /s/{token}/all.zip: every visible attachment plus a printable summary, as one zip
// streamed while it is produced. The exact length is known up front (stored entries), so the
// response has a Content-Length and the browser shows progress.
#pragma once

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class ZipRoute {
  public:
    explicit ZipRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access);

  private:
    PortalContext& ctx_;
};

}  // namespace es::portal::routes
