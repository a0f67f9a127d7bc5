#include "portal/portal_router.hpp"

#include <Poco/URI.h>

#include <vector>

#include "domain/error.hpp"
#include "domain/throttle_key.hpp"
#include "portal/http/responder.hpp"
#include "portal/http/secret_query.hpp"
#include "portal/pages/refusal_pages.hpp"
#include "portal/pages/texts.hpp"
#include "portal/routes/code_send_route.hpp"
#include "portal/routes/code_verify_route.hpp"
#include "portal/routes/file_route.hpp"
#include "portal/routes/language_route.hpp"
#include "portal/routes/password_route.hpp"
#include "portal/routes/preview_routes.hpp"
#include "portal/routes/print_route.hpp"
#include "portal/routes/ready_route.hpp"
#include "portal/routes/route_support.hpp"
#include "portal/routes/share_page_route.hpp"
#include "portal/routes/stylesheet_route.hpp"
#include "portal/routes/well_known_route.hpp"
#include "portal/routes/zip_route.hpp"
#include "text/error_text.hpp"

namespace es::portal {
namespace {

constexpr std::size_t kMaxPath = 2048;

// Splits the path (query dropped) into decoded segments; nothing for an unusable path.
std::optional<std::vector<std::string>> segments_of(const std::string& uri) {
    const std::string path = uri.substr(0, uri.find('?'));
    if (path.empty() || path.front() != '/' || path.size() > kMaxPath) {
        return std::nullopt;
    }
    std::vector<std::string> out;
    std::size_t pos = 1;
    while (pos <= path.size()) {
        const auto slash = path.find('/', pos);
        const std::string raw =
            path.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
        std::string decoded;
        try {
            Poco::URI::decode(raw, decoded);
        } catch (const Poco::Exception&) {
            return std::nullopt;
        }
        out.push_back(std::move(decoded));
        if (slash == std::string::npos) {
            break;
        }
        pos = slash + 1;
    }
    return out;
}

// A request another site's page made the browser send: an <img>, <script>, <iframe> or fetch()
// pointing at the portal (Fetch Metadata: Sec-Fetch-Site cross-site or same-site, and not a
// top-level navigation to a document). A recipient's own pages never do that, so the answer is the
// dead link's, at once, with nothing looked up and nothing counted: otherwise any page the
// recipient visited could spend their address's dead-link allowance with a stream of random
// /s/ images and lock them out of their own link. A client that adds these headers by hand only
// gets dead-link answers that tell it nothing.
bool sent_for_another_site(const Exchange& ex) {
    const std::string& site = ex.request.get("Sec-Fetch-Site", "");
    if (site != "cross-site" && site != "same-site") {
        return false;
    }
    return ex.request.get("Sec-Fetch-Mode", "") != "navigate" ||
           ex.request.get("Sec-Fetch-Dest", "document") != "document";
}

const std::string& generic_error_page() {
    static const std::string kPage =
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Fehler / Error</title>\n<link rel=\"stylesheet\" href=\"/assets/portal.css\">\n"
        "</head>\n<body>\n<main>\n<p>Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später "
        "noch einmal.</p>\n<p lang=\"en\">Something went wrong. Please try again later.</p>\n"
        "</main>\n</body>\n</html>\n";
    return kPage;
}

}  // namespace

void PortalRouter::route(Exchange& ex) noexcept {
    auto status = Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR;
    const std::string* page = &generic_error_page();
    try {
        if (routes::is_readiness_request(ex)) {
            routes::ReadyRoute(ctx_.readiness).handle(ex);
            return;
        }
        if (sent_for_another_site(ex)) {
            routes::send_dead_link(ex);
            return;
        }
        const std::string client = domain::client_throttle_key(ex.client_ip());
        if (auto wait = ctx_.dead_links.refusal(client)) {
            routes::send_too_many_requests(ex, *wait);
            return;
        }
        dispatch(ex);
        // Every 404 of the portal is the dead-link answer.
        if (ex.response.getStatus() == Poco::Net::HTTPResponse::HTTP_NOT_FOUND) {
            ctx_.dead_links.count(client);
        }
        return;
    } catch (const AccessLogUnavailable&) {
        // Already in the host's log (AccessRecorder); the request ends without content.
        status = Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE;
        page = &pages::unavailable_page();
    } catch (const domain::Error& e) {
        // A dependency that cannot answer now (the host, the database) refuses the request: the
        // portal never decides with less than it needs.
        ctx_.log_error(ex.request.getMethod(), "", e.what());
        if (e.kind() == domain::Error::Kind::Unavailable) {
            status = Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE;
            page = &pages::unavailable_page();
        }
    } catch (const std::exception& e) {
        // The message may hold SQL or paths: it goes to the host's log, never to the visitor.
        ctx_.log_error(ex.request.getMethod(), "", text::error_text(e));
    } catch (...) {
        ctx_.log_error(ex.request.getMethod(), "", "unknown failure");
    }
    if (ex.head_sent) {
        ex.must_close = true;
        return;
    }
    try {
        ex.response.erase("Set-Cookie");
        ex.response.erase("Location");
        http::clear_content_headers(ex);
        ex.response.setKeepAlive(false);
        ex.must_close = true;
        http::send_html(ex, status, *page);
    } catch (...) {
        ex.must_close = true;
    }
}

void PortalRouter::dispatch(Exchange& ex) {
    const auto segs = segments_of(ex.request.getURI());
    const std::string& method = ex.request.getMethod();
    if (!segs || (method != "GET" && method != "HEAD" && method != "POST")) {
        routes::send_dead_link(ex);
        return;
    }
    // Before any lookup, so live and dead links answer alike.
    if (http::query_names_a_secret(ex.request.getURI())) {
        routes::send_bad_request(ex);
        return;
    }
    const auto& s = *segs;
    if (s.size() == 2 && s[0] == "assets" && s[1] == "portal.css" && ex.is_get_or_head()) {
        routes::StylesheetRoute().handle(ex);
        return;
    }
    if (routes::WellKnownRoute::matches(s) && ex.is_get_or_head()) {
        routes::WellKnownRoute().handle(ex, s);
        return;
    }
    if (s.size() >= 2 && s[0] == "s") {
        // Every /s/ request hashes and looks up its token, whatever else is wrong with it.
        auto access = ctx_.gate.by_token(ex, s[1]);
        if (!access) {
            routes::send_dead_link(ex);
            return;
        }
        share_routes(ex, *access, std::vector<std::string>(s.begin() + 2, s.end()));
        return;
    }
    if (s.size() == 2 && s[0] == "p" && ex.is_get_or_head()) {
        routes::PreviewOpenRoute(ctx_, tickets_).handle(ex, s[1]);
        return;
    }
    if (s.size() >= 2 && s[0] == "preview") {
        // The preview is the one its URL names, read from that preview's own cookie: a tab acts
        // on exactly the link it shows, whatever other previews the browser holds.
        auto found = ctx_.gate.by_preview(ex, s[1]);
        if (found.ended) {
            routes::choose_language(ctx_, ex, *found.ended);
            routes::PreviewEndedRoute(ctx_).handle(ex, *found.ended);
            return;
        }
        if (!found.open) {
            routes::send_dead_link(ex);
            return;
        }
        std::vector<std::string> rest(s.begin() + 2, s.end());
        if (rest.size() == 1 && rest[0] == "hide" && ex.is_post()) {
            routes::choose_language(ctx_, ex, *found.open);
            routes::PreviewHideRoute(ctx_).handle(ex, *found.open);
            return;
        }
        share_routes(ex, *found.open, rest);
        return;
    }
    routes::send_dead_link(ex);
}

void PortalRouter::share_routes(Exchange& ex, const ShareAccess& access,
                                const std::vector<std::string>& rest) {
    routes::choose_language(ctx_, ex, access);
    const bool get = ex.is_get_or_head();
    const bool post = ex.is_post();
    if (rest.empty() && get) {
        routes::SharePageRoute(ctx_).handle(ex, access);
    } else if (rest.size() == 1 && rest[0] == "password" && post) {
        routes::PasswordRoute(ctx_).handle(ex, access);
    } else if (rest.size() == 1 && rest[0] == "code" && post) {
        routes::CodeVerifyRoute(ctx_).handle(ex, access);
    } else if (rest.size() == 2 && rest[0] == "code" && rest[1] == "send" && post) {
        routes::CodeSendRoute(ctx_).handle(ex, access);
    } else if (rest.size() == 1 && rest[0] == "language" && post) {
        routes::LanguageRoute(ctx_).handle(ex, access);
    } else if (rest.size() == 2 && rest[0] == "files" && get) {
        routes::FileRoute(ctx_).handle(ex, access, rest[1],
                                       routes::FileRoute::Presentation::Download);
    } else if (rest.size() == 2 && rest[0] == "view" && get) {
        routes::FileRoute(ctx_).handle(ex, access, rest[1], routes::FileRoute::Presentation::View);
    } else if (rest.size() == 1 && rest[0] == "print" && get) {
        routes::PrintRoute(ctx_).handle(ex, access);
    } else if (rest.size() == 1 && rest[0] == "all.zip" && get) {
        routes::ZipRoute(ctx_).handle(ex, access);
    } else {
        routes::send_dead_link(ex);
    }
}

}  // namespace es::portal
