// POST /s/{token}/code/send: issues a one-time code for this browser and queues it for delivery
// (SMS when the share chose a phone, else e-mail) through the outbox. Only ever on POST with a
// valid CSRF token, so a mail scanner following the link sends nothing. Sends are budgeted per
// client address first, then per share (AttemptThrottle::reserve_code_send).
#pragma once

#include <chrono>
#include <string>

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class CodeSendRoute {
  public:
    explicit CodeSendRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access);

  private:
    PortalContext& ctx_;
};

// "No more security codes can be sent for this link at the moment. Please try again in N minutes
// or contact the person who sent you the link.", N rounded up.
std::string code_limit_message(domain::Language language, std::chrono::milliseconds wait);

}  // namespace es::portal::routes
