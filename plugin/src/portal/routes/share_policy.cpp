#include "portal/routes/share_policy.hpp"

namespace es::portal::routes {

domain::Policy policy_for(PortalContext& ctx, const domain::Share& share) {
    const domain::Actor organisation{share.organisation_id, "", share.locale};
    const auto details =
        ctx.ports.host.read_case(organisation, share.case_id, domain::CaseParts::details_only());
    return ctx.ports.policies.resolve(share.organisation_id, details.case_type_id);
}

}  // namespace es::portal::routes
