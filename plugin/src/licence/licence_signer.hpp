// The vendor's side of licence keys: makes ES256 JWTs that LicenceVerifier accepts. Linked into the
// vendor tool `es-licence` and the tests; the plugin itself never signs (it holds no private key).
#pragma once

#include <Poco/Crypto/ECKey.h>
#include <Poco/SharedPtr.h>

#include <string>

#include "domain/licence.hpp"

namespace es::licence {

struct VendorKeyPair {
    std::string private_pem;
    std::string public_pem;
};

// A fresh EC P-256 key pair in PEM form.
VendorKeyPair generate_vendor_key_pair();

class LicenceSigner {
  public:
    // Throws std::invalid_argument when `private_key_pem` is not an EC P-256 private key.
    LicenceSigner(const std::string& private_key_pem, std::string key_id);

    // The key for `licence` (its key_id is ignored: the signer's own is used; an empty issuer means
    // the vendor's). Seconds are the JWT's resolution, so sub-second parts of the times are cut.
    std::string sign(const domain::Licence& licence) const;

  private:
    Poco::SharedPtr<Poco::Crypto::ECKey> key_;
    std::string key_id_;
};

}  // namespace es::licence
