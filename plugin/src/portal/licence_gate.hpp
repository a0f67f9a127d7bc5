// The portal's question to licensing: may this organisation's links be opened right now?
//
// A link of an organisation whose licence is not active answers exactly like an unknown link, so
// the portal asks on every request that found a share. Implementations must be thread-safe and
// cheap (they run on every portal request); they may cache briefly.
#pragma once

#include <string>

namespace es::portal {

class LicenceGate {
  public:
    virtual ~LicenceGate() = default;
    virtual bool is_active(const std::string& organisation_id) = 0;
};

}  // namespace es::portal
