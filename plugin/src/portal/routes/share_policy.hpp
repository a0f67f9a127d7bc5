// The policy (code length, lifetime, tries, sends) that applies to a share now: config defaults,
// its case type, and the organisation's overrides, resolved per request like everything else.
#pragma once

#include "domain/policy.hpp"
#include "domain/share.hpp"
#include "portal/portal_context.hpp"

namespace es::portal::routes {

domain::Policy policy_for(PortalContext& ctx, const domain::Share& share);

}  // namespace es::portal::routes
