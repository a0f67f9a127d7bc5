// The policy that applies to a case: the configured defaults, the case type's configured keys, the
// organisation's overrides for all its case types and for this one (domain::Policy::resolve). Every
// decision that depends on the policy — the share dialog, the service's checks, the portal's code
// limits (through portal::CasePolicies) — asks this one resolver, once per request, with the case
// type the host gave for that request.
//
// There is no fallback: a caller without the case type (the host failed) gets no policy and
// refuses the request, since the organisation-wide policy may be wider than the case type's.
//
// Thread safety: any thread (the repository is thread-safe). Errors: domain::Error from the store;
// ValidationFailed for a bad override in the database.
#pragma once

#include <string>

#include "config/settings.hpp"
#include "domain/policy.hpp"
#include "portal/case_policies.hpp"
#include "store/organisation_settings_repository.hpp"

namespace es::app {

class PolicyResolver final : public portal::CasePolicies {
  public:
    // `config` and `settings` must outlive the resolver. The policy comes with the
    // organisation's clock (its time zone from `organisations`).
    PolicyResolver(const config::PolicyConfig& config,
                   store::OrganisationSettingsRepository& settings,
                   config::OrganisationSettings organisations = {})
        : config_(config), settings_(settings), organisations_(std::move(organisations)) {}

    // `case_type_id` must not be empty (Internal otherwise).
    domain::Policy resolve(const std::string& organisation_id,
                           const std::string& case_type_id) const override;
    // The organisation's time zone, which its policies' days end in.
    std::string time_zone_of(const std::string& organisation_id) const {
        return organisations_.time_zone_of(organisation_id);
    }

  private:
    const config::PolicyConfig& config_;
    store::OrganisationSettingsRepository& settings_;
    config::OrganisationSettings organisations_;
};

}  // namespace es::app
