// A licence key that cannot be accepted. what() is one English sentence an admin can act on;
// reason() and detail() let the admin page say the same in the user's language. Nothing was
// changed when this is thrown.
#pragma once

#include <string>

#include "domain/error.hpp"

namespace es::licence {

class LicenceRefused : public domain::Error {
  public:
    enum class Reason {
        NotAKey,       // not three base64url parts of JSON
        Algorithm,     // detail: the algorithm named in the header
        UnknownKeyId,  // detail: the key id
        Signature,     // altered, or signed by another key
        Issuer,        // not the vendor
        Organisation,  // for another organisation
        Claims,        // plan, seats, validity or licence number missing or malformed
        Expired,       // detail: the end (UTC)
        NotYetValid    // detail: the start (UTC)
    };

    LicenceRefused(Reason reason, const std::string& sentence, std::string detail = "")
        : Error(Kind::InvalidInput, sentence), reason_(reason), detail_(std::move(detail)) {}

    Reason reason() const noexcept { return reason_; }
    const std::string& detail() const noexcept { return detail_; }

  private:
    Reason reason_;
    std::string detail_;
};

// "not_a_key", "algorithm", ... — the key of the sentence in the admin texts ("refused.<id>").
const char* reason_id(LicenceRefused::Reason reason) noexcept;

}  // namespace es::licence
