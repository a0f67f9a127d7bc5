#include "portal/routes/stylesheet_route.hpp"

#include "portal/http/responder.hpp"
#include "portal/pages/stylesheet.hpp"

namespace es::portal::routes {

void StylesheetRoute::handle(Exchange& ex) {
    http::send_body(ex, Poco::Net::HTTPResponse::HTTP_OK, "text/css; charset=utf-8",
                    pages::stylesheet());
}

}  // namespace es::portal::routes
