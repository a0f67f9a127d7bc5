#include "portal/routes/ready_route.hpp"

#include "portal/http/responder.hpp"

namespace es::portal::routes {

bool is_readiness_request(const Exchange& ex) {
    const std::string& uri = ex.request.getURI();
    return ex.is_get_or_head() && uri.substr(0, uri.find('?')) == "/ready";
}

void ReadyRoute::handle(Exchange& ex) {
    const Readiness::Verdict v = readiness_.check();
    ex.response.set("Cache-Control", "no-store");
    // The codes and sentences are Readiness's own constants: nothing to escape, nothing of the
    // failure itself.
    if (v.ready) {
        http::send_body(ex, Poco::Net::HTTPResponse::HTTP_OK, "application/json; charset=utf-8",
                        "{\"status\":\"ready\"}\n");
        return;
    }
    http::send_body(ex, Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                    "application/json; charset=utf-8",
                    "{\"status\":\"not_ready\",\"error\":{\"code\":\"" + v.code +
                        "\",\"message\":\"" + v.message + "\"}}\n");
}

}  // namespace es::portal::routes
