#include "portal/csrf.hpp"

#include "crypto/base64url.hpp"
#include "crypto/constant_time.hpp"
#include "crypto/digest.hpp"
#include "crypto/random_bytes.hpp"
#include "crypto/token.hpp"

namespace es::portal {

std::string Csrf::ensure_pre_session(Exchange& ex) const {
    if (auto v = ex.cookie(jar_.pre_session_name()); v && crypto::looks_like_token(*v)) {
        return *v;
    }
    std::string value = crypto::base64url_encode(crypto::random_bytes(32));
    jar_.set(ex.response, jar_.pre_session_name(), value);
    return value;
}

std::string Csrf::token(const std::string& pre_session, const std::string& subject) {
    return crypto::base64url_encode(crypto::hmac_sha256(pre_session, "csrf|" + subject));
}

bool Csrf::verify(const Exchange& ex, const std::string& subject,
                  const std::string& submitted) const {
    const auto pre = ex.cookie(jar_.pre_session_name());
    if (!pre || !crypto::looks_like_token(*pre) || submitted.empty()) {
        return false;
    }
    return crypto::equal_constant_time(token(*pre, subject), submitted);
}

std::optional<std::string> Csrf::pre_session_hash(const Exchange& ex) const {
    const auto pre = ex.cookie(jar_.pre_session_name());
    if (!pre || !crypto::looks_like_token(*pre)) {
        return std::nullopt;
    }
    return crypto::sha256_hex("pre-session|" + *pre);
}

}  // namespace es::portal
