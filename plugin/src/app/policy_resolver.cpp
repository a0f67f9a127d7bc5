#include "app/policy_resolver.hpp"

#include "domain/error.hpp"
#include "text/time_text.hpp"

namespace es::app {

domain::Policy PolicyResolver::resolve(const std::string& organisation_id,
                                       const std::string& case_type_id) const {
    if (case_type_id.empty()) {
        throw domain::Error(domain::Error::Kind::Internal,
                            "a policy needs the case type; the organisation-wide one is not a "
                            "stand-in");
    }
    domain::Policy policy = domain::Policy::resolve(
        config_, case_type_id, settings_.policy_overrides(organisation_id, ""),
        settings_.policy_overrides(organisation_id, case_type_id));
    const std::string zone = time_zone_of(organisation_id);
    policy.use_clock(zone, [zone](domain::Timestamp at) { return text::end_of_day(at, zone); });
    return policy;
}

}  // namespace es::app
