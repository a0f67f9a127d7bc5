#include "app/policy_resolver.hpp"

#include "domain/error.hpp"

namespace es::app {

domain::Policy PolicyResolver::resolve(const std::string& organisation_id,
                                       const std::string& case_type_id) const {
    if (case_type_id.empty()) {
        throw domain::Error(domain::Error::Kind::Internal,
                            "a policy needs the case type; the organisation-wide one is not a "
                            "stand-in");
    }
    return domain::Policy::resolve(config_, case_type_id,
                                   settings_.policy_overrides(organisation_id, ""),
                                   settings_.policy_overrides(organisation_id, case_type_id));
}

}  // namespace es::app
