#include "portal/routes/password_route.hpp"

#include <algorithm>

#include "domain/error.hpp"
#include "domain/throttle_key.hpp"
#include "portal/http/responder.hpp"
#include "portal/pages/auth_pages.hpp"
#include "portal/pages/texts.hpp"
#include "portal/routes/owner_alert_triggers.hpp"
#include "portal/routes/route_support.hpp"

namespace es::portal::routes {

std::string throttled_message(domain::Language language, std::chrono::milliseconds wait) {
    const auto& t = pages::texts(language);
    const long minutes = static_cast<long>((wait.count() + 59999) / 60000);
    return std::string(t.throttled) + " " + std::to_string(std::max(1L, minutes)) + " " +
           t.minutes + ".";
}

void PasswordRoute::handle(Exchange& ex, const ShareAccess& access) {
    using Poco::Net::HTTPResponse;
    if (access.preview || !domain::needs_password(access.share.protection) ||
        access.password_passed()) {
        http::send_see_other(ex, access.base_path);
        return;
    }
    auto form = read_checked_form(ctx_, ex, access);
    if (!form) {
        return;
    }
    const std::string client = domain::client_throttle_key(ex.client_ip());
    // Reserved before Argon2 runs and never refunded, so guesses sent in parallel cannot slip
    // past the count: a burst gets the client's free tries checked and nothing more.
    const auto guess = ctx_.throttle.reserve(access.share.id, client, Attempt::Password);
    if (!guess.allowed) {
        ctx_.access.record(access, ex, "password", "throttled");
        send_throttled(ctx_, ex, access, guess.wait, throttled_message(ex.language, guess.wait));
        return;
    }
    const std::string password = form->get("password", "");
    bool ok = false;
    try {
        ok = access.share.secrets.password_hash &&
             ctx_.ports.password_hasher.verify(*access.share.secrets.password_hash, password);
    } catch (const domain::Error& e) {
        if (e.kind() != domain::Error::Kind::Unavailable) {
            throw;
        }
        // The Argon2 pool is full. The guess stays counted and is answered exactly as a throttled
        // one (429, Retry-After, the same page): it was never checked, so nothing in the answer
        // depends on the password, and a flood is told only to slow down.
        const auto wait = std::max(guess.delay, std::chrono::milliseconds(1000));
        ctx_.access.record(access, ex, "password", "busy");
        send_throttled(ctx_, ex, access, wait, throttled_message(ex.language, wait));
        return;
    }
    if (!ok) {
        ctx_.access.record(access, ex, "password", "wrong_password");
        if (guess.delay.count() > 0) {
            // The owner sees in the log that the link is being guessed at and is now slowed down.
            ctx_.access.record(access, ex, "password", "throttled");
        }
        report_failed_try(ctx_, access, Attempt::Password, guess);
        http::send_html(ex, HTTPResponse::HTTP_FORBIDDEN,
                        pages::password_page(frame_for(ctx_, ex, access),
                                             pages::texts(ex.language).password_wrong));
        return;
    }
    ctx_.throttle.record_success(access.share.id, client, Attempt::Password);
    start_session(ctx_, ex, access, true, access.code_passed());
    ctx_.access.record(access, ex, "password", "ok");
    http::send_see_other(ex, access.base_path);
}

}  // namespace es::portal::routes
