// Writes what external visitors do to the share's access log (store::AccessLogRepository), which
// the owner reads in the panel. Preview requests are the owner's own and are not recorded.
// Concurrent requests' events are committed together (AccessLogBatcher).
//
// Actions (AccessEvent::action): view, download, download_all, password, code_send, code_verify.
// Outcomes: ok, wrong_password, wrong_code, code_expired, throttled, limit_reached, denied,
// aborted.
#pragma once

#include <dm/cpp/host_services.hpp>

#include <string>

#include "portal/access_log_batcher.hpp"
#include "portal/exchange.hpp"
#include "portal/share_access.hpp"
#include "store/access_log_repository.hpp"

namespace es::portal {

class AccessRecorder {
  public:
    AccessRecorder(store::AccessLogRepository& log, const dm::HostServices& host)
        : batcher_(log), host_(host) {}

    // Never throws: a failing access log is reported to the host's log and the request goes on.
    void record(const ShareAccess& access, const Exchange& ex, const std::string& action,
                const std::string& outcome, const std::string& item_id = {}) noexcept;

  private:
    AccessLogBatcher batcher_;
    const dm::HostServices& host_;
};

}  // namespace es::portal
