#include "portal/routes/preview_routes.hpp"

#include <Poco/Net/NameValueCollection.h>

#include <utility>
#include <vector>

#include "domain/error.hpp"
#include "portal/http/responder.hpp"
#include "portal/pages/preview_pages.hpp"
#include "portal/pages/texts.hpp"
#include "portal/preview_cookie_limit.hpp"
#include "portal/routes/route_support.hpp"

namespace es::portal::routes {

void PreviewOpenRoute::handle(Exchange& ex, const std::string& ticket) {
    auto redeemed = tickets_.redeem(ticket);
    if (!redeemed) {
        send_dead_link(ex);
        return;
    }
    // Room for this preview among the others this browser holds (preview_cookie_limit.hpp).
    Poco::Net::NameValueCollection sent;
    ex.request.getCookies(sent);
    const std::string prefix = ctx_.cookies.preview_name("");
    std::vector<std::pair<std::string, std::string>> held;
    for (const auto& [name, value] : sent) {
        if (name.rfind(prefix, 0) == 0) {
            held.emplace_back(name, value);
        }
    }
    // The local clock will do: this only tidies up, the gate decides by the database clock.
    for (const auto& name : previews_to_retire(held, ctx_.ports.secret_box, domain::now_utc())) {
        ctx_.cookies.remove(ex.response, name);
    }
    // Max-Age as long as the grant inside lives: the cookies of finished previews go away.
    ctx_.cookies.set(
        ex.response, ctx_.cookies.preview_name(redeemed->preview_id), redeemed->preview_cookie,
        std::chrono::duration_cast<std::chrono::seconds>(PreviewTickets::kPreviewLifetime).count());
    ctx_.cookies.set(
        ex.response, ctx_.cookies.owner_mark_name(), redeemed->owner_mark,
        std::chrono::duration_cast<std::chrono::seconds>(PreviewTickets::kOwnerMarkLifetime)
            .count(),
        http::CookieJar::SameSite::Lax);
    http::send_see_other(ex, "/preview/" + redeemed->preview_id);
}

void PreviewEndedRoute::handle(Exchange& ex, const ShareAccess& ended) {
    const bool revoked = ended.share.revocation.has_value();
    http::send_html(ex, Poco::Net::HTTPResponse::HTTP_GONE,
                    pages::preview_ended_page(frame_for(ctx_, ex, ended, false), revoked));
}

void PreviewHideRoute::handle(Exchange& ex, const ShareAccess& access) {
    if (!access.preview) {
        send_dead_link(ex);
        return;
    }
    auto form = read_checked_form(ctx_, ex, access);
    if (!form) {
        return;
    }
    try {
        const auto section = domain::parse_section(form->get("section", ""));
        ctx_.ports.preview_editor.hide_item(access.owner, access.share.id, section,
                                            form->get("item", ""));
    } catch (const domain::Error& e) {
        ctx_.log_error("preview hide", "", e.what());
        send_message(ctx_, ex, access, Poco::Net::HTTPResponse::HTTP_CONFLICT,
                     pages::texts(ex.language).error);
        return;
    }
    http::send_see_other(ex, access.base_path);
}

}  // namespace es::portal::routes
