#include "portal/routes/well_known_route.hpp"

#include "portal/http/responder.hpp"

namespace es::portal::routes {

bool WellKnownRoute::matches(const std::vector<std::string>& segments) {
    return segments.size() == 1 && (segments[0] == "favicon.ico" || segments[0] == "robots.txt");
}

void WellKnownRoute::handle(Exchange& ex, const std::vector<std::string>& segments) {
    if (segments[0] == "robots.txt") {
        http::send_body(ex, Poco::Net::HTTPResponse::HTTP_OK, "text/plain; charset=utf-8",
                        "User-agent: *\nDisallow: /\n");
        return;
    }
    // A plain document outline in the portal's blue; an SVG of our own, without script.
    static const std::string kIcon =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
        "<path d=\"M3 1h7l3 3v11H3z\" fill=\"#fff\" stroke=\"#1f4e8c\" stroke-width=\"1.5\"/>"
        "</svg>";
    http::send_body(ex, Poco::Net::HTTPResponse::HTTP_OK, "image/svg+xml", kIcon);
}

}  // namespace es::portal::routes
