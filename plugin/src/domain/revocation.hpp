// That a share was ended early, when and by whom. Irreversible: a revoked share never comes back.
#pragma once

#include <string>

#include "domain/timestamp.hpp"

namespace es::domain {

struct Revocation {
    Timestamp at;
    std::string
        by;  // user id, or "system:<event>" when a host event revoked it ("system:case_closed")

    bool operator==(const Revocation&) const = default;
};

}  // namespace es::domain
