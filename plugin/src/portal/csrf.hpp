// Cross-site request forgery protection for every POST of the portal.
//
// A browser gets a random pre-session cookie (HttpOnly, SameSite=Strict) the first time a share's
// page is served. Each form carries HMAC-SHA256(key = that cookie, "csrf|" + subject) where the
// subject names the share ("share:<token hash>" or "preview:<share id>"). Another site can neither
// read the cookie nor compute the token, a token of one share does not work on another, and no
// server-side secret or state is needed, so any instance of the portal can verify it.
#pragma once

#include <optional>
#include <string>

#include "portal/exchange.hpp"
#include "portal/http/cookie_jar.hpp"

namespace es::portal {

class Csrf {
  public:
    explicit Csrf(const http::CookieJar& jar) : jar_(jar) {}

    // This browser's pre-session value; creates one and sets the cookie when there is none.
    std::string ensure_pre_session(Exchange& ex) const;

    static std::string token(const std::string& pre_session, const std::string& subject);

    // False when the cookie is missing or the submitted token does not match (constant time).
    bool verify(const Exchange& ex, const std::string& subject, const std::string& submitted) const;

    // The browser's identity before sign-in, as stored with what belongs to it (its one-time
    // codes): SHA-256 hex of the pre-session cookie, never the cookie itself, which keys the
    // CSRF tokens. Nothing when the request carries no pre-session.
    std::optional<std::string> pre_session_hash(const Exchange& ex) const;

  private:
    const http::CookieJar& jar_;
};

}  // namespace es::portal
