#include "portal/routes/share_page_route.hpp"

#include <Poco/URI.h>

#include "portal/http/responder.hpp"
#include "portal/pages/auth_pages.hpp"
#include "portal/pages/masked_contact.hpp"
#include "portal/pages/share_page.hpp"
#include "portal/routes/owner_alert_triggers.hpp"
#include "portal/routes/route_support.hpp"

namespace es::portal::routes {

std::string masked_code_destination(const domain::Share& share) {
    if (share.code_channel == domain::CodeChannel::Sms && share.recipient.phone) {
        return pages::masked_phone(*share.recipient.phone);
    }
    if (share.recipient.email) {
        return pages::masked_email(*share.recipient.email);
    }
    return "—";
}

void SharePageRoute::handle(Exchange& ex, const ShareAccess& access) {
    using Poco::Net::HTTPResponse;
    auto frame = frame_for(ctx_, ex, access);
    if (!access.password_passed()) {
        http::send_html(ex, HTTPResponse::HTTP_OK, pages::password_page(frame, ""));
        return;
    }
    if (!access.code_passed()) {
        const bool sent = Poco::URI(ex.request.getURI()).getRawQuery() == "sent";
        http::send_html(ex, HTTPResponse::HTTP_OK,
                        pages::code_page(frame, masked_code_destination(access.share), sent, ""));
        return;
    }
    const auto& selection = access.selection;
    const CaseView view =
        ctx_.case_views.load(access.share, selection, ex.language, CaseViewLoader::Parts{});
    const std::string html = pages::share_page(frame, view);
    if (!ex.is_head()) {
        // The page goes out once its event is committed, without this worker waiting for it.
        ctx_.access.record_before_answer(access, ex, "view", "ok");
    }
    report_opened(ctx_, ex, access, OwnerAlerts::Access::View);
    http::send_html(ex, HTTPResponse::HTTP_OK, html);
}

}  // namespace es::portal::routes
