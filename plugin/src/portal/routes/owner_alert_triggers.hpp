// When a route's event is worth an owner alert (OwnerAlerts) or a first opening (FirstOpenings):
// the rules the portal alone knows — the owner's own preview and HEAD requests never count, and
// which failures are "repeated".
#pragma once

#include "portal/attempt_throttle.hpp"
#include "portal/exchange.hpp"
#include "portal/owner_alerts.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

// The recipient reached the content: call just before the page or the download goes out.
void report_opened(PortalContext& ctx, const Exchange& ex, const ShareAccess& access,
                   OwnerAlerts::Access what);

// A wrong password or code was counted (`guess`, as the throttle reserved it). Passed on once the
// throttle delays the client, or when the share has seen more tries than one client may make
// freely (guesses spread over several clients, none of them slowed down yet).
void report_failed_try(PortalContext& ctx, const ShareAccess& access, Attempt attempt,
                       const AttemptThrottle::Guess& guess);

}  // namespace es::portal::routes
