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
#include "net/late_answer.hpp"
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

    // As record(), for a route whose whole answer is small and ready: the calling thread does not
    // wait for the commit. The event is kept on the exchange (Exchange::pending_record), what
    // the route writes next is held, and Portal::serve hands both to send_after_commit().
    void record_before_answer(const ShareAccess& access, Exchange& ex, const std::string& action,
                              const std::string& outcome, const std::string& item_id = {}) const;

    // Commits the pending event, then sends `answer` through `late` (from the thread that wrote
    // the event). When it cannot be written, the failure is logged as in record() and, with
    // Failure::Refuse, the visitor gets the 503 page instead, and the connection closes.
    void send_after_commit(Exchange::PendingRecord pending, std::string answer, bool keep, bool tls,
                           net::LateAnswer late);

  private:
    domain::AccessEvent event_of(const ShareAccess& access, const Exchange& ex,
                                 const std::string& action, const std::string& outcome,
                                 const std::string& item_id) const;
    void report_failure(const std::string& log_ref, const std::string& action,
                        const std::string& why) const;

    AccessLogBatcher batcher_;
    const host::HostAdapter& host_;
    const Failure failure_;
};

}  // namespace es::portal
