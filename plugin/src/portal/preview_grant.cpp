#include "portal/preview_grant.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "crypto/base64url.hpp"
#include "crypto/random_bytes.hpp"

namespace es::portal {

std::string PreviewGrant::seal(const crypto::SecretBox& box, const std::string& purpose) const {
    Poco::JSON::Object o;
    o.set("o", organisation_id);
    o.set("s", share_id);
    o.set("u", user_id);
    o.set("e", domain::to_epoch_ms(expires_at));
    if (!preview_id.empty()) {
        o.set("p", preview_id);
    }
    // A random part makes every ticket distinct, so "single use" is per ticket.
    o.set("n", crypto::base64url_encode(crypto::random_bytes(16)));
    std::ostringstream json;
    o.stringify(json);
    return crypto::base64url_encode(box.seal(json.str(), purpose));
}

std::optional<PreviewGrant> PreviewGrant::open(const crypto::SecretBox& box,
                                               const std::string& purpose,
                                               const std::string& text) {
    if (text.size() > 2048) {
        return std::nullopt;
    }
    const auto sealed = crypto::base64url_decode(text);
    if (!sealed) {
        return std::nullopt;
    }
    try {
        const std::string json = box.open(*sealed, purpose);
        Poco::JSON::Parser parser;
        auto o = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
        PreviewGrant g;
        g.organisation_id = o->getValue<std::string>("o");
        g.share_id = o->getValue<std::string>("s");
        g.user_id = o->getValue<std::string>("u");
        g.expires_at = domain::from_epoch_ms(o->getValue<std::int64_t>("e"));
        g.preview_id = o->optValue<std::string>("p", "");
        return g;
    } catch (...) {
        return std::nullopt;  // tampered, wrong key, wrong purpose: all simply invalid
    }
}

}  // namespace es::portal
