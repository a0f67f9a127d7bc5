#include "licence/licence_verifier.hpp"

#include <Poco/Exception.h>
#include <Poco/JWT/JWTException.h>
#include <Poco/JWT/Signer.h>

#include <fstream>
#include <sstream>

#include "config/config_error.hpp"
#include "licence/decoded_licence_key.hpp"
#include "licence/licence_refused.hpp"
#include "text/time_text.hpp"

namespace es::licence {

namespace {

constexpr const char* kConfigKey = "licensing.vendor_keys";

Poco::SharedPtr<Poco::Crypto::ECKey> load_public_key(const std::string& pem,
                                                     const std::string& key_id,
                                                     const std::string& file) {
    try {
        std::istringstream in(pem);
        Poco::SharedPtr<Poco::Crypto::ECKey> key = new Poco::Crypto::ECKey(&in);
        if (key->impl()->groupName() != "prime256v1") {
            throw config::ConfigError(file, kConfigKey, 0,
                                      "vendor key '" + key_id + "' is not on the P-256 curve");
        }
        return key;
    } catch (const Poco::Exception&) {
        throw config::ConfigError(
            file, kConfigKey, 0, "vendor key '" + key_id + "' is not an EC public key in PEM form");
    }
}

std::string string_claim(const Poco::JSON::Object& object, const std::string& name) {
    if (!object.has(name) || !object.get(name).isString()) {
        return {};
    }
    return object.getValue<std::string>(name);
}

// Whole seconds only: a fraction or a string in a numeric claim means a hand-made key.
std::optional<std::int64_t> integer_claim(const Poco::JSON::Object& object,
                                          const std::string& name) {
    if (!object.has(name)) {
        return std::nullopt;
    }
    const Poco::Dynamic::Var value = object.get(name);
    if (!value.isInteger()) {
        return std::nullopt;
    }
    return value.convert<std::int64_t>();
}

bool signature_matches(const Poco::SharedPtr<Poco::Crypto::ECKey>& key, std::string_view text) {
    Poco::JWT::Signer signer(key);
    signer.setAlgorithms({Poco::JWT::Signer::ALGO_ES256});  // never HS256 with the public key
    Poco::JWT::Token token;
    try {
        return signer.tryVerify(trim_licence_key(text), token);
    } catch (const Poco::Exception&) {
        return false;
    }
}

}  // namespace

LicenceVerifier::LicenceVerifier(const std::vector<VendorPublicKey>& keys,
                                 const std::string& config_file) {
    for (const auto& k : keys) {
        if (k.key_id.empty()) {
            throw config::ConfigError(config_file, kConfigKey, 0, "a vendor key has no key_id");
        }
        if (!keys_.emplace(k.key_id, load_public_key(k.pem, k.key_id, config_file)).second) {
            throw config::ConfigError(config_file, kConfigKey, 0,
                                      "vendor key id '" + k.key_id + "' appears twice");
        }
    }
}

LicenceVerifier LicenceVerifier::from_settings(const config::LicensingSettings& settings,
                                               const std::string& config_file) {
    std::vector<VendorPublicKey> keys;
    for (const auto& vendor_key : settings.vendor_keys) {
        std::ifstream in(vendor_key.public_key_file, std::ios::binary);
        if (!in) {
            throw config::ConfigError(config_file, kConfigKey, 0,
                                      "cannot read the public key file '" +
                                          vendor_key.public_key_file + "' of vendor key '" +
                                          vendor_key.key_id + "'");
        }
        std::ostringstream pem;
        pem << in.rdbuf();
        keys.push_back({vendor_key.key_id, pem.str()});
    }
    return LicenceVerifier(keys, config_file);
}

bool LicenceVerifier::signature_valid(std::string_view key) const {
    const auto decoded = decode_licence_key(key);
    if (!decoded) {
        return false;
    }
    const auto found = keys_.find(string_claim(*decoded->header, "kid"));
    return found != keys_.end() && string_claim(*decoded->header, "alg") == kLicenceAlgorithm &&
           decoded->signature.size() == 64 && signature_matches(found->second, key);
}

domain::Licence LicenceVerifier::verify(std::string_view key, const std::string& organisation_id,
                                        domain::Timestamp now) const {
    const auto decoded = decode_licence_key(key);
    if (!decoded) {
        throw LicenceRefused(
            LicenceRefused::Reason::NotAKey,
            "This is not a licence key: a key is three base64url parts separated by dots, as sent "
            "by the vendor.");
    }
    const Poco::JSON::Object& header = *decoded->header;
    const Poco::JSON::Object& claims = *decoded->payload;

    const std::string algorithm = string_claim(header, "alg");
    if (algorithm != kLicenceAlgorithm) {
        throw LicenceRefused(LicenceRefused::Reason::Algorithm,
                             "This licence key uses the algorithm '" + algorithm +
                                 "', but only vendor keys signed with ES256 are accepted.",
                             algorithm);
    }
    const std::string key_id = string_claim(header, "kid");
    const auto vendor_key = keys_.find(key_id);
    if (vendor_key == keys_.end()) {
        throw LicenceRefused(LicenceRefused::Reason::UnknownKeyId,
                             "This licence key was signed with the vendor key '" + key_id +
                                 "', which this installation does not know.",
                             key_id);
    }
    // ES256 signatures are exactly r‖s, 32 bytes each (RFC 7518 §3.4); anything else is forged.
    if (decoded->signature.size() != 64 || !signature_matches(vendor_key->second, key)) {
        throw LicenceRefused(
            LicenceRefused::Reason::Signature,
            "The signature of this licence key is not valid: the key was altered or not signed by "
            "the vendor.");
    }
    if (string_claim(claims, "iss") != kLicenceIssuer) {
        throw LicenceRefused(LicenceRefused::Reason::Issuer,
                             "This licence key was not issued by the vendor of External Sharing.");
    }
    if (string_claim(claims, "sub") != organisation_id) {
        throw LicenceRefused(LicenceRefused::Reason::Organisation,
                             "This licence key is for another organisation.");
    }
    const auto plan = domain::parse_plan(string_claim(claims, "plan"));
    const auto seats = integer_claim(claims, "seats");
    const auto not_before = integer_claim(claims, "nbf");
    const auto expires = integer_claim(claims, "exp");
    const std::string licence_id = string_claim(claims, "jti");
    if (!plan || !seats || *seats < 1 || !not_before || !expires || *expires <= *not_before ||
        licence_id.empty()) {
        throw LicenceRefused(
            LicenceRefused::Reason::Claims,
            "This licence key lacks a valid plan, seat count, validity or licence number.");
    }
    domain::Licence licence;
    licence.licence_id = licence_id;
    licence.organisation_id = organisation_id;
    licence.plan = *plan;
    licence.seats = *seats;
    licence.valid_from = domain::from_epoch_ms(*not_before * 1000);
    licence.valid_until = domain::from_epoch_ms(*expires * 1000);
    licence.key_id = key_id;
    licence.issuer = kLicenceIssuer;
    if (now >= licence.valid_until) {
        throw LicenceRefused(
            LicenceRefused::Reason::Expired,
            "This licence key expired on " + text::format_utc(licence.valid_until) + ".",
            text::format_utc(licence.valid_until));
    }
    if (now < licence.valid_from) {
        throw LicenceRefused(
            LicenceRefused::Reason::NotYetValid,
            "This licence key is valid only from " + text::format_utc(licence.valid_from) + ".",
            text::format_utc(licence.valid_from));
    }
    return licence;
}

}  // namespace es::licence
