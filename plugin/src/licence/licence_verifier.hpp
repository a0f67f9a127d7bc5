// Checks vendor licence keys: ES256 JWTs signed with one of the vendor's EC P-256 keys, each named
// by a key id ("kid") so the vendor can rotate keys while old licences stay valid.
//
// Refusals are LicenceRefused with one sentence saying what is wrong: not a JWT, an algorithm other
// than ES256 ("none" and HS256 included: the public key is never used as an HMAC secret), an
// unknown key id, a signature that does not verify (altered, or signed by another key), another
// issuer or organisation, a bad claim, a validity window that is over or has not begun.
//
// Thread-safe: immutable after construction; verify() builds its own signer per call.
#pragma once

#include <Poco/Crypto/ECKey.h>
#include <Poco/SharedPtr.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"
#include "domain/licence.hpp"
#include "domain/timestamp.hpp"

namespace es::licence {

struct VendorPublicKey {
    std::string key_id;
    std::string pem;  // "-----BEGIN PUBLIC KEY-----" of an EC P-256 key
};

class LicenceVerifier {
  public:
    // Throws config::ConfigError (key "licensing.vendor_keys") for a duplicate key id or a PEM that
    // is not an EC P-256 public key. No keys is allowed: every key is then refused, the trial
    // works. `config_file` only names the file in messages.
    explicit LicenceVerifier(const std::vector<VendorPublicKey>& keys,
                             const std::string& config_file = "");

    // Reads each `public_key_file`; a missing or unreadable file is a ConfigError naming it.
    static LicenceVerifier from_settings(const config::LicensingSettings& settings,
                                         const std::string& config_file);

    // The licence in `key` for `organisation_id` at `now`, or LicenceRefused.
    domain::Licence verify(std::string_view key, const std::string& organisation_id,
                           domain::Timestamp now) const;

    // The signature alone, for `es-licence inspect --pub`: true when a known key signed `key`.
    bool signature_valid(std::string_view key) const;

  private:
    std::map<std::string, Poco::SharedPtr<Poco::Crypto::ECKey>> keys_;
};

}  // namespace es::licence
