#include "portal/routes/share_policy.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace es::portal::routes {

domain::Policy policy_for(PortalContext& ctx, const domain::Share& share) {
    std::string case_type;
    try {
        dm::Context c{share.organisation_id, "", "en"};
        Poco::JSON::Parser parser;
        auto o = parser.parse(ctx.ports.host.case_details(c, share.case_id))
                     .extract<Poco::JSON::Object::Ptr>();
        if (auto t = o->getObject("case_type")) {
            case_type = t->optValue<std::string>("id", "");
        }
    } catch (const std::exception&) {
        // Without the case type the organisation-wide policy still applies.
    }
    auto& settings = ctx.ports.store.organisation_settings();
    return domain::Policy::resolve(
        ctx.settings.policy, case_type, settings.policy_overrides(share.organisation_id, ""),
        case_type.empty() ? domain::PolicyOverrides{}
                          : settings.policy_overrides(share.organisation_id, case_type));
}

}  // namespace es::portal::routes
