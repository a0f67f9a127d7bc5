// POST <base>/language: remembers the chosen page language in a cookie and goes back to the page.
#pragma once

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class LanguageRoute {
  public:
    explicit LanguageRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access);

  private:
    PortalContext& ctx_;
};

}  // namespace es::portal::routes
