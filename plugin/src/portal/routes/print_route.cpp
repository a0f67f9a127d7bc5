#include "portal/routes/print_route.hpp"

#include "portal/http/responder.hpp"
#include "portal/pages/print_page.hpp"
#include "portal/routes/owner_alert_triggers.hpp"
#include "portal/routes/route_support.hpp"

namespace es::portal::routes {

void PrintRoute::handle(Exchange& ex, const ShareAccess& access) {
    if (!access.authenticated()) {
        http::send_see_other(ex, access.base_path);
        return;
    }
    // No forms: nothing on paper to click, and no language switch (the page's own is one click
    // back; the language chosen there holds here).
    const auto frame = frame_for(ctx_, ex, access, false);
    const CaseView view =
        ctx_.case_views.load(access.share, access.selection, ex.language, CaseViewLoader::Parts{});
    const std::string html = pages::print_page(frame, view);
    if (!ex.is_head()) {
        ctx_.access.record_before_answer(access, ex, "print", "ok");
    }
    report_opened(ctx_, ex, access, OwnerAlerts::Access::View);
    http::send_html(ex, Poco::Net::HTTPResponse::HTTP_OK, html);
}

}  // namespace es::portal::routes
