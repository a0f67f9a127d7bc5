// A licence key that cannot be accepted. The message is one sentence an admin can act on; nothing
// was changed when this is thrown.
#pragma once

#include <string>

#include "domain/error.hpp"

namespace es::licence {

class LicenceRefused : public domain::Error {
  public:
    explicit LicenceRefused(const std::string& sentence) : Error(Kind::InvalidInput, sentence) {}
};

}  // namespace es::licence
