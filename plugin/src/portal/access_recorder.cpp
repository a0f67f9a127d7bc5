#include "portal/access_recorder.hpp"

#include <utility>

#include "portal/http/responder.hpp"
#include "portal/pages/refusal_pages.hpp"
#include "text/error_text.hpp"

namespace es::portal {
namespace {

std::string what_of(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return text::error_text(e);
    } catch (...) {
        return "unknown failure";
    }
}

}  // namespace

domain::AccessEvent AccessRecorder::event_of(const ShareAccess& access, const Exchange& ex,
                                             const std::string& action, const std::string& outcome,
                                             const std::string& item_id) const {
    domain::AccessEvent e;
    e.share_id = access.share.id;
    e.organisation_id = access.share.organisation_id;
    e.case_id = access.share.case_id;
    e.at = domain::now_utc();
    e.client_ip = ex.client_ip();
    e.user_agent = ex.user_agent();
    // The owner's own visits stay in the log, told apart from the recipient's.
    e.action = access.owner_visit ? "owner_" + action : action;
    e.item_id = item_id;
    e.outcome = outcome;
    return e;
}

void AccessRecorder::report_failure(const std::string& log_ref, const std::string& action,
                                    const std::string& why) const {
    host_.log(host::LogLevel::Error,
              "portal access log share#" + log_ref + ": cannot record " + action + ": " + why);
}

void AccessRecorder::record(const ShareAccess& access, const Exchange& ex,
                            const std::string& action, const std::string& outcome,
                            const std::string& item_id) {
    if (access.preview) {
        return;
    }
    try {
        batcher_.append(event_of(access, ex, action, outcome, item_id));
        return;
    } catch (...) {
        report_failure(access.log_ref(), action, what_of(std::current_exception()));
    }
    if (failure_ == Failure::Refuse) {
        throw AccessLogUnavailable("access log unavailable");
    }
}

void AccessRecorder::record_before_answer(const ShareAccess& access, Exchange& ex,
                                          const std::string& action, const std::string& outcome,
                                          const std::string& item_id) const {
    if (access.preview) {
        return;
    }
    ex.pending_record =
        Exchange::PendingRecord{event_of(access, ex, action, outcome, item_id), access.log_ref()};
}

void AccessRecorder::send_after_commit(Exchange::PendingRecord pending, std::string answer,
                                       bool keep, bool tls, net::LateAnswer late) {
    const std::string action = pending.event.action;
    batcher_.append_then(
        std::move(pending.event),
        [this, log_ref = std::move(pending.log_ref), action, answer = std::move(answer), keep, tls,
         late = std::make_shared<net::LateAnswer>(std::move(late))](std::exception_ptr error) {
            if (!error) {
                late->send(answer, keep);
                return;
            }
            report_failure(log_ref, action, what_of(error));
            if (failure_ == Failure::Refuse) {
                late->send(http::closing_answer(Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                                                "text/html; charset=utf-8",
                                                pages::unavailable_page(), tls),
                           false);
            } else {
                late->send(answer, keep);
            }
        });
}

}  // namespace es::portal
