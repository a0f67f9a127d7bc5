// The portal's cookies and how they are written.
//
// Under TLS every cookie carries the `__Host-` prefix, which browsers accept only with Secure,
// Path=/ and no Domain, so no sibling host or plain-HTTP page can plant or overwrite it. Without
// TLS (development, or a TLS-terminating proxy that the portal cannot see) a browser would reject
// a `__Host-` cookie because Secure cookies need https, so the plain names are used there.
#pragma once

#include <string>

#include <Poco/Net/HTTPResponse.h>

namespace es::portal::http {

class CookieJar {
  public:
    explicit CookieJar(bool tls) : tls_(tls) {}

    // A recipient's session for one share; the suffix (a token-hash prefix) lets one browser hold
    // sessions of several shares at once.
    std::string session_name(const std::string& share_suffix) const;
    std::string pre_session_name() const;  // random value the CSRF tokens are bound to
    // One owner's preview of one share (PreviewTickets::Redeemed::preview_id): one cookie per
    // preview, so previews of several links in one browser never replace each other.
    std::string preview_name(const std::string& preview_id) const;
    std::string language_name() const;
    // Marks a browser in which someone of an organisation opened a preview (ShareGate::by_token):
    // their own visits to that organisation's links are logged as theirs, not the recipient's.
    std::string owner_mark_name() const;

    // Strict for everything that grants access. Lax only for the owner mark, which grants nothing
    // and must come along when the owner follows a link from the host's page (another site).
    enum class SameSite { Strict, Lax };

    // HttpOnly, SameSite, Path=/, Secure under TLS. `max_age_seconds` < 0: session cookie.
    void set(Poco::Net::HTTPResponse& response, const std::string& name, const std::string& value,
             long max_age_seconds = -1, SameSite same_site = SameSite::Strict) const;
    void remove(Poco::Net::HTTPResponse& response, const std::string& name) const;

  private:
    std::string prefixed(const std::string& name) const;
    bool tls_;
};

}  // namespace es::portal::http
