// What every route does the same way: the dead-link answer, the page frame, forms, sessions.
#pragma once

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "portal/exchange.hpp"
#include "portal/pages/page_frame.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

// The single answer for unknown, malformed, expired, revoked and unlicensed links and for any
// path the portal does not know: 404 with a constant body and no cookies.
void send_dead_link(Exchange& ex);

// 400 with a constant body and no cookies, for a request refused whatever it names (a secret in
// the URL's query, http::query_names_a_secret).
void send_bad_request(Exchange& ex);

// 429 with Retry-After and a constant body, for a client refused by DeadLinkThrottle.
void send_too_many_requests(Exchange& ex, std::chrono::seconds retry_after);

// A slot for a download, zip or inline view (PortalContext::transfers); when every slot is
// taken, the request is recorded as `action` "busy" and answered 503 with Retry-After, and
// nothing is returned.
std::optional<net::TransferSlots::Held> take_transfer_slot(PortalContext& ctx, Exchange& ex,
                                                           const ShareAccess& access,
                                                           const std::string& action);

// Picks the language (cookie, Accept-Language, share locale) into ex.language.
void choose_language(const PortalContext& ctx, Exchange& ex, const ShareAccess& access);

// Frame for a page of this share; with forms, it makes sure the CSRF pre-session cookie exists.
pages::PageFrame frame_for(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                           bool with_forms = true);

// A one-message page with the given status.
void send_message(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                  Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message);

// The 429 answer to a throttled client, with `Retry-After` (`wait` in whole seconds, rounded up),
// given only after a pause (the shorter of `wait` and portal.throttled_answer_delay_ms). Without
// the pause a flood of guesses from a few connections was answered as fast as the link page and
// took its share of the CPU. The pause is the front door's (Exchange::answer_delay): each
// connection of the flood costs a timer, and no worker waits.
void send_throttled(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                    std::chrono::milliseconds wait, const std::string& message);

// The url-encoded body of a small POST; nothing for anything else (too large, other type). The
// URL's query is never read into the form: secrets come from the body only.
std::unique_ptr<Poco::Net::HTMLForm> read_form(Exchange& ex);

// Reads the form and checks its CSRF token; on failure answers 403 itself and returns nothing.
std::unique_ptr<Poco::Net::HTMLForm> read_checked_form(PortalContext& ctx, Exchange& ex,
                                                       const ShareAccess& access);

// "Too many attempts. Please wait N minutes" with N rounded up.
std::string throttled_message(domain::Language language, std::chrono::milliseconds wait);

// "No more security codes can be sent for this link at the moment. Please try again in N minutes
// or contact the person who sent you the link.", N rounded up.
std::string code_limit_message(domain::Language language, std::chrono::milliseconds wait);

// The checked form (read_checked_form) of a POST to the code step, where the one-time code is
// asked for and typed: past the password (when the share has one) and before the code, never in
// the owner's preview. A visitor anywhere else is sent back to the link's page. Nothing when the
// answer has been given.
std::unique_ptr<Poco::Net::HTMLForm> read_code_step_form(PortalContext& ctx, Exchange& ex,
                                                         const ShareAccess& access);

// Reserves one password or code guess of this client (AttemptThrottle: before anything is checked,
// never refunded). A client with no tries left is recorded as throttled under `event` and answered
// with send_throttled; then nothing is returned.
std::optional<AttemptThrottle::Guess> reserve_guess(PortalContext& ctx, Exchange& ex,
                                                    const ShareAccess& access, Attempt attempt,
                                                    const std::string& event);

// A guess that was wrong: recorded as `outcome` under `event`, and as throttled too once the
// client is slowed down, so that the owner sees in the log that the link is being guessed at;
// passed on to the owner's alerts (report_failed_try).
void record_wrong_guess(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                        Attempt attempt, const AttemptThrottle::Guess& guess,
                        const std::string& event, const std::string& outcome);

// A fresh session (new random id, so a planted cookie never gains rights) carrying the checks
// passed so far plus the new one; the old session of this browser is removed.
void start_session(PortalContext& ctx, Exchange& ex, const ShareAccess& access,
                   bool password_passed, bool code_passed);

}  // namespace es::portal::routes
