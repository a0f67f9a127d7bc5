#include "portal/routes/language_route.hpp"

#include "portal/http/responder.hpp"
#include "portal/routes/route_support.hpp"

namespace es::portal::routes {

void LanguageRoute::handle(Exchange& ex, const ShareAccess& access) {
    auto form = read_checked_form(ctx_, ex, access);
    if (!form) {
        return;
    }
    if (auto l = domain::parse_language_tag(form->get("lang", ""))) {
        ctx_.cookies.set(ex.response, ctx_.cookies.language_name(),
                         std::string(domain::to_text(*l)), 365L * 24 * 3600);
    }
    http::send_see_other(ex, access.base_path);
}

}  // namespace es::portal::routes
