// ExpiryReminderJob::Directory over the host adapter: the owner from the host's directory (a
// removed user is unknown to it), the case reference from the case's details, the organisation's
// name as the caseworker desk last stored it (organisation setting "display_name").
//
// Calls are made on behalf of the organisation (empty user id): the job acts for no one.
// [any-thread], as the adapter is.
#pragma once

#include "app/expiry_reminder_job.hpp"
#include "host/host_adapter.hpp"
#include "store/organisation_settings_repository.hpp"

namespace es::app {

class HostReminderDirectory : public ExpiryReminderJob::Directory {
  public:
    HostReminderDirectory(const host::HostAdapter& host,
                          store::OrganisationSettingsRepository& settings)
        : host_(host), settings_(settings) {}

    std::optional<ExpiryReminderJob::Owner> owner(const std::string& organisation_id,
                                                  const std::string& user_id) override;
    std::string organisation_name(const std::string& organisation_id) override;
    std::string case_reference(const std::string& organisation_id,
                               const std::string& case_id) override;

  private:
    const host::HostAdapter& host_;
    store::OrganisationSettingsRepository& settings_;
};

}  // namespace es::app
