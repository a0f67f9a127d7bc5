#include "portal/routes/owner_alert_triggers.hpp"

namespace es::portal::routes {

void report_opened(PortalContext& ctx, const Exchange& ex, const ShareAccess& access,
                   OwnerAlerts::Access what) {
    if (access.preview || access.owner_visit || ex.is_head()) {
        return;
    }
    ctx.ports.first_openings.opened(access.share);
    if (access.share.notify_owner_on_open) {
        ctx.ports.owner_alerts.opened(access.share, what);
    }
}

void report_failed_try(PortalContext& ctx, const ShareAccess& access, Attempt attempt,
                       const AttemptThrottle::Guess& guess) {
    const bool throttled = guess.delay.count() > 0;
    // Failed tries are reported whoever makes them: a browser with the owner mark is trusted with
    // how its visits are logged, never with silencing an alert about guesses.
    if (access.preview ||
        (!throttled && guess.share_tries <= ctx.settings.portal.guesses.free_per_address)) {
        return;
    }
    ctx.ports.owner_alerts.tries_failed(access.share, attempt, guess.share_tries, throttled);
}

}  // namespace es::portal::routes
