// The policy (code length, lifetime, tries, sends) that applies to a share now: its case type as
// the host gives it in this request, resolved by the module's one resolver (CasePolicies). When the
// host cannot say the case type, there is no policy: the error propagates and the request is
// refused (the unavailable or generic error page), never decided by a wider organisation-wide
// policy.
#pragma once

#include "domain/policy.hpp"
#include "domain/share.hpp"
#include "portal/portal_context.hpp"

namespace es::portal::routes {

domain::Policy policy_for(PortalContext& ctx, const domain::Share& share);

}  // namespace es::portal::routes
