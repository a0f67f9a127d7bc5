// The headers every portal response carries, errors and downloads included.
#pragma once

#include <Poco/Net/HTTPResponse.h>

namespace es::portal::http {

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

// CSP without inline script, no framing, no referrer (the token is in the path), no caching
// anywhere (shared computers, proxies), no MIME sniffing; HSTS only when this server speaks TLS
// itself (behind a TLS proxy, the proxy sets it). The one exception to the policy: a response that
// already carries http::kInlineFilePolicy (a file shown inline) keeps it.
void apply_security_headers(Poco::Net::HTTPResponse& response, bool tls);

}  // namespace es::portal::http
