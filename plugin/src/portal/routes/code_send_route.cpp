#include "portal/routes/code_send_route.hpp"

#include <algorithm>

#include "crypto/one_time_code.hpp"
#include "domain/outbox_message.hpp"
#include "domain/throttle_key.hpp"
#include "notify/invalid_address.hpp"
#include "notify/outbox_rows.hpp"
#include "portal/http/responder.hpp"
#include "portal/pages/texts.hpp"
#include "portal/routes/password_route.hpp"
#include "portal/routes/route_support.hpp"
#include "portal/routes/share_policy.hpp"

namespace es::portal::routes {

void CodeSendRoute::handle(Exchange& ex, const ShareAccess& access) {
    using Poco::Net::HTTPResponse;
    auto form = read_code_step_form(ctx_, ex, access);
    if (!form) {
        return;
    }
    const auto policy = policy_for(ctx_, access.share).settings();
    const std::string client = domain::client_throttle_key(ex.client_ip());
    const auto send = ctx_.throttle.reserve_code_send(access.share.id, client,
                                                      policy.code_sends_per_address_per_hour,
                                                      policy.code_sends_per_hour);
    if (send.refused == AttemptThrottle::SendRefusal::Address) {
        ctx_.access.record(access, ex, "code_send", "throttled");
        send_throttled(ctx_, ex, access, send.retry_after,
                       throttled_message(ex.language, send.retry_after));
        return;
    }
    if (send.refused == AttemptThrottle::SendRefusal::Share) {
        // Nobody gets a code until the hour is over, the recipient neither: the owner is told
        // (and may reset the share's counters), the recipient is told whom to ask.
        ctx_.access.record(access, ex, "code_send", "limit_reached");
        ctx_.ports.owner_alerts.code_limit_reached(access.share, policy.code_sends_per_hour);
        send_throttled(ctx_, ex, access, send.retry_after,
                       code_limit_message(ex.language, send.retry_after));
        return;
    }
    const auto& share = access.share;
    const bool sms = share.code_channel == domain::CodeChannel::Sms && share.recipient.phone;
    const std::optional<std::string> address = sms ? share.recipient.phone : share.recipient.email;
    if (!address) {
        ctx_.access.record(access, ex, "code_send", "denied");
        send_message(ctx_, ex, access, HTTPResponse::HTTP_CONFLICT,
                     pages::texts(ex.language).error);
        return;
    }
    const std::string code = crypto::new_code(policy.code_digits);
    const auto lifetime = std::chrono::minutes(policy.code_lifetime_minutes);
    // Written in the page's language: the recipient reads the code right after asking for it.
    notify::ShareFacts facts = notify::share_facts(share);
    facts.organisation_name = access.organisation_name;
    facts.locale = ex.language;
    std::optional<domain::OutboxMessage> m;
    try {
        m = notify::one_time_code_row(
            facts, sms ? domain::CodeChannel::Sms : domain::CodeChannel::Email, *address,
            ctx_.ports.secret_box.seal(code, "code:" + share.id), policy.code_lifetime_minutes,
            ctx_.ports.store.database_now());
    } catch (const notify::InvalidAddress&) {
        ctx_.access.record(access, ex, "code_send", "denied");
        send_message(ctx_, ex, access, HTTPResponse::HTTP_CONFLICT,
                     pages::texts(ex.language).error);
        return;
    }
    // The code row and its message in one transaction: neither a stored code that is never sent
    // nor a sent code that was never stored.
    // The code belongs to this browser: guesses in other browsers neither try nor spend it.
    ctx_.ports.store.codes().issue_and_queue(share.id, ctx_.csrf.pre_session_hash(ex).value_or(""),
                                             crypto::code_digest(share.id, code), lifetime, *m);

    ctx_.access.record(access, ex, "code_send", "ok");
    http::send_see_other(ex, access.base_path + "?sent");
}

}  // namespace es::portal::routes
