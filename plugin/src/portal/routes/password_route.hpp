// POST /s/{token}/password: reserves a guess with the throttle, then checks the password on the
// bounded Argon2 pool.
#pragma once

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class PasswordRoute {
  public:
    explicit PasswordRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access);

  private:
    PortalContext& ctx_;
};

// "Too many attempts. Please wait N minutes" with N rounded up.
std::string throttled_message(domain::Language language, std::chrono::milliseconds wait);

}  // namespace es::portal::routes
