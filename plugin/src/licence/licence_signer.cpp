#include "licence/licence_signer.hpp"

#include <Poco/Exception.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>

#include <sstream>
#include <stdexcept>

#include "licence/decoded_licence_key.hpp"

namespace es::licence {

VendorKeyPair generate_vendor_key_pair() {
    Poco::Crypto::ECKey key("prime256v1");
    std::ostringstream public_pem;
    std::ostringstream private_pem;
    key.impl()->save(&public_pem, &private_pem);
    return {private_pem.str(), public_pem.str()};
}

LicenceSigner::LicenceSigner(const std::string& private_key_pem, std::string key_id)
    : key_id_(std::move(key_id)) {
    try {
        std::istringstream in(private_key_pem);
        key_ = new Poco::Crypto::ECKey(nullptr, &in);
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("not an EC private key in PEM form: " + e.displayText());
    }
    if (key_->impl()->groupName() != "prime256v1") {
        throw std::invalid_argument("the private key is not on the P-256 curve");
    }
    if (key_id_.empty()) {
        throw std::invalid_argument("a key id is required");
    }
}

std::string LicenceSigner::sign(const domain::Licence& licence) const {
    Poco::JWT::Token token;
    token.setType("JWT");
    token.header().set("kid", key_id_);
    token.setIssuer(licence.issuer.empty() ? std::string(kLicenceIssuer) : licence.issuer);
    token.setSubject(licence.organisation_id);
    token.setId(licence.licence_id);
    auto& claims = token.payload();
    claims.set("plan", std::string(domain::plan_id(licence.plan)));
    claims.set("seats", static_cast<Poco::Int64>(licence.seats));
    claims.set("nbf", static_cast<Poco::Int64>(domain::to_epoch_ms(licence.valid_from) / 1000));
    claims.set("exp", static_cast<Poco::Int64>(domain::to_epoch_ms(licence.valid_until) / 1000));
    claims.set("iat", static_cast<Poco::Int64>(Poco::Timestamp().epochTime()));
    Poco::JWT::Signer signer(key_);
    return signer.sign(token, Poco::JWT::Signer::ALGO_ES256);
}

}  // namespace es::licence
