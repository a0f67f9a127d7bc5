// Constant pages for requests the portal refuses as a whole, whatever link they name: the same
// bytes for live and dead links, nothing from the request echoed back.
#pragma once

#include <string>

namespace es::portal::pages {

// 400: a secret in the URL's query.
const std::string& bad_request_page();

// 503: the access log cannot be written (portal.access_log_failure: refuse): nothing about the
// link, only "try again".
const std::string& unavailable_page();

// 429: a client that earned too many dead-link answers (DeadLinkThrottle).
const std::string& too_many_requests_page();

}  // namespace es::portal::pages
