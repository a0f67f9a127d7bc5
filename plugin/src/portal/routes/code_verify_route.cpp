#include "portal/routes/code_verify_route.hpp"

#include "crypto/one_time_code.hpp"
#include "domain/throttle_key.hpp"
#include "portal/http/responder.hpp"
#include "portal/pages/auth_pages.hpp"
#include "portal/pages/texts.hpp"
#include "portal/routes/owner_alert_triggers.hpp"
#include "portal/routes/password_route.hpp"
#include "portal/routes/route_support.hpp"
#include "portal/routes/share_page_route.hpp"
#include "portal/routes/share_policy.hpp"

namespace es::portal::routes {

void CodeVerifyRoute::handle(Exchange& ex, const ShareAccess& access) {
    using Poco::Net::HTTPResponse;
    auto form = read_code_step_form(ctx_, ex, access);
    if (!form) {
        return;
    }
    // The CSRF check passed, so the browser has its pre-session; its codes are the only ones tried.
    const std::string pre_session = ctx_.csrf.pre_session_hash(ex).value_or("");
    // Reserved before the code is compared and never refunded (see PasswordRoute).
    const auto guess = reserve_guess(ctx_, ex, access, Attempt::Code, "code_verify");
    if (!guess) {
        return;
    }
    std::string code;
    for (char c : form->get("code", "")) {
        if (c >= '0' && c <= '9') {
            code += c;
        } else if (c != ' ' && c != '-') {
            code = "x";  // never matches, still spends a try
            break;
        }
    }
    const auto policy = policy_for(ctx_, access.share).settings();
    const auto result =
        code.empty() || code.size() > 9
            ? store::CodeCheck::Wrong
            : ctx_.ports.store.codes().verify(access.share.id, pre_session,
                                              crypto::code_digest(access.share.id, code),
                                              policy.code_max_tries);
    const auto& t = pages::texts(ex.language);
    if (result == store::CodeCheck::Verified) {
        ctx_.throttle.record_success(access.share.id, domain::client_throttle_key(ex.client_ip()),
                                     Attempt::Code);
        start_session(ctx_, ex, access, true, true);
        ctx_.access.record(access, ex, "code_verify", "ok");
        http::send_see_other(ex, access.base_path);
        return;
    }
    std::string message = t.code_expired;
    if (result == store::CodeCheck::Wrong) {
        message = t.code_wrong;
        record_wrong_guess(ctx_, ex, access, Attempt::Code, *guess, "code_verify", "wrong_code");
    } else {
        ctx_.access.record(access, ex, "code_verify", "code_expired");
    }
    http::send_html(ex, HTTPResponse::HTTP_FORBIDDEN,
                    pages::code_page(frame_for(ctx_, ex, access),
                                     masked_code_destination(access.share), false, message));
}

}  // namespace es::portal::routes
