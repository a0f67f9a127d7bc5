#include "licence/licence_refused.hpp"

namespace es::licence {

const char* reason_id(LicenceRefused::Reason reason) noexcept {
    using R = LicenceRefused::Reason;
    switch (reason) {
        case R::NotAKey:
            return "not_a_key";
        case R::Algorithm:
            return "algorithm";
        case R::UnknownKeyId:
            return "unknown_key_id";
        case R::Signature:
            return "signature";
        case R::Issuer:
            return "issuer";
        case R::Organisation:
            return "organisation";
        case R::Claims:
            return "claims";
        case R::Expired:
            return "expired";
        case R::NotYetValid:
            return "not_yet_valid";
    }
    return "not_a_key";
}

}  // namespace es::licence
