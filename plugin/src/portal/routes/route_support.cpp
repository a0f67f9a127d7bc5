#include "portal/routes/route_support.hpp"

#include <Poco/Net/MediaType.h>

#include <algorithm>

#include "crypto/base64url.hpp"
#include "crypto/digest.hpp"
#include "crypto/random_bytes.hpp"
#include "domain/throttle_key.hpp"
#include "portal/http/responder.hpp"
#include "portal/pages/auth_pages.hpp"
#include "portal/pages/dead_link_page.hpp"
#include "portal/pages/link_label.hpp"
#include "portal/pages/preview_pages.hpp"
#include "portal/pages/refusal_pages.hpp"
#include "portal/pages/texts.hpp"
#include "portal/routes/owner_alert_triggers.hpp"

namespace es::portal::routes {

void send_dead_link(Exchange& ex) {
    ex.response.erase("Set-Cookie");
    ex.response.erase("Location");
    http::send_html(ex, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, pages::dead_link_page());
}

void send_bad_request(Exchange& ex) {
    ex.response.erase("Set-Cookie");
    ex.response.erase("Location");
    http::send_html(ex, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, pages::bad_request_page());
}

void send_too_many_requests(Exchange& ex, std::chrono::seconds retry_after) {
    ex.response.erase("Set-Cookie");
    ex.response.erase("Location");
    ex.response.set("Retry-After", std::to_string(std::max<long>(1, retry_after.count())));
    http::send_html(ex, Poco::Net::HTTPResponse::HTTP_TOO_MANY_REQUESTS,
                    pages::too_many_requests_page());
}

std::optional<net::TransferSlots::Held> take_transfer_slot(PortalContext& ctx, Exchange& ex,
                                                           const ShareAccess& access,
                                                           const std::string& action) {
    auto slot = ctx.transfers.try_take();
    if (!slot) {
        http::clear_content_headers(ex);  // what the transfer's answer would have said
        ctx.access.record(access, ex, action, "busy");
        ex.response.set("Retry-After", std::to_string(ctx.settings.portal.retry_after_seconds));
        send_message(ctx, ex, access, Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                     pages::texts(ex.language).busy);
    }
    return slot;
}

void choose_language(const PortalContext& ctx, Exchange& ex, const ShareAccess& access) {
    if (auto c = ex.cookie(ctx.cookies.language_name())) {
        if (auto chosen = domain::parse_language_tag(*c)) {
            ex.language = *chosen;
            return;
        }
    }
    ex.language =
        domain::negotiate_language(ex.request.get("Accept-Language", ""), access.share.locale);
}

pages::PageFrame frame_for(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                           bool with_forms) {
    pages::PageFrame f;
    f.language = ex.language;
    f.time_zone = ctx.settings.organisation.time_zone_of(access.share.organisation_id);
    f.organisation_name = access.organisation_name;
    f.expires_at = access.share.expires_at;
    f.preview = access.preview;
    if (access.preview) {
        f.preview_of = pages::link_label(access.share.recipient, ex.language);
    }
    f.owner_visit = access.owner_visit;
    f.base_path = access.base_path;
    if (with_forms) {
        f.csrf = Csrf::token(ctx.csrf.ensure_pre_session(ex), access.csrf_subject);
    }
    return f;
}

void send_message(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                  Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message) {
    http::send_html(ex, status, pages::message_page(frame_for(ctx, ex, access), message));
}

std::unique_ptr<Poco::Net::HTMLForm> read_form(Exchange& ex) {
    constexpr std::streamsize kMaxBody = 8 * 1024;
    if (!ex.request.hasContentLength() || ex.request.getContentLength64() > kMaxBody) {
        ex.must_close = true;  // an unread body would be taken for the next request
        return nullptr;
    }
    try {
        Poco::Net::MediaType type(ex.request.getContentType());
        if (!type.matches("application", "x-www-form-urlencoded")) {
            return nullptr;
        }
        auto form = std::make_unique<Poco::Net::HTMLForm>();
        form->setFieldLimit(8);
        form->setValueLengthLimit(4096);
        // read(), not load(): load() also reads the URL's query, which let
        // "POST …/password?password=…" sign in with a secret that every log had seen.
        form->read(ex.request.stream());
        return form;
    } catch (const Poco::Exception&) {
        ex.must_close = true;
        return nullptr;
    }
}

void send_throttled(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                    std::chrono::milliseconds wait, const std::string& message) {
    // The answer waits in the front door, not in this worker: a flood of throttled guesses holds
    // timers, and the workers stay free for the link pages.
    ex.answer_delay =
        std::min(wait, std::chrono::milliseconds(ctx.settings.portal.throttled_answer_delay_ms));
    const long long seconds = std::max<long long>(1, (wait.count() + 999) / 1000);
    ex.response.set("Retry-After", std::to_string(seconds));
    send_message(ctx, ex, access, Poco::Net::HTTPResponse::HTTP_TOO_MANY_REQUESTS, message);
}

std::unique_ptr<Poco::Net::HTMLForm> read_checked_form(PortalContext& ctx, Exchange& ex,
                                                       const ShareAccess& access) {
    auto form = read_form(ex);
    if (!form || !ctx.csrf.verify(ex, access.csrf_subject, form->get("csrf", ""))) {
        if (access.preview) {
            // The owner may have previews of several links open: say which link this preview
            // is, that nothing changed, and lead back to it.
            http::send_html(ex, Poco::Net::HTTPResponse::HTTP_FORBIDDEN,
                            pages::preview_form_refused_page(frame_for(ctx, ex, access)));
        } else {
            send_message(ctx, ex, access, Poco::Net::HTTPResponse::HTTP_FORBIDDEN,
                         pages::texts(ex.language).csrf_failed);
        }
        return nullptr;
    }
    return form;
}

void start_session(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                   bool password_passed, bool code_passed) {
    const std::string value = crypto::base64url_encode(crypto::random_bytes(32));
    domain::PortalSession s;
    s.session_hash = crypto::sha256_hex(value);
    s.share_id = access.share.id;
    s.password_generation = access.share.secrets.password_generation;
    s.password_passed = password_passed;
    s.code_passed = code_passed;
    ctx.ports.store.sessions().create(s);
    if (access.session) {
        ctx.ports.store.sessions().remove(access.session->session_hash);
    }
    ctx.cookies.set(ex.response, access.session_cookie, value);
}

namespace {

// `wait` in whole minutes, rounded up; at least 1.
std::string whole_minutes(std::chrono::milliseconds wait) {
    return std::to_string(std::max(1L, static_cast<long>((wait.count() + 59999) / 60000)));
}

}  // namespace

std::string throttled_message(domain::Language language, std::chrono::milliseconds wait) {
    const auto& t = pages::texts(language);
    return std::string(t.throttled) + " " + whole_minutes(wait) + " " + t.minutes + ".";
}

std::string code_limit_message(domain::Language language, std::chrono::milliseconds wait) {
    const auto& t = pages::texts(language);
    return std::string(t.code_limit) + " " + whole_minutes(wait) + " " + t.code_limit_end;
}

std::unique_ptr<Poco::Net::HTMLForm> read_code_step_form(PortalContext& ctx, Exchange& ex,
                                                         const ShareAccess& access) {
    if (access.preview || !domain::needs_code(access.share.protection) ||
        !access.password_passed() || access.code_passed()) {
        http::send_see_other(ex, access.base_path);
        return nullptr;
    }
    return read_checked_form(ctx, ex, access);
}

std::optional<AttemptThrottle::Guess> reserve_guess(PortalContext& ctx, Exchange& ex,
                                                    const ShareAccess& access, Attempt attempt,
                                                    const std::string& event) {
    const auto guess =
        ctx.throttle.reserve(access.share.id, domain::client_throttle_key(ex.client_ip()), attempt);
    if (!guess.allowed) {
        ctx.access.record(access, ex, event, "throttled");
        send_throttled(ctx, ex, access, guess.wait, throttled_message(ex.language, guess.wait));
        return std::nullopt;
    }
    return guess;
}

void record_wrong_guess(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                        Attempt attempt, const AttemptThrottle::Guess& guess,
                        const std::string& event, const std::string& outcome) {
    ctx.access.record(access, ex, event, outcome);
    if (guess.delay.count() > 0) {
        ctx.access.record(access, ex, event, "throttled");
    }
    report_failed_try(ctx, access, attempt, guess);
}

}  // namespace es::portal::routes
