// Secrets travel in form bodies only. A password, code or token in a URL ends up in browser
// history, proxy and server logs and Referer headers, so a query whose parameter names look like
// one is refused as a whole (400) instead of being read or silently ignored: a client that builds
// such URLs learns at once that it is wrong.
#pragma once

#include <string_view>

namespace es::portal::http {

// True when some parameter name of the URI's query (percent- and '+'-decoded, compared without
// case and without punctuation, so "New-Pass%77ord" counts) names a secret: it contains
// "pass", "pwd", "secret", "token", "code", "otp", "csrf", "session", "cookie", "auth",
// "credential", "apikey", "accesskey" or "privatekey", or it is exactly "pin", "key", "sid" or
// "pw".
bool query_names_a_secret(std::string_view uri);

}  // namespace es::portal::http
