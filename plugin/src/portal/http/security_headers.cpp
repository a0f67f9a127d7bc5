#include "portal/http/security_headers.hpp"

#include "portal/http/inline_view.hpp"

namespace es::portal::http {

void apply_security_headers(Poco::Net::HTTPResponse& response, bool tls) {
    // A file shown inline keeps its own, stricter policy; any other value is replaced.
    if (!response.has("Content-Security-Policy") ||
        response.get("Content-Security-Policy") != kInlineFilePolicy) {
        response.set("Content-Security-Policy", kContentSecurityPolicy);
    }
    response.set("Referrer-Policy", "no-referrer");
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
    response.set("Cross-Origin-Opener-Policy", "same-origin");
    response.set("Cross-Origin-Resource-Policy", "same-origin");
    if (tls) {
        response.set("Strict-Transport-Security", "max-age=31536000");
    }
}

}  // namespace es::portal::http
