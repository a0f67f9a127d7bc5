// A share as the owner's panel lists it: the share plus when it was last opened.
#pragma once

#include <optional>

#include "domain/share.hpp"
#include "domain/timestamp.hpp"

namespace es::store {

struct ShareListing {
    domain::Share share;
    std::optional<domain::Timestamp> last_access;  // newest access event of any outcome
};

}  // namespace es::store
