// A licence key taken apart without any trust: the JWS compact form (RFC 7515) of an ES256 JWT.
// Used by LicenceVerifier before it checks the signature, and by `es-licence inspect`.
#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <string_view>

namespace es::licence {

// Fixed parts of the format, shared by the verifier and the vendor tool.
inline constexpr const char* kLicenceAlgorithm = "ES256";
inline constexpr const char* kLicenceIssuer = "external-sharing-vendor";

struct DecodedLicenceKey {
    Poco::JSON::Object::Ptr header;
    Poco::JSON::Object::Ptr payload;
    std::string signature;  // raw bytes
};

// The parts of `key` (surrounding white space ignored), or nothing when it is not three base64url
// parts whose first two are JSON objects.
std::optional<DecodedLicenceKey> decode_licence_key(std::string_view key);

// `key` without surrounding white space (keys are pasted from e-mails).
std::string trim_licence_key(std::string_view key);

}  // namespace es::licence
