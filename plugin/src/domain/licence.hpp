// The claims of a vendor licence key that passed verification. Only LicenceVerifier makes these
// from a key; the store keeps them so that checking a state needs no signature verification.
#pragma once

#include <cstdint>
#include <string>

#include "domain/plan.hpp"
#include "domain/timestamp.hpp"

namespace es::domain {

struct Licence {
    std::string licence_id;       // "jti": the vendor's number for this key
    std::string organisation_id;  // "sub": the only organisation the key works for
    Plan plan = Plan::Module;
    std::int64_t seats = 0;         // active users covered
    domain::Timestamp valid_from;   // "nbf"
    domain::Timestamp valid_until;  // "exp", exclusive
    std::string key_id;             // "kid": which vendor key signed it
    std::string issuer;             // "iss"

    bool operator==(const Licence&) const = default;
};

}  // namespace es::domain
