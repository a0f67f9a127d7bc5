#include "portal/routes/owner_alert_triggers.hpp"

namespace es::portal::routes {

void report_opened(PortalContext& ctx, const Exchange& ex, const ShareAccess& access,
                   OwnerAlerts::Access what) {
    if (access.preview || ex.is_head() || !access.share.notify_owner_on_open) {
        return;
    }
    ctx.ports.owner_alerts.opened(access.share, what);
}

void report_failed_try(PortalContext& ctx, const ShareAccess& access, Attempt attempt,
                       const AttemptThrottle::Failure& failure) {
    const bool throttled = failure.delay.count() > 0;
    if (access.preview ||
        (!throttled && failure.share_failures <= AttemptThrottle::kFreeClientFailures)) {
        return;
    }
    ctx.ports.owner_alerts.tries_failed(access.share, attempt, failure.share_failures, throttled);
}

}  // namespace es::portal::routes
