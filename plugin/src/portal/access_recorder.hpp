// Writes what external visitors do to the share's access log (store::AccessLogRepository), which
// the owner reads in the panel. Preview requests are the owner's own and are not recorded.
// Concurrent requests' events are committed together (AccessLogBatcher).
//
// Actions (AccessEvent::action): view, download, download_all, password, code_send, code_verify.
// Outcomes: ok, wrong_password, wrong_code, code_expired, throttled, limit_reached, denied,
// aborted.
#pragma once

#include <stdexcept>
#include <string>

#include "config/settings.hpp"
#include "host/host_adapter.hpp"
#include "portal/access_log_batcher.hpp"
#include "portal/exchange.hpp"
#include "portal/share_access.hpp"
#include "store/access_log_repository.hpp"

namespace es::portal {

// The entry could not be written and portal.access_log_failure is "refuse": the request must end
// without content (PortalRouter answers 503, or cuts a response already started).
class AccessLogUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class AccessRecorder {
  public:
    using Failure = config::PortalSettings::AccessLogFailure;

    AccessRecorder(store::AccessLogRepository& log, const host::HostAdapter& host, Failure failure)
        : batcher_(log), host_(host), failure_(failure) {}

    // Returns once the entry is committed. A failure is reported to the host's log; then, with
    // Failure::Refuse, AccessLogUnavailable is thrown, so callers record BEFORE they serve content.
    // With Failure::Serve it returns and the request goes on.
    void record(const ShareAccess& access, const Exchange& ex, const std::string& action,
                const std::string& outcome, const std::string& item_id = {});

  private:
    AccessLogBatcher batcher_;
    const host::HostAdapter& host_;
    const Failure failure_;
};

}  // namespace es::portal
