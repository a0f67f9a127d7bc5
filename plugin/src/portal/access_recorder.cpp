#include "portal/access_recorder.hpp"

namespace es::portal {

void AccessRecorder::record(const ShareAccess& access, const Exchange& ex,
                            const std::string& action, const std::string& outcome,
                            const std::string& item_id) {
    if (access.preview) {
        return;
    }
    try {
        domain::AccessEvent e;
        e.share_id = access.share.id;
        e.organisation_id = access.share.organisation_id;
        e.case_id = access.share.case_id;
        e.at = domain::now_utc();
        e.client_ip = ex.client_ip();
        e.user_agent = ex.user_agent();
        e.action = action;
        e.item_id = item_id;
        e.outcome = outcome;
        batcher_.append(std::move(e));
        return;
    } catch (const std::exception& err) {
        host_.log(host::LogLevel::Error, "portal access log share#" + access.log_ref() +
                                             ": cannot record " + action + ": " + err.what());
    } catch (...) {
        host_.log(host::LogLevel::Error, "portal access log: cannot record " + action);
    }
    if (failure_ == Failure::Refuse) {
        throw AccessLogUnavailable("access log unavailable");
    }
}

}  // namespace es::portal
