#include "web/router.hpp"

#include "web/split_text.hpp"

#include <Poco/URI.h>

#include "auth/tokens.hpp"
#include "log/error_text.hpp"
#include "log/host_log.hpp"
#include "web/accept_language.hpp"
#include "web/api_error.hpp"

namespace host {

std::vector<std::string> Router::split(const std::string& path) {
    return split_nonempty(path, '/');
}

void Router::add(const std::string& method, const std::string& pattern, Access access, Handler h) {
    routes_.push_back(Route{method, split(pattern), access, std::move(h)});
}

void Router::add_streaming(const std::string& method, const std::string& pattern, Access access,
                           Handler h) {
    routes_.push_back(Route{method, split(pattern), access, std::move(h), true});
}

bool Router::streams_body(const std::string& method, const std::string& target) const {
    std::string path;
    try {
        path = Poco::URI(target).getPath();
    } catch (const std::exception&) {
        return false;  // the handler answers the malformed target
    }
    const auto segments = split(path);
    for (const auto& r : routes_) {
        if (!r.streaming || r.method != method || r.segments.size() != segments.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; same && i < segments.size(); ++i) {
            const auto& pat = r.segments[i];
            same =
                (pat.size() > 2 && pat.front() == '{' && pat.back() == '}') || pat == segments[i];
        }
        if (same)
            return true;
    }
    return false;
}

bool Router::match(const Route& r, const std::vector<std::string>& segments, Exchange& ex) {
    if (r.segments.size() != segments.size())
        return false;
    std::map<std::string, std::string> params;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& pat = r.segments[i];
        if (pat.size() > 2 && pat.front() == '{' && pat.back() == '}') {
            std::string decoded;
            try {
                Poco::URI::decode(segments[i], decoded);
            } catch (const Poco::Exception&) {
                return false;  // "%zz" names nothing: not found
            }
            params[pat.substr(1, pat.size() - 2)] = decoded;
        } else if (pat != segments[i]) {
            return false;
        }
    }
    ex.params = std::move(params);
    return true;
}

void Router::authenticate(Exchange& ex, Access access) const {
    if (access == Access::anyone)
        return;
    std::string token = ex.cookie("dm_session");
    auto session = dm_.sessions.find(token);
    if (!session) {
        throw ApiError(401, "unauthenticated", "Please sign in.");
    }
    // The session names the user; the user names the organisation. A deactivated user is out.
    std::optional<User> found = dm_.users.find_any(session->user_id);
    if (found && !found->active)
        found.reset();
    if (!found) {
        throw ApiError(401, "unauthenticated", "Please sign in.");
    }
    const std::string& m = ex.method();
    if (m != "GET" && m != "HEAD") {
        std::string sent = ex.request().get("X-CSRF-Token", "");
        if (!Tokens::equal_constant_time(sent, session->csrf_token)) {
            throw ApiError(403, "csrf_failed",
                           "The request lacks a valid CSRF token; reload the page.");
        }
    }
    if (access == Access::admin && !found->is_admin()) {
        throw ApiError(403, "forbidden", "Only an organisation administrator may do this.");
    }
    ex.session = *session;
    ex.session_token = token;
    // The user's own choice; until they make one, the browser's languages.
    ex.locale = dm_.users.preference(found->id, "locale")
                    .value_or(accepted_locale(ex.request().get("Accept-Language", "")));
    ex.user = std::move(found);
}

void Router::run(const Route& route, Exchange& ex) const {
    try {
        authenticate(ex, route.access);
        route.handler(ex);
    } catch (const ApiError& e) {
        if (!ex.sent())
            ex.send_error(e.status(), e.code(), e.what(), e.field());
    } catch (const std::exception& e) {
        HostLog::error("request " + ex.method() + " " + ex.path() + " failed: " + error_text(e));
        if (!ex.sent())
            ex.send_error(500, "internal_error", "Something went wrong on the server.");
    }
}

void Router::dispatch(Exchange& ex) const {
    if (ex.malformed_target()) {
        ex.send_error(400, "bad_request", "The request's address is malformed.");
        return;
    }
    auto segments = split(ex.path());
    bool path_known = false;
    for (const auto& r : routes_) {
        if (!match(r, segments, ex))
            continue;
        path_known = true;
        if (r.method == ex.method()) {
            run(r, ex);
            return;
        }
    }
    if (path_known) {
        ex.send_error(405, "method_not_allowed", "This method is not allowed here.");
        return;
    }
    if (ex.path().rfind("/api/", 0) == 0 || ex.path() == "/api") {
        ex.send_error(404, "not_found", "Not found.");
        return;
    }
    if (fallback_) {
        try {
            fallback_(ex);
        } catch (const std::exception& e) {
            HostLog::error("static file " + ex.path() + " failed: " + error_text(e));
            if (!ex.sent())
                ex.send_error(500, "internal_error", "Something went wrong on the server.");
        }
    } else {
        ex.send_error(404, "not_found", "Not found.");
    }
}

}  // namespace host
