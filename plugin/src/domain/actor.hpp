// Who acts, for which organisation, in which language: the C ABI's dm_context as the core sees it.
#pragma once

#include <string>

#include "domain/share_options.hpp"

namespace es::domain {

struct Actor {
    std::string organisation_id;
    std::string user_id;  // empty: the module itself (portal, worker) acting for the organisation
    Language locale = Language::De;
};

}  // namespace es::domain
