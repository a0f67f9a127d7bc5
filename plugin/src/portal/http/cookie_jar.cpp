#include "portal/http/cookie_jar.hpp"

namespace es::portal::http {

std::string CookieJar::prefixed(const std::string& name) const {
    return tls_ ? "__Host-" + name : name;
}

std::string CookieJar::session_name(const std::string& share_suffix) const {
    return prefixed("es_session_" + share_suffix);
}
std::string CookieJar::pre_session_name() const {
    return prefixed("es_pre");
}
std::string CookieJar::preview_name(const std::string& preview_id) const {
    return prefixed("es_preview_" + preview_id);
}
std::string CookieJar::language_name() const {
    return prefixed("es_lang");
}
std::string CookieJar::owner_mark_name() const {
    return prefixed("es_owner");
}

void CookieJar::set(Poco::Net::HTTPResponse& response, const std::string& name,
                    const std::string& value, long max_age_seconds, SameSite same_site) const {
    std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=" +
                    (same_site == SameSite::Lax ? "Lax" : "Strict");
    if (tls_) {
        c += "; Secure";
    }
    if (max_age_seconds >= 0) {
        c += "; Max-Age=" + std::to_string(max_age_seconds);
    }
    response.add("Set-Cookie", c);
}

void CookieJar::remove(Poco::Net::HTTPResponse& response, const std::string& name) const {
    set(response, name, "", 0);
}

}  // namespace es::portal::http
