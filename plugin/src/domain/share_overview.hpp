// A share as the owner sees it: in the panel (ShareOverview) and right after making it
// (CreatedShare). Read models of the use cases in app/, shown by ui/.
#pragma once

#include <optional>
#include <string>

#include "domain/share.hpp"
#include "domain/timestamp.hpp"

namespace es::domain {

// A share as the owner's panel shows it.
struct ShareOverview {
    Share share;
    ShareStatus status = ShareStatus::Active;  // by the database clock
    std::optional<Timestamp> last_access;
};

// The result of creating a share: the share and its link. The link is shown to the owner once
// here and can be fetched again later; it is never logged.
struct CreatedShare {
    Share share;
    std::string url;
};

}  // namespace es::domain
