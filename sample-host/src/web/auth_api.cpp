#include "web/auth_api.hpp"

#include <Poco/Net/HTTPCookie.h>

#include "auth/password_hash.hpp"
#include "log/host_log.hpp"
#include "web/accept_language.hpp"
#include "web/api_error.hpp"

namespace host {

namespace {

using Poco::JSON::Object;

std::string string_field(const Object::Ptr& body, const std::string& name, bool required,
                         std::size_t max_len = 1000) {
    if (!body->has(name)) {
        if (required)
            throw ApiError::bad_request("'" + name + "' is required.", name);
        return {};
    }
    auto v = body->get(name);
    if (!v.isString())
        throw ApiError::bad_request("'" + name + "' must be a string.", name);
    auto s = v.extract<std::string>();
    if (s.size() > max_len)
        throw ApiError::bad_request("'" + name + "' is too long.", name);
    return s;
}

Poco::Net::HTTPCookie session_cookie(const std::string& value, int max_age) {
    Poco::Net::HTTPCookie c("dm_session", value);
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
    c.setMaxAge(max_age);
    return c;
}

Object::Ptr me(DossierManager& dm, const User& u, const std::string& locale,
               const std::string& csrf) {
    Object::Ptr user = new Object;
    user->set("id", std::to_string(u.id));
    user->set("login", u.login);
    user->set("display_name", u.display_name);
    user->set("email", u.email);
    user->set("role", u.role);
    Object::Ptr org = new Object;
    org->set("id", std::to_string(u.organisation_id));
    org->set("name", dm.users.organisation_name(u.organisation_id));
    Object::Ptr root = new Object;
    root->set("user", user);
    root->set("organisation", org);
    root->set("locale", locale);
    root->set("csrf_token", csrf);
    root->set("mailbox_enabled", !dm.config.spool_directory.empty());
    return root;
}

}  // namespace

void AuthApi::install(Router& router, DossierManager& dm) {
    router.add("POST", "/api/login", Access::anyone, [&dm](Exchange& ex) {
        auto body = ex.json_body();
        std::string login = string_field(body, "login", true, 200);
        std::string password = string_field(body, "password", true, 1000);
        std::string address = ex.client_address();
        if (!dm.throttle.allowed(login, address)) {
            ex.response().set("Retry-After", "300");
            throw ApiError(429, "too_many_attempts",
                           "Too many failed sign-in attempts. Please wait a few minutes.");
        }
        auto user = dm.users.find_by_login(login);
        // Verify even for an unknown login, against a decoy, so timing does not tell them apart.
        bool ok =
            PasswordHash::verify(user ? user->password_hash : PasswordHash::decoy(), password);
        if (!user || !ok || !user->active) {
            dm.throttle.failed(login, address);
            throw ApiError(401, "invalid_credentials", "Login name or password is wrong.");
        }
        dm.throttle.succeeded(login, address);
        auto grant = dm.sessions.create(user->id);
        ex.response().addCookie(session_cookie(grant.token, SessionRepository::kLifetimeSeconds));
        HostLog::info("user " + user->login + " signed in");
        std::string locale =
            dm.users.preference(user->id, "locale")
                .value_or(accepted_locale(ex.request().get("Accept-Language", "")));
        ex.send_json(200, me(dm, *user, locale, grant.csrf_token));
    });

    router.add("POST", "/api/logout", Access::user, [&dm](Exchange& ex) {
        dm.sessions.remove(ex.session_token);
        ex.response().addCookie(session_cookie("", 0));
        ex.send_no_content();
    });

    router.add("GET", "/api/me", Access::user, [&dm](Exchange& ex) {
        ex.send_json(200, me(dm, *ex.user, ex.locale, ex.session.csrf_token));
    });

    router.add("PUT", "/api/me/locale", Access::user, [&dm](Exchange& ex) {
        auto body = ex.json_body();
        std::string locale = string_field(body, "locale", true, 10);
        if (locale != "de" && locale != "en") {
            throw ApiError::bad_request("'locale' must be \"de\" or \"en\".", "locale");
        }
        dm.users.set_preference(ex.user->id, "locale", locale);
        ex.send_json(200, me(dm, *ex.user, locale, ex.session.csrf_token));
    });
}

}  // namespace host
